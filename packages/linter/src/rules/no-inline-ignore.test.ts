import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-inline-ignore.js";

ruleTester.run(rule, {
  valid: [
    "# hadolint global ignore=DL3008\nFROM alpine:3.20\n",
    "# check=skip=StageNameCasing\nFROM alpine:3.20 AS Build\n",
    "FROM alpine:3.20\n# a plain comment\nRUN true\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n",
      errors: [
        {
          messageId: "inline",
          message: "Inline 'hadolint ignore' comment; configure exceptions in the config file instead.",
          line: 2,
          column: 1,
        },
      ],
    },
    {
      code: "FROM alpine:3.20\n# hull ignore=no-latest-tag\nFROM alpine:latest\n",
      errors: [{ messageId: "inline", line: 2 }],
    },
  ],
});
