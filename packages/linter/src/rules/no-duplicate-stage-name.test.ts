import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-duplicate-stage-name.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine AS a
FROM alpine AS b
`,
    `FROM alpine
FROM alpine
`,
    {
      name: "template placeholders are not stage names",
      code: `FROM debian:{{ .debian }}
FROM debian:{{ .debian }}
`,
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: `FROM alpine AS a
FROM alpine AS b
FROM alpine AS a
`,
      errors: [
        {
          messageId: "duplicate",
          message: "Duplicate stage name 'a'; stage names should be unique.",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 17,
        },
      ],
    },
    {
      name: "names are compared in lowercase",
      code: `FROM alpine AS build
FROM alpine AS Build
FROM alpine AS BUILD
`,
      errors: [
        { messageId: "duplicate", line: 2, column: 16 },
        { messageId: "duplicate", line: 3, column: 16 },
      ],
    },
  ],
});
