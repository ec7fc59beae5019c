import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-image-reference.js";

ruleTester.run(rule, {
  valid: [
    "FROM ubuntu:22.04\n",
    "FROM localhost:5000/team/app:1.0\n",
    "FROM node@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
    "FROM scratch\n",
    {
      name: "quotes, which BuildKit removes, and placeholders a script fills in",
      code: `FROM "node:22" AS a
FROM 'gcr.io/distroless/static-debian12'
FROM ubuntu:%%SUITE%%
FROM gcr.io/<project_id>/go-windows
`,
    },
    `ARG BASE=Ubuntu
FROM $BASE
`,
    {
      name: "stages: FROM as written in lowercase, --from and from= in any case or by index",
      code: `FROM golang:1.23 AS Build
FROM build
COPY --from=BUILD /out /out
COPY --from=0 /out /out
RUN --mount=from=Build,target=/b true
COPY --from=nginx:1.27 /etc/nginx /etc/nginx
COPY --from=$STAGE /x /x
`,
    },
    {
      name: "ONBUILD triggers run in another build",
      code: `FROM alpine:3.20
ONBUILD COPY --from=Other:Tag /x /x
`,
    },
  ],
  invalid: [
    {
      code: "FROM Ubuntu:22.04\n",
      errors: [
        {
          messageId: "invalid",
          message:
            "'Ubuntu:22.04' is not a valid image reference (the repository name must be lowercase), so BuildKit fails the build here.",
          line: 1,
          column: 6,
          endColumn: 18,
        },
      ],
    },
    {
      name: "a digest of the wrong length, and SCRATCH",
      code: `FROM node:22@sha256:0ee9e4ee
FROM SCRATCH
`,
      errors: [
        { messageId: "invalid", line: 1 },
        { messageId: "invalid", line: 2 },
      ],
    },
    {
      code: `FROM golang:1.23 AS Build
FROM Build
`,
      errors: [
        {
          messageId: "stageCase",
          message:
            "'Build' is not a valid image reference, and FROM matches stage names as written: write 'build' to build on that stage.",
          line: 2,
          column: 6,
          endColumn: 11,
        },
      ],
    },
    {
      code: `FROM alpine:3.20
COPY --from=nginx:1.27:alpine /etc/nginx /etc/nginx
RUN --mount=type=bind,from=Tools:1,target=/t true
`,
      errors: [
        { messageId: "invalid", line: 2, column: 13, endColumn: 30 },
        { messageId: "invalid", line: 3 },
      ],
    },
  ],
});
