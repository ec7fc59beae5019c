import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-copy-from-own-stage.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine AS build\nFROM alpine AS final\nCOPY --from=build /a /a\n",
    "FROM alpine\nFROM alpine\nCOPY --from=0 /a /a\n",
    "FROM alpine AS a\nCOPY --from=alpine /a /a\n",
    {
      name: "a later stage of the same name replaces this one",
      code: "FROM alpine AS a\nCOPY --from=a /a /a\nFROM alpine AS a\n",
    },
  ],
  invalid: [
    {
      code: "FROM alpine AS build\nCOPY --from=build /a /b\n",
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
      code: "FROM alpine AS Build\nCOPY --from=BUILD /a /b\n",
      errors: [{ messageId: "own", line: 2, column: 13 }],
    },
    {
      code: "FROM alpine\nFROM alpine\nCOPY --from=1 /a /b\n",
      errors: [{ messageId: "own", line: 3, column: 13 }],
    },
    {
      code: "ARG SELF=app\nFROM alpine AS app\nCOPY --from=${SELF} /a /b\n",
      errors: [{ messageId: "own", line: 3, column: 13, endColumn: 20 }],
    },
  ],
});
