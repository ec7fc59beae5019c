import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-implicit-root-user.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "s6-overlay's /init starts as root and runs each service as its own user",
      code: `FROM alpine:3.20 AS base
ENTRYPOINT ["/init"]
FROM base
COPY root/ /
`,
    },
    {
      name: "a user switcher after an init",
      code: `FROM debian:12
ENTRYPOINT ["tini", "--", "gosu", "app", "/usr/bin/server"]
`,
    },
    `FROM ghcr.io/linuxserver/baseimage-alpine:3.23
RUN apk add --no-cache sonarr
`,
    `FROM lscr.io/linuxserver/sonarr:4
COPY root/ /
`,
    {
      name: ".NET's chiseled images under a nested repository",
      code: `ARG REPO=mcr.microsoft.com/dotnet/monitor/base
FROM $REPO:8.1.3-ubuntu-chiseled-arm64v8
`,
    },
    {
      name: "a bare name that another frontend's INCLUDE may define as a stage",
      code: `# syntax = devthefuture/dockerfile-x
INCLUDE docker/runtime.dockerfile
FROM runtime AS app
RUN make
`,
    },
    {
      name: "an image of files, with nothing to run",
      code: `FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM scratch AS export
COPY --from=build /out /
`,
    },
    {
      name: "the base image's config sets an unprivileged USER",
      code: `FROM node:22
RUN true
`,
      imageConfigs: { "node:22": { config: { User: "node" } } },
    },
    {
      name: "the base image's config sets root: no-root-user's finding",
      code: `FROM example/root:1
RUN true
`,
      imageConfigs: { "example/root:1": { config: { User: "root" } } },
    },
    {
      name: "a config for another image does not count",
      code: `FROM debian:12
USER app
`,
      imageConfigs: { "debian:11": { config: {} } },
    },
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
    {
      name: "Nano Server since 1709 runs as ContainerUser",
      code: `FROM mcr.microsoft.com/dotnet/runtime:10.0-nanoserver-ltsc2022
ENTRYPOINT ["dotnetapp"]
`,
    },
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2025\n",
    "FROM cimg/python:3.12\n",
    "FROM registry.access.redhat.com/ubi8/nginx-120\n",
    "FROM registry.redhat.io/rhel8/postgresql-12:latest\n",
    "FROM quay.io/sclorg/python-311-c9s\n",
    "FROM centos/python-36-centos7\n",
    "FROM mcr.microsoft.com/powershell:lts-nanoserver-1809\n",
    // .NET's chiseled and distroless images run as their app user.
    "FROM mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra\n",
    `FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless@sha256:${"a".repeat(64)}\n`,
    `FROM debian:12
USER root
`,
  ],
  invalid: [
    {
      name: "an init alone drops nothing, and an entrypoint script is not seen",
      code: `FROM debian:12
ENTRYPOINT ["tini", "--", "/usr/bin/server"]
`,
      errors: [{ messageId: "implicit", line: 1 }],
    },
    {
      code: `FROM debian:12
ENTRYPOINT ["/docker-entrypoint.sh"]
`,
      errors: [{ messageId: "implicit", line: 1 }],
    },
    {
      name: "another frontend, but no instruction of its own: the bare name is no stage",
      code: `# syntax = devthefuture/dockerfile-x
FROM runtime AS app
RUN make
`,
      errors: [{ messageId: "implicit", line: 2 }],
    },
    {
      name: ".NET's other images run as root",
      code: "FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble\n",
      errors: [{ messageId: "implicit", line: 1, column: 6 }],
    },
    {
      name: "a scratch image that runs its program; a base named by a global ARG, shown expanded",
      code: `ARG BASE=scratch
FROM \${BASE}
COPY app /app
CMD ["/app"]
`,
      errors: [
        {
          messageId: "implicit",
          message:
            "The final image sets no USER, so it runs as the user of 'scratch', usually root; add an unprivileged USER.",
          line: 2,
        },
      ],
    },
    {
      name: "Red Hat's base images run as root",
      code: "FROM registry.access.redhat.com/ubi9/ubi-minimal\n",
      errors: [{ messageId: "implicit", line: 1 }],
    },
    {
      code: "FROM registry.access.redhat.com/ubi8/s2i-base:1\n",
      errors: [{ messageId: "implicit", line: 1 }],
    },
    {
      name: "Windows Server Core, and Nano Server of Windows Server 2016, run as ContainerAdministrator",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
`,
      errors: [
        {
          messageId: "implicitWindows",
          message:
            "The final image sets no USER, so it runs as the user of 'mcr.microsoft.com/windows/servercore:ltsc2022', usually ContainerAdministrator; add USER ContainerUser.",
          line: 1,
          column: 6,
        },
      ],
    },
    {
      name: "a Windows image known by its RUN of Windows PowerShell",
      code: `FROM in-house/windows-base:1
RUN powershell -Command Install-Thing
`,
      errors: [{ messageId: "implicitWindows", line: 1, column: 6 }],
    },
    ...[
      "mcr.microsoft.com/windows/nanoserver:sac2016",
      "microsoft/nanoserver",
      "microsoft/nanoserver:10.0.14393.2068",
    ].map((image) => ({
      name: `Nano Server of Windows Server 2016: ${image}`,
      code: `FROM ${image}\n`,
      errors: [{ messageId: "implicitWindows" as const, line: 1, column: 6 }],
    })),
    {
      name: "the base image's config sets no USER, whatever the image's name says",
      code: `FROM example/app:nonroot AS base
FROM base
`,
      imageConfigs: { "example/app:nonroot": { config: { Cmd: ["app"] } } },
      errors: [
        {
          messageId: "knownRoot",
          message:
            "The final image sets no USER, and neither does its base image 'example/app:nonroot', so it runs as root; add an unprivileged USER.",
          line: 2,
          column: 6,
        },
      ],
    },
    {
      name: "an unknown base image (config given for another one) is reported as before",
      code: `FROM debian:12
RUN make
`,
      imageConfigs: { "debian:11": { config: { User: "app" } } },
      errors: [{ messageId: "implicit", line: 1 }],
    },
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
