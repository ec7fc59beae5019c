import { ruleTester } from "../testing/rule-tester.js";
import rule from "./missing-healthcheck.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "an interactive shell, no port: no service to check",
      code: `ARG BaseImage=mcr.microsoft.com/powershell:preview-debian-12
FROM \${BaseImage}
RUN apt-get update
CMD [ "pwsh" ]
`,
    },
    `FROM mcr.microsoft.com/devcontainers/base:bookworm
CMD bash
`,
    {
      name: "an image of files, with nothing to run",
      code: `FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM scratch AS export
COPY --from=build /out /
`,
    },
    {
      name: "the base image's config has a HEALTHCHECK",
      code: 'FROM example/web:1\nCMD ["web"]\n',
      imageConfigs: { "example/web:1": { config: { Healthcheck: { Test: ["CMD", "web", "--check"] } } } },
    },
    `FROM alpine
HEALTHCHECK CMD true
`,
    `FROM alpine
HEALTHCHECK NONE
`,
    `FROM alpine AS base
HEALTHCHECK CMD true
FROM base
RUN true
`,
    `FROM golang AS build
FROM alpine
COPY --from=build /a /a
HEALTHCHECK CMD true
`,
    `FROM alpine AS base
FROM base
HEALTHCHECK CMD true
`,
    {
      name: "a stage without a name before the last is no target",
      code: `FROM golang:1.23
RUN go version
FROM alpine:3.20
HEALTHCHECK CMD true
`,
    },
  ],
  invalid: [
    {
      name: "a shell that serves a port, or runs a command",
      code: `FROM python:3.12
EXPOSE 8000
CMD ["python"]
`,
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      code: `FROM debian:12
ENTRYPOINT ["bash"]
CMD ["-c", "exec server"]
`,
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      name: "a scratch image that runs its program",
      code: `FROM scratch AS base
COPY app /app
FROM base
ENTRYPOINT ["/app"]
`,
      errors: [{ messageId: "missing", line: 3 }],
    },
    {
      name: "the base image's config has no HEALTHCHECK",
      code: 'FROM example/web:1\nCMD ["web"]\n',
      imageConfigs: { "example/web:1": { config: { Cmd: ["web"] } } },
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      code: `FROM alpine
CMD ["httpd", "-f", "-p", "80"]
`,
      errors: [
        {
          messageId: "missing",
          message: "This stage has no HEALTHCHECK, so Docker cannot tell whether the service still responds.",
          line: 1,
          column: 1,
          endColumn: 5,
        },
      ],
    },
    {
      name: "ONBUILD HEALTHCHECK does not count",
      code: `FROM alpine
ONBUILD HEALTHCHECK CMD true
`,
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      name: "each final stage",
      code: `FROM alpine AS dev
FROM alpine AS prod
HEALTHCHECK CMD true
FROM alpine AS test
`,
      errors: [
        { messageId: "missing", line: 1 },
        { messageId: "missing", line: 4 },
      ],
    },
  ],
});
