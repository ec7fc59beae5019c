import { ruleTester } from "../testing/rule-tester.js";
import rule from "./from-first.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
RUN echo hi
`,
    `# syntax=docker/dockerfile:1
# a comment
ARG A=1
ARG B
FROM alpine:\${A}
`,
    { name: "an empty file is syntax-error's finding", code: "", allowSyntaxErrors: true },
    { code: "# only a comment\n", allowSyntaxErrors: true },
    {
      name: "an unknown keyword is syntax-error's finding",
      code: `{{ template }}
FROM alpine:3.20
`,
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: `ENV A=1
FROM alpine:3.20
`,
      errors: [
        {
          messageId: "beforeFrom",
          message: "ENV comes before the first FROM: only ARG may precede it.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 4,
        },
      ],
    },
    {
      code: `ARG A=1
label a=b
RUN true
FROM alpine:3.20
`,
      errors: [
        { messageId: "beforeFrom", line: 2, column: 1, endColumn: 6 },
        { messageId: "beforeFrom", line: 3, column: 1 },
      ],
    },
    {
      code: `RUN echo hi
CMD ["sh"]
`,
      errors: [{ messageId: "noFrom", line: 1, column: 1, endColumn: 4 }],
    },
    { name: "only ARGs", code: "ARG A=1\n", errors: [{ messageId: "noFrom", line: 1 }] },
    {
      code: `ONBUILD RUN true
FROM alpine:3.20
`,
      errors: [{ messageId: "beforeFrom", line: 1, column: 1, endColumn: 8 }],
    },
  ],
});
