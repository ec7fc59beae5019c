import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-root-user.js";

ruleTester.run(rule, {
  valid: [
    // A build argument's value is the build's.
    `FROM alpine:3.20
ARG RUN_AS=root
USER $RUN_AS
`,
    {
      name: "the base image's USER is unknown without its config",
      code: `FROM postgres:17
RUN true
`,
    },
    {
      name: "the base image sets an unprivileged USER",
      code: `FROM node:22
RUN true
`,
      imageConfigs: { "node:22": { config: { User: "node" } } },
    },
    {
      name: "the base image sets no USER (no-implicit-root-user's finding)",
      code: `FROM debian:12
RUN true
`,
      imageConfigs: { "debian:12": { config: {} } },
    },
    {
      name: "a USER in this file wins over the base image's",
      code: `FROM example/root:1
USER app
`,
      imageConfigs: { "example/root:1": { config: { User: "root" } } },
    },
    "FROM debian:12\n",
    `FROM debian:12
USER root
USER app
`,
    `FROM debian:12
USER rooty
`,
    `FROM debian:12
USER 1000:0
`,
    `FROM debian:12 AS base
USER root
FROM debian:12
RUN true
`,
    `FROM debian:12 AS base
USER root
FROM base
USER app
`,
    `FROM debian:12
USER $USER
`,
    `FROM debian:12
ONBUILD USER root
`,
  ],
  invalid: [
    {
      name: "a user given by a variable, as the build sets it",
      code: `FROM alpine:3.20
ENV ADMIN=root
USER "\${ADMIN}:0"
`,
      errors: [
        {
          messageId: "root",
          message: "The final image runs as 'root:0'; switch to an unprivileged USER at the end.",
          line: 3,
        },
      ],
    },
    {
      name: "the base image runs as root, through a stage of this file",
      code: `FROM example/root:1 AS base
RUN true
FROM base
RUN true
`,
      imageConfigs: { "docker.io/example/root:1": { config: { User: "0:0" } } },
      errors: [
        {
          messageId: "inheritedRoot",
          message:
            "The final image runs as '0:0', the USER of the base image 'example/root:1'; switch to an unprivileged USER at the end.",
          line: 3,
          column: 6,
        },
      ],
    },
    {
      code: `FROM debian:12
USER root
`,
      errors: [
        {
          messageId: "root",
          message: "The final image runs as 'root'; switch to an unprivileged USER at the end.",
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 10,
        },
      ],
    },
    {
      code: `FROM debian:12
USER 0:0
`,
      errors: [{ messageId: "root", line: 2, column: 6, endColumn: 9 }],
    },
    {
      code: `FROM debian:12
USER root:root
`,
      errors: [{ messageId: "root", line: 2, column: 6 }],
    },
    {
      code: `FROM debian:12 AS Base
USER app
USER root
FROM base
RUN true
`,
      errors: [{ messageId: "root", line: 3, column: 6 }],
    },
  ],
});
