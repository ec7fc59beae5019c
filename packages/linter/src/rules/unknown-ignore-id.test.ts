import { ruleTester } from "../testing/rule-tester.js";
import rule from "./unknown-ignore-id.js";

ruleTester.run(rule, {
  valid: [
    `# hull ignore=maintainer-deprecated, legacy-key-value-format # reason
FROM alpine:3.20
`,
    `# hull global ignore=DL4000
FROM alpine:3.20
`,
    `# hadolint ignore=dl3008,SC2086
FROM alpine:3.20
`,
    `# check=skip=all
FROM alpine:3.20
`,
    `# check=skip=InvalidBaseImagePlatform;error=true
FROM alpine:3.20
`,
    `FROM alpine:3.20
# a comment that mentions hull ignore=nothing
RUN true
`,
  ],
  invalid: [
    {
      code: `# hull ignore=maintainer-deprecatd
FROM alpine:3.20
`,
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
      code: `FROM alpine:3.20
# hadolint ignore=DL9999
RUN true
`,
      errors: [{ messageId: "unknownCode", line: 2, column: 19, endColumn: 25 }],
    },
    {
      name: "BuildKit names are case-sensitive",
      code: `# check=skip=maintainerDeprecated
FROM alpine:3.20
`,
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
      code: `FROM alpine:3.20
# check=skip=Bogus,StageNameCasing
RUN true
`,
      errors: [{ messageId: "unknownCheck", line: 2, column: 14, endColumn: 19 }],
    },
  ],
});
