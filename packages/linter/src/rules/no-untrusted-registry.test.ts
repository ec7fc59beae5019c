import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-untrusted-registry.js";

const settings = { trustedRegistries: ["docker.io", "*.corp.example", "ghcr.*"] };

ruleTester.run(rule, {
  valid: [
    "FROM quay.io/a/b:1\n",
    {
      code: `FROM node:22
FROM library/node:22
FROM docker.io/node:22
`,
      settings,
    },
    {
      name: "a named build context stands in for an image of an untrusted registry",
      code: "FROM quay.io/org/base\nFROM alpine\nCOPY --from=quay.io/org/tool /t /t\n",
      settings: {
        ...settings,
        buildContexts: {
          "quay.io/org/base": "docker-image://corp.example/base",
          "quay.io/org/tool": "./tool",
        },
      },
    },
    {
      code: `FROM a.corp.example/x:1
FROM ghcr.io/x:1
`,
      settings,
    },
    {
      code: `FROM node:22 AS build
FROM build
COPY --from=build /a /b
COPY --from=0 /a /b
`,
      settings,
    },
    {
      code: `FROM scratch
RUN --mount=type=bind,from=node:22,target=/n true
`,
      settings,
    },
    { code: "FROM $BASE\n", settings },
    {
      code: `FROM x
RUN --mount=type=secret,id=a true
`,
      settings,
    },
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
      code: `FROM node:22
COPY --from=quay.io/a/b:1 /x /y
`,
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 13, endColumn: 26 }],
    },
    {
      code: `FROM node:22
RUN --mount=type=cache,from=localhost:5000/c,target=/c true
`,
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 29, endColumn: 45 }],
    },
    {
      code: `ARG BASE=quay.io/a:1
FROM \${BASE}
`,
      settings,
      errors: [{ messageId: "untrusted", line: 2, column: 6 }],
    },
    { code: "FROM node:22\n", settings: { trustedRegistries: ["corp.example"] }, errors: 1 },
  ],
});
