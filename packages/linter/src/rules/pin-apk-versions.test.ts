import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-apk-versions.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3
RUN apk add --no-cache curl=8.9.1-r1 git~2.45 'bash>5' 'zsh<6'
`,
    `FROM alpine:3
RUN apk add --virtual .deps gcc=13 && apk add -t .x make=4
`,
    `FROM alpine:3
RUN apk add --repository http://x/edge/main foo=1 ./local.apk $PKGS
`,
    `FROM alpine:3
RUN apk update && apk del curl && apk upgrade
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3
RUN apk add --no-cache curl
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'curl' is installed without a version; pin it with 'curl=<version>'.",
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 28,
        },
      ],
    },
    {
      code: `FROM alpine:3
RUN apk add -U --virtual .deps \\
    gcc
`,
      errors: [{ messageId: "unpinned", line: 3, column: 5, endColumn: 8 }],
    },
    {
      code: `FROM alpine:3
RUN apk --keys-dir /k add curl
`,
      errors: [{ messageId: "unpinned", line: 2, column: 27, endColumn: 31 }],
    },
  ],
});
