import { ruleTester } from "../testing/rule-tester.js";
import rule from "./unknown-ignore-id.js";

ruleTester.run(rule, {
  valid: [
    "# hull ignore=maintainer-deprecated, legacy-key-value-format # reason\nFROM alpine:3.20\n",
    "# hull global ignore=DL4000\nFROM alpine:3.20\n",
    "# hadolint ignore=dl3008,SC2086\nFROM alpine:3.20\n",
    "# check=skip=all\nFROM alpine:3.20\n",
    "# check=skip=InvalidBaseImagePlatform;error=true\nFROM alpine:3.20\n",
    "FROM alpine:3.20\n# a comment that mentions hull ignore=nothing\nRUN true\n",
  ],
  invalid: [
    {
      code: "# hull ignore=maintainer-deprecatd\nFROM alpine:3.20\n",
      errors: [
        {
          messageId: "unknownRule",
          message:
            "Unknown rule 'maintainer-deprecatd' in ignore comment. Did you mean 'maintainer-deprecated'?",
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 35,
        },
      ],
    },
    {
      code: "FROM alpine:3.20\n# hadolint ignore=DL9999\nRUN true\n",
      errors: [{ messageId: "unknownCode", line: 2, column: 19, endColumn: 25 }],
    },
    {
      name: "BuildKit names are case-sensitive",
      code: "# check=skip=maintainerDeprecated\nFROM alpine:3.20\n",
      errors: [
        {
          messageId: "unknownCheck",
          message:
            "Unknown BuildKit check 'maintainerDeprecated' in check=skip (names are case-sensitive). Did you mean 'MaintainerDeprecated'?",
          line: 1,
          column: 14,
        },
      ],
    },
    {
      code: "FROM alpine:3.20\n# check=skip=Bogus,StageNameCasing\nRUN true\n",
      errors: [{ messageId: "unknownCheck", line: 2, column: 14, endColumn: 19 }],
    },
  ],
});
