import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-insecure-tls-env.js";

ruleTester.run(rule, {
  valid: [
    `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
`,
    `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=$X
`,
    `FROM node:22
ARG NODE_TLS_REJECT_UNAUTHORIZED
`,
    `FROM node:22
ENV PIP_TRUSTED_HOST=""
`,
    `FROM node:22
ENV npm_config_strict_ssl=true
`,
    `FROM node:22
RUN echo NODE_TLS_REJECT_UNAUTHORIZED=0 >> /notes
`,
    `FROM node:22
RUN NODE_TLS_REJECT_UNAUTHORIZED=1 node app.js
`,
  ],
  invalid: [
    {
      code: `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
`,
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 33 }],
    },
    {
      code: `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED "0"
`,
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 33 }],
    },
    {
      code: `FROM python:3
ENV A=1 \\
    PYTHONHTTPSVERIFY=0
`,
      errors: [{ messageId: "env", line: 3, column: 5, endColumn: 22 }],
    },
    {
      code: `FROM alpine:3
ENV GIT_SSL_NO_VERIFY=false
`,
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: `FROM node:22
ENV npm_config_strict_ssl=false YARN_ENABLE_STRICT_SSL=0
`,
      errors: [
        { messageId: "env", line: 2, column: 5, endColumn: 26 },
        { messageId: "env", line: 2, column: 33, endColumn: 55 },
      ],
    },
    {
      code: `FROM golang:1
ARG GOINSECURE=git.example.com
`,
      errors: [{ messageId: "arg", line: 2, column: 5, endColumn: 15 }],
    },
    {
      code: `FROM alpine:3
RUN GIT_SSL_NO_VERIFY=1 git clone https://x
`,
      errors: [{ messageId: "run", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: `FROM node:22
RUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci
`,
      errors: [{ messageId: "run", line: 2, column: 12, endColumn: 40 }],
    },
    {
      code: `FROM python:3
RUN env PIP_TRUSTED_HOST=pypi.x pip install a
`,
      errors: [{ messageId: "run", line: 2, column: 9, endColumn: 25 }],
    },
  ],
});
