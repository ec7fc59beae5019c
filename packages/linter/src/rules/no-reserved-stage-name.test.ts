import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-reserved-stage-name.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine AS base\n",
    "FROM scratch\n",
    "FROM alpine AS scratchpad\n",
    "FROM alpine AS build-context\n",
  ],
  invalid: [
    {
      code: "FROM alpine AS scratch\n",
      errors: [
        {
          messageId: "reserved",
          message: "Stage name 'scratch' is reserved and should not be used as a stage name.",
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 23,
        },
      ],
    },
    { code: "FROM alpine AS Context\n", errors: [{ messageId: "reserved", line: 1, column: 16 }] },
  ],
});
