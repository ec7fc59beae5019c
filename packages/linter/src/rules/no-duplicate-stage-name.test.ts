import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-duplicate-stage-name.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine AS a\nFROM alpine AS b\n",
    "FROM alpine\nFROM alpine\n",
    {
      name: "template placeholders are not stage names",
      code: "FROM debian:{{ .debian }}\nFROM debian:{{ .debian }}\n",
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: "FROM alpine AS a\nFROM alpine AS b\nFROM alpine AS a\n",
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
      code: "FROM alpine AS build\nFROM alpine AS Build\nFROM alpine AS BUILD\n",
      errors: [
        { messageId: "duplicate", line: 2, column: 16 },
        { messageId: "duplicate", line: 3, column: 16 },
      ],
    },
  ],
});
