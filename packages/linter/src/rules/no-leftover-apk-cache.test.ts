import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-apk-cache.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3\nRUN apk add --no-network --virtual .rundeps $runDeps\n",
    "FROM alpine:3\nRUN apk add --no-cache curl\n",
    "FROM alpine:3\nRUN apk --no-cache add curl\n",
    "FROM alpine:3\nRUN apk add curl && rm -rf /var/cache/apk/*\n",
    "FROM alpine:3\nRUN --mount=type=cache,target=/var/cache/apk,sharing=locked apk add curl\n",
    "FROM alpine:3\nRUN apk del curl\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3\nRUN apk update && apk add curl\n",
      errors: [
        {
          messageId: "cache",
          message: "'apk add' keeps the package index in the layer; add --no-cache.",
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 26,
        },
      ],
      output: "FROM alpine:3\nRUN apk update && apk add --no-cache curl\n",
    },
    {
      code: "FROM alpine:3\nRUN apk add \\\n  --virtual .deps gcc\n",
      errors: [{ messageId: "cache", line: 2, column: 9 }],
      output: "FROM alpine:3\nRUN apk add --no-cache \\\n  --virtual .deps gcc\n",
    },
    {
      name: "a value option before the verb (the apk reader's list, shared with pin-apk-versions)",
      code: "FROM alpine:3\nRUN apk --keys-dir /k add curl\n",
      errors: [{ messageId: "cache", line: 2, column: 23, endColumn: 26 }],
      output: "FROM alpine:3\nRUN apk --keys-dir /k add --no-cache curl\n",
    },
  ],
});
