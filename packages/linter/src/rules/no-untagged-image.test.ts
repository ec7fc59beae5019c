import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-untagged-image.js";

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
      name: "a FROM that a named build context stands in for, under another spelling of the image",
      code: "FROM docker.io/library/node\n",
      settings: { buildContexts: { node: "docker-image://node:22@sha256:" + "a".repeat(64) } },
    },
    "FROM node:22\n",
    "FROM localhost:5000/app:1\n",
    "FROM node@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
    "FROM scratch\n",
    "FROM SCRATCH\n",
    "FROM $BASE\n",
    `ARG BASE
FROM \${BASE}
`,
    `ARG BASE=node:22
FROM \${BASE}
`,
    `ARG VERSION=22
FROM node:\${VERSION}
`,
    `FROM node:22 AS Build
FROM build
`,
    `ARG STAGE=build
FROM node:22 AS build
FROM \${STAGE}
`,
    // Not a reference BuildKit can parse: invalid-image-reference reports it, once.
    "FROM REPLACE-ME\n",
    // A variable in the last part may hold the tag.
    `ARG REGISTRY
FROM \${REGISTRY}/app:\${TAG}
`,
    `ARG IMAGE
FROM ghcr.io/\${IMAGE}
`,
    `ARG REGISTRY
FROM \${REGISTRY}/app@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869
`,
    `ARG REGISTRY=ghcr.io
FROM \${REGISTRY}/app:1
`,
  ],
  invalid: [
    {
      name: "another frontend, but no instruction of its own: the bare name is no stage",
      code: `# syntax = devthefuture/dockerfile-x
FROM runtime AS app
RUN make
`,
      errors: [{ messageId: "untaggedUnofficial", line: 2 }],
    },
    {
      name: "a quoted name, whose quotes BuildKit removes",
      code: `FROM "node"
`,
      errors: [
        { messageId: "untagged", message: "Image 'node' has no tag, so it means 'latest'; name a version." },
      ],
    },
    {
      code: "FROM node\n",
      errors: [
        {
          messageId: "untagged",
          message: "Image 'node' has no tag, so it means 'latest'; name a version.",
          line: 1,
          column: 6,
          endLine: 1,
          endColumn: 10,
        },
      ],
    },
    {
      code: "FROM localhost:5000/app AS x\n",
      errors: [{ messageId: "untagged", line: 1, column: 6, endColumn: 24 }],
    },
    {
      code: `FROM build
FROM node:22 AS build
`,
      errors: [{ messageId: "untaggedUnofficial", line: 1, column: 6 }],
    },
    {
      name: "a bare name no official image has: maybe a named context",
      code: `FROM base
FROM centos
`,
      errors: [
        {
          messageId: "untaggedUnofficial",
          message:
            "No earlier stage or official image is named 'base': if the build passes a build context of that name, tell hull (--build-context base=…); otherwise it means the image 'base:latest', so name a version.",
          line: 1,
          column: 6,
        },
        { messageId: "untagged", line: 2, column: 6 },
      ],
    },
    {
      code: `ARG REGISTRY=ghcr.io
FROM \${REGISTRY}/app
`,
      errors: [
        {
          messageId: "untaggedFromArg",
          message:
            "Image '${REGISTRY}/app' resolves to 'ghcr.io/app', which has no tag, so it means 'latest'; name a version.",
          line: 2,
          column: 6,
          endColumn: 21,
        },
      ],
    },
    {
      name: "a variable before the last part cannot give it a tag",
      code: `ARG REGISTRY
FROM "\${REGISTRY}/team/app"
`,
      errors: [
        {
          messageId: "untaggedWhateverArg",
          message:
            "Image '${REGISTRY}/team/app' has no tag whatever its variables hold ('app' is the last part), so it means 'latest'; name a version.",
          line: 2,
          column: 6,
        },
      ],
    },
    {
      name: "the same with a variable BuildKit does not know",
      code: "FROM gcr.io/$PROJECT_ID/cache\n",
      errors: [{ messageId: "untaggedWhateverArg" }],
    },
  ],
});
