import { ruleTester } from "../testing/rule-tester.js";
import rule from "./from-first.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nRUN echo hi\n",
    "# syntax=docker/dockerfile:1\n# a comment\nARG A=1\nARG B\nFROM alpine:${A}\n",
    { name: "an empty file is syntax-error's finding", code: "", allowSyntaxErrors: true },
    { code: "# only a comment\n", allowSyntaxErrors: true },
    {
      name: "an unknown keyword is syntax-error's finding",
      code: "{{ template }}\nFROM alpine:3.20\n",
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: "ENV A=1\nFROM alpine:3.20\n",
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
      code: "ARG A=1\nlabel a=b\nRUN true\nFROM alpine:3.20\n",
      errors: [
        { messageId: "beforeFrom", line: 2, column: 1, endColumn: 6 },
        { messageId: "beforeFrom", line: 3, column: 1 },
      ],
    },
    {
      code: 'RUN echo hi\nCMD ["sh"]\n',
      errors: [{ messageId: "noFrom", line: 1, column: 1, endColumn: 4 }],
    },
    { name: "only ARGs", code: "ARG A=1\n", errors: [{ messageId: "noFrom", line: 1 }] },
    {
      code: "ONBUILD RUN true\nFROM alpine:3.20\n",
      errors: [{ messageId: "beforeFrom", line: 1, column: 1, endColumn: 8 }],
    },
  ],
});
