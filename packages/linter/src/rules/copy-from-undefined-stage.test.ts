import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-from-undefined-stage.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a named build context the build passes",
      code: `FROM alpine
COPY --from=templates /t /t
COPY --from=alpine:latest /etc/os-release /
`,
      settings: { buildContexts: { templates: "./templates", alpine: "docker-image://alpine:3.20" } },
    },
    `FROM alpine AS build
FROM alpine
COPY --from=build /a /a
`,
    `FROM alpine AS Build
FROM alpine
COPY --from=BUILD /a /a
`,
    `FROM alpine
FROM alpine
COPY --from=0 /a /a
`,
    `FROM alpine
COPY --from=nginx:1.27 /a /a
`,
    `FROM alpine
COPY --from=ghcr.io/org/tool /a /a
`,
    `FROM alpine
COPY --from=tool@sha256:abc /a /a
`,
    `FROM alpine
COPY --from=$STAGE /a /a
`,
    `ARG STAGE=build
FROM alpine AS build
FROM alpine
COPY --from=\${STAGE} /a /a
`,
    {
      name: "a later stage is resolved by BuildKit",
      code: `FROM alpine
COPY --from=later /a /a
FROM alpine AS later
`,
    },
    `FROM alpine
ONBUILD COPY --from=other /a /a
`,
    {
      name: "templates",
      code: `FROM alpine:{{ version }} AS build
FROM alpine
COPY --from=build /a /a
`,
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      code: `FROM alpine AS build
FROM alpine
COPY --from=biuld /a /a
`,
      errors: [
        {
          messageId: "typo",
          message:
            "No stage is named 'biuld' (did you mean 'build'?), so COPY --from pulls an image of that name.",
          line: 3,
          column: 13,
          endColumn: 18,
        },
      ],
    },
    {
      code: `FROM alpine AS build
FROM alpine
COPY --from=busybox /bin/sh /bin/sh
`,
      errors: [
        {
          messageId: "unknown",
          message:
            "No stage is named 'busybox': COPY --from reads the build context of that name if the build passes one (--build-context busybox=…), or else pulls the image 'busybox'; name a stage, or give the image a tag.",
          line: 3,
          column: 13,
          endColumn: 20,
        },
      ],
    },
    {
      code: `FROM alpine
FROM alpine
COPY --from=2 /a /a
`,
      errors: [
        {
          messageId: "index",
          message: "Stage index 2 does not exist: the Dockerfile has 2 stages.",
          line: 3,
          column: 13,
        },
      ],
    },
    {
      code: `ARG SRC=builder
FROM alpine
COPY --from=$SRC /a /a
`,
      errors: [{ messageId: "unknown", line: 3, column: 13, endColumn: 17 }],
    },
  ],
});
