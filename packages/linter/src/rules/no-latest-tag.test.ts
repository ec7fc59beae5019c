import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-latest-tag.js";

ruleTester.run(rule, {
  valid: [
    "FROM node\n",
    "FROM node:22\n",
    "FROM registry:5000/app:1.0\n",
    "FROM localhost:5000/latest\n",
    "FROM node:latest@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
    "FROM node:${TAG}\n",
    `ARG TAG
FROM node:\${TAG}
`,
    `ARG TAG=22
FROM node:\${TAG}
`,
    "FROM node:22 AS latest\n",
  ],
  invalid: [
    {
      code: "FROM node:latest\n",
      errors: [
        {
          messageId: "latest",
          message: "Image 'node:latest' uses the 'latest' tag; name a version instead.",
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 17,
        },
      ],
    },
    {
      code: "FROM --platform=$BUILDPLATFORM ghcr.io/a/b:latest AS x\n",
      errors: [{ messageId: "latest", line: 1, column: 44, endColumn: 50 }],
    },
    { code: "FROM registry:5000/app:latest\n", errors: [{ messageId: "latest", line: 1, column: 24 }] },
    {
      code: `ARG BASE=alpine
ARG TAG=latest
FROM \${BASE}:$TAG
`,
      errors: [
        {
          messageId: "latestFromArg",
          message:
            "Image '${BASE}:$TAG' resolves to 'alpine:latest', which uses the 'latest' tag; name a version instead.",
          line: 3,
          column: 6,
          endColumn: 18,
        },
      ],
    },
  ],
});
