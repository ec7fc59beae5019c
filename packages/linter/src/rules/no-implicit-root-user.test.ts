import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-implicit-root-user.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nUSER 10001\n",
    'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
    "FROM golang:1 AS build\nFROM gcr.io/distroless/static:nonroot\n",
    "FROM cgr.dev/chainguard/node:latest\n",
    "FROM debian:12\nUSER root\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN make\n",
      errors: [{ messageId: "implicit", line: 1, column: 6, endColumn: 15 }],
    },
    {
      code: "FROM debian:12 AS build\nUSER app\nFROM alpine:3\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "implicit", line: 3, column: 6, endColumn: 14 }],
    },
    {
      code: 'FROM node:22 AS base\nFROM base AS final\nCMD ["node"]\n',
      errors: [{ messageId: "implicit", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM cgr.dev/chainguard/node:latest-dev\n",
      errors: [{ messageId: "implicit", line: 1, column: 6, endColumn: 40 }],
    },
  ],
});
