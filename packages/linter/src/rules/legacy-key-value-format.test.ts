import { ruleTester } from "../testing/rule-tester.js";
import rule from "./legacy-key-value-format.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
ENV A=1 B=2
`,
    `FROM alpine:3.20
LABEL a="b c"
`,
    `FROM alpine:3.20
ENV A=
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
ENV PORT 8080
`,
      errors: [
        {
          messageId: "legacy",
          message: '"ENV key=value" should be used instead of the legacy "ENV key value" format.',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 14,
        },
      ],
      output: `FROM alpine:3.20
ENV PORT=8080
`,
    },
    {
      code: `FROM alpine:3.20
label description A small image
`,
      errors: [{ messageId: "legacy", line: 2, column: 7 }],
      output: `FROM alpine:3.20
label description="A small image"
`,
    },
    {
      name: "no fix when the value has its own quotes",
      code: `FROM alpine:3.20
ENV GREETING "hello" world
`,
      errors: [{ messageId: "legacy", line: 2 }],
      output: null,
    },
  ],
});
