import { ruleTester } from "../testing/rule-tester.js";
import rule from "./useradd-no-log-init.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN useradd -l -u 1000000 app
`,
    `FROM debian:12
RUN useradd --no-log-init --uid=1000000 app
`,
    `FROM debian:12
RUN useradd -mlu 1000000 app
`,
    `FROM debian:12
RUN useradd -u 99999 app && useradd -u \${USER_ID} other
`,
    `FROM debian:12
RUN groupadd -g 1000000 app && adduser --uid 1000000 app
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN useradd -u 1000000 app
`,
      errors: [
        {
          messageId: "logInit",
          message:
            "UID 1000000 makes useradd write large lastlog and faillog files into the layer; add -l (--no-log-init).",
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 23,
        },
      ],
      output: `FROM debian:12
RUN useradd -l -u 1000000 app
`,
    },
    {
      code: `FROM debian:12
RUN groupadd -g 123456 app && \\
    /usr/sbin/useradd -m --uid=123456 -g app app
`,
      errors: [{ messageId: "logInit", line: 3, column: 32, endColumn: 38 }],
      output: `FROM debian:12
RUN groupadd -g 123456 app && \\
    /usr/sbin/useradd -l -m --uid=123456 -g app app
`,
    },
    {
      code: `FROM debian:12
RUN ["useradd", "-u", "123456", "app"]
`,
      errors: [{ messageId: "logInit", line: 2, column: 24, endColumn: 30 }],
      output: null,
    },
  ],
});
