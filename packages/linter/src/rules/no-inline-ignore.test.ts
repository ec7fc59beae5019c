import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-inline-ignore.js";

ruleTester.run(rule, {
  valid: [
    `# hadolint global ignore=DL3008
FROM alpine:3.20
`,
    `# check=skip=StageNameCasing
FROM alpine:3.20 AS Build
`,
    `FROM alpine:3.20
# a plain comment
RUN true
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
# hadolint ignore=DL3018
RUN apk add curl
`,
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
      code: `FROM alpine:3.20
# hull ignore=no-latest-tag
FROM alpine:latest
`,
      errors: [{ messageId: "inline", line: 2 }],
    },
  ],
});
