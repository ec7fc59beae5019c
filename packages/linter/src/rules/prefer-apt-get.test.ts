import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-apt-get.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "what only apt does",
      code: `FROM debian:trixie
RUN apt modernize-sources --assume-yes
`,
    },
    `FROM debian:12
RUN apt-get update && apt-cache show curl
`,
    `FROM debian:12
RUN echo apt && ls /etc/apt
`,
    `FROM debian:12
RUN apt-key adv --recv-keys x
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt update && apt install -y curl
`,
      errors: [
        {
          messageId: "apt",
          message: "'apt' has no stable interface for scripts; use apt-get or apt-cache.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 8,
        },
        { messageId: "apt", line: 2, column: 19, endColumn: 22 },
      ],
    },
    {
      code: `FROM debian:12
RUN DEBIAN_FRONTEND=noninteractive /usr/bin/apt upgrade
`,
      errors: [{ messageId: "apt", line: 2, column: 36, endColumn: 48 }],
    },
  ],
});
