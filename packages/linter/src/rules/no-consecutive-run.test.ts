import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-consecutive-run.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN a
ENV X=1
RUN b
`,
    `FROM debian:12
RUN a && b && c
RUN d
`,
    `FROM debian:12
RUN --mount=type=cache,target=/c a
RUN b
`,
    `FROM debian:12
RUN <<EOF
a
EOF
RUN b
`,
    `FROM debian:12
RUN a
FROM debian:12
RUN b
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN a
RUN b
`,
      errors: [
        {
          messageId: "consecutive",
          message: "This RUN follows another short RUN with the same flags; merge them into one layer.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN a
# why

run b && c
RUN d
`,
      errors: [
        { messageId: "consecutive", line: 5 },
        { messageId: "consecutive", line: 6 },
      ],
    },
  ],
});
