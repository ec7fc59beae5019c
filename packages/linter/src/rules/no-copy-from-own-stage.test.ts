import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-copy-from-own-stage.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine AS build
FROM alpine AS final
COPY --from=build /a /a
`,
    `FROM alpine
FROM alpine
COPY --from=0 /a /a
`,
    `FROM alpine AS a
COPY --from=alpine /a /a
`,
    {
      name: "a later stage of the same name replaces this one",
      code: `FROM alpine AS a
COPY --from=a /a /a
FROM alpine AS a
`,
    },
  ],
  invalid: [
    {
      code: `FROM alpine AS build
COPY --from=build /a /b
`,
      errors: [
        {
          messageId: "own",
          message: "COPY --from=build names the stage it is in; a stage cannot copy from itself.",
          line: 2,
          column: 13,
          endColumn: 18,
        },
      ],
    },
    {
      code: `FROM alpine AS Build
COPY --from=BUILD /a /b
`,
      errors: [{ messageId: "own", line: 2, column: 13 }],
    },
    {
      code: `FROM alpine
FROM alpine
COPY --from=1 /a /b
`,
      errors: [{ messageId: "own", line: 3, column: 13 }],
    },
    {
      code: `ARG SELF=app
FROM alpine AS app
COPY --from=\${SELF} /a /b
`,
      errors: [{ messageId: "own", line: 3, column: 13, endColumn: 20 }],
    },
  ],
});
