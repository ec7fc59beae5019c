import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-numeric-user.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
USER 0
`,
    `FROM alpine:3.20
USER 1000:1000
`,
    `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
USER ContainerUser
`,
    `ARG UID=1000
FROM alpine:3.20
ARG UID
USER \${UID}:\${UID}
`,
    // A USER that only switches users for the build steps after it: the image runs as the last one.
    `FROM alpine:3.20
USER root
RUN apk add --no-cache curl
USER app
RUN make
USER 10001
`,
    // A build stage's user runs no container.
    `FROM node:22 AS build
USER node
RUN npm ci
FROM gcr.io/distroless/nodejs22-debian12
COPY --from=build /app /app
USER 65532
`,
    // Running as root is no-root-user's finding: a numeric 0 would not make it pass runAsNonRoot.
    `FROM alpine:3.20
USER app
USER root
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
USER node
`,
      errors: [{ messageId: "named", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: `FROM alpine:3.20
USER app:1000
`,
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
    {
      name: "the user of the stage the image is built on",
      code: `FROM alpine:3.20 AS base
USER app
FROM base
RUN echo built
`,
      errors: [{ messageId: "named", line: 2, column: 6, endColumn: 9 }],
    },
    {
      name: "a stage no other stage uses is an image too (--target)",
      code: `FROM node:22 AS release
USER 1000
FROM release AS rootless
USER node
FROM release AS debug
RUN echo debug
`,
      errors: [{ messageId: "named", line: 4, column: 6 }],
    },
    {
      name: "an ARG declared after the USER does not count",
      code: `FROM alpine:3.20
USER $UID
ARG UID=10001
`,
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
    {
      name: "a variable that no ARG declares",
      code: `FROM alpine:3.20
USER $RUNNER
`,
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
  ],
});
