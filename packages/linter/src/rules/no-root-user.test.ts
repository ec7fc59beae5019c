import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-root-user.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\n",
    `FROM debian:12
USER root
USER app
`,
    `FROM debian:12
USER rooty
`,
    `FROM debian:12
USER 1000:0
`,
    `FROM debian:12 AS base
USER root
FROM debian:12
RUN true
`,
    `FROM debian:12 AS base
USER root
FROM base
USER app
`,
    `FROM debian:12
USER $USER
`,
    `FROM debian:12
ONBUILD USER root
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
USER root
`,
      errors: [
        {
          messageId: "root",
          message: "The final image runs as 'root'; switch to an unprivileged USER at the end.",
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 10,
        },
      ],
    },
    {
      code: `FROM debian:12
USER 0:0
`,
      errors: [{ messageId: "root", line: 2, column: 6, endColumn: 9 }],
    },
    {
      code: `FROM debian:12
USER root:root
`,
      errors: [{ messageId: "root", line: 2, column: 6 }],
    },
    {
      code: `FROM debian:12 AS Base
USER app
USER root
FROM base
RUN true
`,
      errors: [{ messageId: "root", line: 3, column: 6 }],
    },
  ],
});
