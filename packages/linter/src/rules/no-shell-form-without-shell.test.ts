import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-shell-form-without-shell.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "images with a shell, and exec forms in images without one",
      code: `FROM alpine:3.20 AS base
RUN echo hi
CMD echo hi

FROM scratch
COPY --from=base /bin/true /true
RUN ["/true"]
CMD ["/true"]
HEALTHCHECK CMD ["/true"]
`,
    },
    {
      name: "debug and -dev tags hold a shell",
      code: `FROM gcr.io/distroless/base-debian12:debug AS a
RUN echo hi
FROM cgr.dev/chainguard/static:latest-dev AS b
RUN echo hi
FROM cgr.dev/chainguard/python:latest
RUN echo hi
FROM mcr.microsoft.com/dotnet/aspnet:8.0-noble AS c
RUN echo hi
`,
    },
    {
      name: "a root filesystem unpacked or copied in first",
      code: `FROM scratch AS a
ADD alpine-minirootfs-3.20.0-x86_64.tar.gz /
RUN apk add --no-cache curl

FROM scratch AS b
COPY --from=rootfs-stage /root-out/ /
RUN echo ok

FROM scratch AS c
COPY --from=busybox:1.36 /bin/busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN echo ok

FROM scratch AS d
COPY --from=tools /opt/stage /
CMD echo ok

FROM scratch AS e
ADD --unpack=true https://example.com/rootfs.tar.xz /
RUN echo ok

FROM scratch AS f
ADD focal-server-cloudimg.img /
RUN echo ok
`,
    },
    {
      name: "a SHELL names the shell, in the stage or a stage it builds on",
      code: `FROM scratch AS base
COPY --from=busybox:1.36-musl /bin/busybox /busybox/sh
SHELL ["/busybox/sh", "-c"]
FROM base
RUN echo ok
`,
    },
    {
      name: "under an ENTRYPOINT a shell-form CMD is only arguments (cmd-overridden's finding)",
      code: `FROM scratch AS a
COPY app /app
CMD serve --port 8080
ENTRYPOINT ["/app"]
FROM a
CMD serve
FROM gcr.io/distroless/nodejs22-debian12
COPY server.js /srv/
CMD /srv/server.js
`,
    },
    {
      name: "the base image's config sets an ENTRYPOINT",
      code: `FROM gcr.io/distroless/static-debian12:nonroot
CMD serve
`,
      imageConfigs: { "gcr.io/distroless/static-debian12:nonroot": { config: { Entrypoint: ["/app"] } } },
    },
    {
      name: "a base image that is only known at build time",
      code: `ARG BASE
FROM \${BASE}
RUN echo ok
`,
    },
    {
      name: "an ONBUILD trigger runs in another image",
      code: `FROM scratch
ONBUILD RUN echo ok
`,
    },
  ],
  invalid: [
    {
      name: "a shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK on scratch",
      code: `FROM scratch
COPY app /app
COPY config.yaml /
RUN chmod +x /app
HEALTHCHECK --interval=30s CMD /app health
ENTRYPOINT /app --serve
CMD serve --port 8080
`,
      errors: [
        {
          messageId: "run",
          message:
            "'scratch' has no shell, so this shell-form RUN fails the build (it runs as /bin/sh -c \"…\"); write it in exec form, or run it in a stage that has a shell.",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 4,
        },
        { messageId: "healthcheck", line: 5 },
        {
          messageId: "start",
          message:
            '\'scratch\' has no shell, so this shell-form ENTRYPOINT cannot start (it runs as /bin/sh -c "…"); write it in exec form (ENTRYPOINT ["…"]).',
          line: 6,
        },
      ],
    },
    {
      name: "Microsoft's chiseled .NET images, with a digest or not",
      code: `FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.0-noble-chiseled@sha256:${"b".repeat(64)}
RUN mkdir /data
FROM mcr.microsoft.com/dotnet/nightly/aspnet:9.0-jammy-chiseled-extra
ENTRYPOINT dotnet app.dll
`,
      errors: [
        { messageId: "run", line: 2 },
        { messageId: "start", line: 4 },
      ],
    },
    {
      name: "a shell-form CMD with no ENTRYPOINT",
      code: `FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
CMD /app --serve
`,
      errors: [{ messageId: "start", line: 3 }],
    },
    {
      name: "a stage built on a scratch stage, and distroless through a global ARG",
      code: `ARG DISTROLESS=gcr.io/distroless/static-debian12:nonroot
FROM scratch AS files
COPY --from=build /out/app /app
FROM files
CMD /app
FROM \${DISTROLESS}
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT /usr/local/bin/app
`,
      errors: [
        { messageId: "start", line: 5 },
        {
          messageId: "start",
          message:
            '\'gcr.io/distroless/static-debian12:nonroot\' has no shell, so this shell-form ENTRYPOINT cannot start (it runs as /bin/sh -c "…"); write it in exec form (ENTRYPOINT ["…"]).',
          line: 8,
        },
      ],
    },
    {
      name: "copying files that are not a shell does not bring one",
      code: `FROM cgr.dev/chainguard/static@sha256:0000000000000000000000000000000000000000000000000000000000000000
COPY --from=build /lint.Dockerfile /
COPY --from=build /out/app /app
RUN ln -s /app /usr/bin/app
`,
      errors: [{ messageId: "run", line: 4 }],
    },
    {
      name: "an archive ADD does not unpack",
      code: `FROM scratch AS a
ADD https://example.com/rootfs.tar.xz /
RUN echo a
FROM scratch AS b
ADD --unpack=false rootfs.tar.xz /
RUN echo b
`,
      errors: [
        { messageId: "run", line: 3 },
        { messageId: "run", line: 6 },
      ],
    },
  ],
});
