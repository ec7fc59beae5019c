import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-insecure-tls-env.js";

ruleTester.run(rule, {
  valid: [
    "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
    "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=$X\n",
    "FROM node:22\nARG NODE_TLS_REJECT_UNAUTHORIZED\n",
    'FROM node:22\nENV PIP_TRUSTED_HOST=""\n',
    "FROM node:22\nENV npm_config_strict_ssl=true\n",
    "FROM node:22\nRUN echo NODE_TLS_REJECT_UNAUTHORIZED=0 >> /notes\n",
    "FROM node:22\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 node app.js\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n",
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 33 }],
    },
    {
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED "0"\n',
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 33 }],
    },
    {
      code: "FROM python:3\nENV A=1 \\\n    PYTHONHTTPSVERIFY=0\n",
      errors: [{ messageId: "env", line: 3, column: 5, endColumn: 22 }],
    },
    {
      code: "FROM alpine:3\nENV GIT_SSL_NO_VERIFY=false\n",
      errors: [{ messageId: "env", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: "FROM node:22\nENV npm_config_strict_ssl=false YARN_ENABLE_STRICT_SSL=0\n",
      errors: [
        { messageId: "env", line: 2, column: 5, endColumn: 26 },
        { messageId: "env", line: 2, column: 33, endColumn: 55 },
      ],
    },
    {
      code: "FROM golang:1\nARG GOINSECURE=git.example.com\n",
      errors: [{ messageId: "arg", line: 2, column: 5, endColumn: 15 }],
    },
    {
      code: "FROM alpine:3\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x\n",
      errors: [{ messageId: "run", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: "FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n",
      errors: [{ messageId: "run", line: 2, column: 12, endColumn: 40 }],
    },
    {
      code: "FROM python:3\nRUN env PIP_TRUSTED_HOST=pypi.x pip install a\n",
      errors: [{ messageId: "run", line: 2, column: 9, endColumn: 25 }],
    },
  ],
});
