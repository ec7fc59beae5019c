import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-numeric-user.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a Windows user has no numeric ID",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
USER zabbix
CMD ["cmd"]
`,
    },
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
    // An ENV's value, also through an ARG's default and in quotes.
    `FROM alpine:3.20
ARG UID=1200
ENV APP_UID=\${UID}
USER \${APP_UID}
`,
    `FROM alpine:3.20
ENV APP_UID=1200 APP_GID=1201
USER "\${APP_UID}:\${APP_GID}"
`,
    // Set by the base image (jupyter's images set NB_UID): not known here.
    `FROM quay.io/jupyter/base-notebook
USER \${NB_UID}
`,
    // Set by nothing before it: undefined-var's finding, not a name.
    `FROM alpine:3.20
USER $UID
ARG UID=10001
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
      name: "a variable set by an ENV is read by its value",
      code: `FROM alpine:3.20
ENV APP_USER=app
USER \${APP_USER}:1000
`,
      errors: [
        {
          messageId: "namedVariable",
          message:
            "USER '${APP_USER}:1000' is the name 'app'; use its numeric UID so that runAsNonRoot can verify it.",
          line: 3,
          column: 6,
        },
      ],
    },
    {
      name: "quotes are removed, as the build does",
      code: `FROM alpine:3.20
USER "app"
`,
      errors: [{ messageId: "namedVariable", line: 2, column: 6 }],
    },
  ],
});
