import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-image-digest.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a bare name that another frontend's INCLUDE may define as a stage",
      code: `# syntax = devthefuture/dockerfile-x
INCLUDE docker/runtime.dockerfile
FROM runtime AS app
RUN make
`,
    },
    {
      name: "a FROM that a named build context stands in for",
      code: "FROM base:1\n",
      settings: { buildContexts: { "base:1": "oci-layout:///tmp/base" } },
    },
    "FROM alpine:3.20@sha256:1111111111111111111111111111111111111111111111111111111111111111\n",
    "FROM scratch\n",
    {
      name: "a name that is no valid reference once expanded (an empty tag from a template placeholder)",
      code: `ARG VARIANT=\${templateOption:imageVariant}
FROM mcr.microsoft.com/devcontainers/base:\${VARIANT}
`,
    },
    `FROM alpine@sha256:1111111111111111111111111111111111111111111111111111111111111111 AS base
FROM base
`,
    // An ARG without a default cannot be known.
    `ARG BASE
FROM $BASE
`,
    `ARG BASE=alpine:3.20@sha256:1111111111111111111111111111111111111111111111111111111111111111
FROM \${BASE}
`,
  ],
  invalid: [
    {
      name: "another frontend, but no instruction of its own: the bare name is no stage",
      code: `# syntax = devthefuture/dockerfile-x
FROM runtime AS app
RUN make
`,
      errors: [{ messageId: "maybeContext", line: 2 }],
    },
    {
      name: "a bare name no official image has may be a build context; a tagged or official one is an image",
      code: `FROM wheels AS rk-wheels
FROM wheels:1
FROM python
`,
      errors: [
        {
          messageId: "maybeContext",
          line: 1,
          message:
            "No earlier stage or official image is named 'wheels': if it is an image, pin it by digest (@sha256:…); if the build passes a build context of that name, tell hull (--build-context wheels=…).",
        },
        { messageId: "notPinned", line: 2 },
        { messageId: "notPinned", line: 3 },
      ],
    },
    {
      name: "a named build context for another tag of the image",
      code: "FROM alpine:3.20\n",
      settings: { buildContexts: { alpine: "docker-image://alpine:3.21" } },
      errors: [{ messageId: "notPinned" }],
    },
    {
      code: "FROM alpine:3.20\n",
      errors: [
        {
          messageId: "notPinned",
          message:
            "Image 'alpine:3.20' is not pinned by digest, so its tag may point to another image tomorrow; add @sha256:….",
          line: 1,
          column: 6,
          endColumn: 17,
        },
      ],
    },
    {
      code: `ARG V=3.20
FROM alpine:$V
`,
      errors: [
        {
          messageId: "notPinned",
          line: 2,
          message:
            "Image 'alpine:3.20' is not pinned by digest, so its tag may point to another image tomorrow; add @sha256:….",
        },
      ],
    },
    {
      code: `FROM golang:1.23 AS build
FROM build
FROM gcr.io/distroless/static
`,
      errors: [
        { messageId: "notPinned", line: 1 },
        { messageId: "notPinned", line: 3 },
      ],
    },
  ],
});
