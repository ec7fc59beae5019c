import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-relative-without-workdir.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a base a build argument picks among stages that each set a WORKDIR",
      code: `ARG PACKAGE
FROM alpine:3.20 AS runtime_api
WORKDIR /bin
FROM runtime_api AS runtime_web
FROM runtime_\${PACKAGE}
COPY app ./
`,
    },
    {
      name: "the base image's config sets WorkingDir",
      code: `FROM example/app:1
COPY app.jar .
`,
      imageConfigs: { "example/app:1": { config: { WorkingDir: "/srv" } } },
    },
    {
      name: "the base image's config sets WorkingDir, several stages",
      code: `FROM example/app:1 AS base
FROM base
COPY app.jar .
`,
      imageConfigs: { "example/app:1": { config: { WorkingDir: "/srv" } } },
    },
    `FROM alpine
COPY a /a
`,
    `FROM alpine
WORKDIR /app
COPY a .
`,
    `FROM alpine
COPY a "/a"
`,
    `FROM alpine
COPY a $HOME/
`,
    `FROM alpine
COPY a \${APP_DIR}
`,
    `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY a C:/app/
`,
    `FROM alpine AS base
WORKDIR /app
FROM base AS mid
FROM mid
COPY a .
`,
    `FROM alpine AS base
COPY a /a
WORKDIR /app
FROM base
COPY b b
`,
    `FROM alpine
ONBUILD COPY a .
`,
    `FROM alpine
COPY ["a", "/a/"]
`,
    `FROM alpine
COPY a "$APP"/config
`,
    `FROM scratch
COPY a .
`,
    `FROM scratch AS base
FROM base
FROM alpine
WORKDIR /x
FROM base
COPY a b
`,
  ],
  invalid: [
    {
      name: "a base a build argument picks among stages, one of which sets no WORKDIR",
      code: `ARG PACKAGE
FROM alpine:3.20 AS runtime_api
WORKDIR /bin
FROM alpine:3.20 AS runtime_web
FROM runtime_\${PACKAGE}
COPY app ./
`,
      errors: [{ messageId: "relative", line: 6 }],
    },
    {
      name: "the base image's config sets no WorkingDir",
      code: `FROM example/app:1
COPY app.jar .
`,
      imageConfigs: { "example/app:1": { config: { WorkingDir: "" } } },
      errors: [{ messageId: "relative", line: 2 }],
    },
    {
      code: `FROM alpine
COPY a .
`,
      errors: [
        {
          messageId: "relative",
          message:
            "COPY to the relative destination '.' with no WORKDIR set in this stage; set WORKDIR or use an absolute path.",
          line: 2,
          column: 8,
          endColumn: 9,
        },
      ],
    },
    {
      name: "WORKDIR after the COPY does not help",
      code: `FROM alpine
ADD a.tgz app/
WORKDIR /app
`,
      errors: [{ messageId: "relative", line: 2, column: 11, endColumn: 15 }],
    },
    {
      name: "a WORKDIR in an unrelated stage does not count",
      code: `FROM alpine AS a
WORKDIR /app
FROM alpine
COPY --from=a x x
`,
      errors: [{ messageId: "relative", line: 4, column: 17 }],
    },
    {
      name: "a WORKDIR inside ONBUILD does not count",
      code: `FROM alpine
ONBUILD WORKDIR /app
COPY a ./
`,
      errors: [{ messageId: "relative", line: 3, column: 8 }],
    },
    {
      code: `FROM alpine
COPY ["a", "app/"]
`,
      errors: [{ messageId: "relative", line: 2, column: 12, endColumn: 18 }],
    },
  ],
});
