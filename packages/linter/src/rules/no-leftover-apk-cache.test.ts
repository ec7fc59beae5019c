import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-apk-cache.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "apk update --no-cache writes no index",
      code: `FROM alpine:3.20
RUN apk update --no-cache && apk add --no-cache nginx=1.26.3-r0
RUN apk --no-cache update && apk add --no-cache curl=8.9.1-r1
`,
    },
    {
      name: "a stage that only feeds COPY --from ships no layer",
      code: `FROM alpine:3.20 AS tools
RUN apk add curl && curl -fsSLo /tool https://example.com/tool
FROM alpine:3.20
COPY --from=tools /tool /tool
`,
    },
    `FROM alpine:3.20
RUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/*
`,
    `FROM alpine:3.20
RUN apk update && apk upgrade && rm -rf /var/cache/*
`,
    `FROM alpine:3.20
RUN --mount=type=cache,target=/var/cache/apk apk update && apk add curl
`,
    `FROM alpine:3
RUN apk add --no-network --virtual .rundeps $runDeps
`,
    `FROM alpine:3
RUN apk add --no-cache curl
`,
    `FROM alpine:3
RUN apk --no-cache add curl
`,
    `FROM alpine:3
RUN apk add curl && rm -rf /var/cache/apk/*
`,
    `FROM alpine:3
RUN --mount=type=cache,target=/var/cache/apk,sharing=locked apk add curl
`,
    `FROM alpine:3
RUN apk del curl
`,
  ],
  invalid: [
    {
      name: "the index apk update fetched stays",
      code: `FROM alpine:3.20
RUN apk update && apk add --no-cache curl
`,
      errors: [
        {
          messageId: "update",
          message:
            "'apk update' leaves the package index in the layer; drop it and use 'apk add --no-cache', or remove /var/cache/apk/* in the same RUN.",
          line: 2,
          column: 9,
          endColumn: 15,
        },
      ],
    },
    {
      name: "one finding when apk add is reported",
      code: `FROM alpine:3.20
RUN apk update && apk add curl
`,
      errors: [{ messageId: "cache", line: 2, column: 23 }],
      output: `FROM alpine:3.20
RUN apk update && apk add --no-cache curl
`,
    },
    {
      code: `FROM alpine:3
RUN apk update && apk add curl
`,
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
      output: `FROM alpine:3
RUN apk update && apk add --no-cache curl
`,
    },
    {
      code: `FROM alpine:3
RUN apk add \\
  --virtual .deps gcc
`,
      errors: [{ messageId: "cache", line: 2, column: 9 }],
      output: `FROM alpine:3
RUN apk add --no-cache \\
  --virtual .deps gcc
`,
    },
    {
      name: "a value option before the verb (the apk reader's list, shared with pin-apk-versions)",
      code: `FROM alpine:3
RUN apk --keys-dir /k add curl
`,
      errors: [{ messageId: "cache", line: 2, column: 23, endColumn: 26 }],
      output: `FROM alpine:3
RUN apk --keys-dir /k add --no-cache curl
`,
    },
  ],
});
