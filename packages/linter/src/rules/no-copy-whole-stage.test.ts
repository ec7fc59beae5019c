import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-copy-whole-stage.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "squashing a stage into one layer of an empty one",
      code: `FROM debian:12 AS base
RUN apt-get update
FROM scratch
COPY --from=base / /
`,
    },
    `FROM alpine:3.20
COPY / /
`,
    `FROM a AS b
FROM alpine:3.20
COPY --from=b /opt /
`,
    `FROM a AS b
FROM alpine:3.20
COPY --from=b / /opt/
`,
    {
      name: "an image made to be copied whole, by name or through a stage",
      code: `FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx
FROM golang:1.23
COPY --from=xx / /
COPY --from=docker.io/crazymax/goreleaser-xx:latest / /
COPY --from=crazymax/yasu@sha256:${"0".repeat(64)} / /
`,
    },
    {
      name: "a stage built FROM scratch, directly or through another stage, holds only what was put into it",
      code: `FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM scratch AS files
COPY --from=build /out/app /usr/local/bin/app
FROM files AS more
COPY LICENSE /
FROM alpine:3.20
COPY --from=files / /
COPY --from=MORE / /
COPY --from=2 / /
`,
    },
  ],
  invalid: [
    {
      code: `FROM a AS b
FROM alpine:3.20
COPY --from=b / /
`,
      errors: [{ messageId: "whole", line: 3, column: 15, endLine: 3, endColumn: 16 }],
    },
    {
      name: "a stage named by a global ARG is looked up with its value",
      code: `ARG BASE=build
FROM alpine:3.20 AS build
FROM scratch AS files
FROM alpine:3.20
COPY --from=\${BASE} / /
`,
      errors: [{ messageId: "whole", line: 5 }],
    },
    {
      code: `FROM alpine:3.20
COPY --link --from=busybox:1.36 / /
`,
      errors: [{ messageId: "whole", line: 2, column: 33 }],
    },
  ],
});
