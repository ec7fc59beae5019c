import { ruleTester } from "../testing/rule-tester.js";
import rule from "./workdir-relative-path.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
WORKDIR /app
`,
    {
      name: "only the first WORKDIR counts",
      code: `FROM alpine
WORKDIR /app
WORKDIR src
`,
    },
    {
      name: "inherited from a base stage",
      code: `FROM alpine AS base
WORKDIR /app
FROM base
WORKDIR src
`,
    },
    {
      name: "inherited through two stages",
      code: `FROM alpine AS a
WORKDIR /app
FROM a AS b
FROM b
WORKDIR src
`,
    },
    {
      name: "Windows paths",
      code: `FROM mcr.microsoft.com/windows/nanoserver
WORKDIR C:\\app
FROM alpine
WORKDIR "C:/app"
FROM alpine
WORKDIR \\app
`,
    },
    {
      name: "a variable set in the stage",
      code: `FROM alpine
ARG DIR=/srv
WORKDIR \${DIR}/app
`,
    },
    {
      name: "a variable this file does not set",
      code: `FROM golang
WORKDIR $GOPATH/src/app
`,
    },
    {
      name: "a global ARG brought into the stage",
      code: `ARG DIR=/opt
FROM alpine
ARG DIR
WORKDIR $DIR
`,
    },
  ],
  invalid: [
    {
      name: "with the base image's config, the message says where the path resolves",
      code: `FROM example/app:1
WORKDIR ../app
`,
      imageConfigs: { "example/app:1": { config: { WorkingDir: "/srv/www" } } },
      errors: [
        {
          messageId: "relativeTo",
          message:
            "Relative WORKDIR '../app' resolves to '/srv/app' only because of the working directory of 'example/app:1'; set an absolute path first.",
        },
      ],
    },
    {
      name: "a base image without WorkingDir starts in /",
      code: `FROM example/app:1
WORKDIR app
`,
      imageConfigs: { "example/app:1": { config: {} } },
      errors: [
        {
          messageId: "relativeTo",
          message:
            "Relative WORKDIR 'app' resolves to '/app' only because of the working directory of 'example/app:1'; set an absolute path first.",
        },
      ],
    },
    {
      code: `FROM alpine
WORKDIR app
`,
      errors: [
        {
          messageId: "relative",
          message:
            "Relative WORKDIR 'app' depends on the base image's working directory; set an absolute path first.",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      name: "the first one only, even when later ones are relative too",
      code: `FROM alpine
WORKDIR app
WORKDIR src
`,
      errors: [{ messageId: "relative", line: 2 }],
    },
    {
      name: "a base stage that sets no WORKDIR",
      code: `FROM alpine AS base
RUN true
FROM base
workdir ./app
`,
      errors: [{ messageId: "relative", line: 4, column: 9 }],
    },
    {
      name: "a variable that expands to a relative path",
      code: `FROM alpine
ENV DIR=app
WORKDIR $DIR/src
`,
      errors: [
        {
          messageId: "relative",
          message:
            "Relative WORKDIR 'app/src' depends on the base image's working directory; set an absolute path first.",
        },
      ],
    },
    {
      name: "each stage chain on its own",
      code: `FROM alpine AS a
WORKDIR /app
FROM alpine
WORKDIR app
`,
      errors: [{ messageId: "relative", line: 4 }],
    },
  ],
});
