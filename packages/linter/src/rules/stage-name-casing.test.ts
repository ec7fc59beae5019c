import { ruleTester } from "../testing/rule-tester.js";
import rule from "./stage-name-casing.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\n",
    "FROM alpine:3.20 AS base\n",
    "from alpine:3.20 as base-1.0\n",
    "FROM Alpine\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20 AS Base\n",
      errors: [
        {
          messageId: "notLowercase",
          message: "Stage name 'Base' should be lowercase.",
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 25,
        },
      ],
      output: "FROM alpine:3.20 AS base\n",
    },
    {
      code: `FROM alpine:3.20 AS base
FROM base as BUILD
COPY --from=BUILD / /
`,
      errors: [{ messageId: "notLowercase", line: 2, column: 14, endColumn: 19 }],
      output: `FROM alpine:3.20 AS base
FROM base as build
COPY --from=BUILD / /
`,
    },
  ],
});
