import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-apt-get.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-cache show curl\n",
    "FROM debian:12\nRUN echo apt && ls /etc/apt\n",
    "FROM debian:12\nRUN apt-key adv --recv-keys x\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt update && apt install -y curl\n",
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
      code: "FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive /usr/bin/apt upgrade\n",
      errors: [{ messageId: "apt", line: 2, column: 36, endColumn: 48 }],
    },
  ],
});
