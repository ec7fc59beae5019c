import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-from-undefined-stage.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /a\n",
    "FROM alpine AS Build\nFROM alpine\nCOPY --from=BUILD /a /a\n",
    "FROM alpine\nFROM alpine\nCOPY --from=0 /a /a\n",
    "FROM alpine\nCOPY --from=nginx:1.27 /a /a\n",
    "FROM alpine\nCOPY --from=ghcr.io/org/tool /a /a\n",
    "FROM alpine\nCOPY --from=tool@sha256:abc /a /a\n",
    "FROM alpine\nCOPY --from=$STAGE /a /a\n",
    "ARG STAGE=build\nFROM alpine AS build\nFROM alpine\nCOPY --from=${STAGE} /a /a\n",
    {
      name: "a later stage is resolved by BuildKit",
      code: "FROM alpine\nCOPY --from=later /a /a\nFROM alpine AS later\n",
    },
    "FROM alpine\nONBUILD COPY --from=other /a /a\n",
    {
      name: "templates",
      code: "FROM alpine:{{ version }} AS build\nFROM alpine\nCOPY --from=build /a /a\n",
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: "FROM alpine AS build\nFROM alpine\nCOPY --from=biuld /a /a\n",
      errors: [
        {
          messageId: "typo",
          message:
            "No stage is named 'biuld' (did you mean 'build'?), so COPY --from pulls an image of that name.",
          line: 3,
          column: 13,
          endColumn: 18,
        },
      ],
    },
    {
      code: "FROM alpine AS build\nFROM alpine\nCOPY --from=busybox /bin/sh /bin/sh\n",
      errors: [{ messageId: "unknown", line: 3, column: 13, endColumn: 20 }],
    },
    {
      code: "FROM alpine\nFROM alpine\nCOPY --from=2 /a /a\n",
      errors: [
        {
          messageId: "index",
          message: "Stage index 2 does not exist: the Dockerfile has 2 stages.",
          line: 3,
          column: 13,
        },
      ],
    },
    {
      code: "ARG SRC=builder\nFROM alpine\nCOPY --from=$SRC /a /a\n",
      errors: [{ messageId: "unknown", line: 3, column: 13, endColumn: 17 }],
    },
  ],
});
