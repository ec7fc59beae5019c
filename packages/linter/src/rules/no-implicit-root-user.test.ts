import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-implicit-root-user.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
USER 10001
`,
    `FROM debian:12 AS base
USER app
FROM base
CMD ["x"]
`,
    `FROM golang:1 AS build
FROM gcr.io/distroless/static:nonroot
`,
    "FROM cgr.dev/chainguard/node:latest\n",
    `FROM debian:12
USER root
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN make
`,
      errors: [{ messageId: "implicit", line: 1, column: 6, endColumn: 15 }],
    },
    {
      code: `FROM debian:12 AS build
USER app
FROM alpine:3
COPY --from=build /a /a
`,
      errors: [{ messageId: "implicit", line: 3, column: 6, endColumn: 14 }],
    },
    {
      code: `FROM node:22 AS base
FROM base AS final
CMD ["node"]
`,
      errors: [{ messageId: "implicit", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM cgr.dev/chainguard/node:latest-dev\n",
      errors: [{ messageId: "implicit", line: 1, column: 6, endColumn: 40 }],
    },
  ],
});
