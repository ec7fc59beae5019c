import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-untrusted-registry.js";

const settings = { trustedRegistries: ["docker.io", "*.corp.example", "ghcr.*"] };

ruleTester.run(rule, {
  valid: [
    "FROM quay.io/a/b:1\n",
    { code: "FROM node:22\nFROM library/node:22\nFROM docker.io/node:22\n", settings },
    { code: "FROM a.corp.example/x:1\nFROM ghcr.io/x:1\n", settings },
    { code: "FROM node:22 AS build\nFROM build\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n", settings },
    { code: "FROM scratch\nRUN --mount=type=bind,from=node:22,target=/n true\n", settings },
    { code: "FROM $BASE\n", settings },
    { code: "FROM x\nRUN --mount=type=secret,id=a true\n", settings },
  ],
  invalid: [
    {
      code: "FROM quay.io/a/b:1\n",
      settings,
      errors: [
        {
          messageId: "untrusted",
          message: "Image 'quay.io/a/b:1' comes from 'quay.io', which is not a trusted registry.",
          line: 1,
          column: 6,
          endColumn: 19,
        },
      ],
    },
    {
      code: "FROM node:22\nCOPY --from=quay.io/a/b:1 /x /y\n",
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 13, endColumn: 26 }],
    },
    {
      code: "FROM node:22\nRUN --mount=type=cache,from=localhost:5000/c,target=/c true\n",
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 29, endColumn: 45 }],
    },
    {
      code: "ARG BASE=quay.io/a:1\nFROM ${BASE}\n",
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 6 }],
    },
    { code: "FROM node:22\n", settings: { trustedRegistries: ["corp.example"] }, errors: 1 },
  ],
});
