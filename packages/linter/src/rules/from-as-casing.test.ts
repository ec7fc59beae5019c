import { ruleTester } from "../testing/rule-tester.js";
import rule from "./from-as-casing.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20 AS base\n",
    "from alpine:3.20 as base\n",
    "FROM alpine:3.20\n",
    { name: "mixed-case FROM is left to consistent-instruction-casing", code: "From alpine:3.20 as base\n" },
    { name: "mixed-case FROM with AS", code: "From alpine:3.20 AS base\n" },
    {
      name: "a template placeholder is not AS",
      code: "FROM buildpack-deps:{{ env.codename }}-scm\n",
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20 as base\n",
      errors: [
        {
          messageId: "mismatch",
          message: "'as' and 'FROM' keywords' casing do not match.",
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 20,
        },
      ],
      output: "FROM alpine:3.20 AS base\n",
    },
    {
      code: "from alpine:3.20 AS base\n",
      errors: [{ messageId: "mismatch", line: 1, column: 18 }],
      output: "from alpine:3.20 as base\n",
    },
    {
      code: "FROM alpine:3.20 As base\n",
      errors: [{ messageId: "mismatch", line: 1, column: 18, endColumn: 20 }],
      output: "FROM alpine:3.20 AS base\n",
    },
  ],
});
