import { ruleTester } from "../testing/rule-tester.js";
import rule from "./missing-healthcheck.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nHEALTHCHECK CMD true\n",
    "FROM alpine\nHEALTHCHECK NONE\n",
    "FROM alpine AS base\nHEALTHCHECK CMD true\nFROM base\nRUN true\n",
    "FROM golang AS build\nFROM alpine\nCOPY --from=build /a /a\nHEALTHCHECK CMD true\n",
    "FROM alpine AS base\nFROM base\nHEALTHCHECK CMD true\n",
  ],
  invalid: [
    {
      code: 'FROM alpine\nCMD ["sh"]\n',
      errors: [
        {
          messageId: "missing",
          message: "This stage has no HEALTHCHECK, so Docker cannot tell whether the service still responds.",
          line: 1,
          column: 1,
          endColumn: 5,
        },
      ],
    },
    {
      name: "ONBUILD HEALTHCHECK does not count",
      code: "FROM alpine\nONBUILD HEALTHCHECK CMD true\n",
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      name: "each final stage",
      code: "FROM alpine AS dev\nFROM alpine AS prod\nHEALTHCHECK CMD true\nFROM alpine AS test\n",
      errors: [
        { messageId: "missing", line: 1 },
        { messageId: "missing", line: 4 },
      ],
    },
  ],
});
