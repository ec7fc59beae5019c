import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-apt-lists.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a script run after the update, which may remove the lists",
      code: `FROM ubuntu:24.04
COPY --chmod=755 scripts/ /scripts/
RUN apt-get update && apt-get -qq dist-upgrade && /scripts/cleanup.sh
RUN apt-get update && bash -e /tmp/install.sh
RUN apt-get update && apt-get install -y curl && docker-clean
`,
    },
    `FROM debian:13
RUN apt-get update; apt-get install -y curl; apt-get dist-clean
`,
    `FROM debian:13
RUN apt-get update && find /var/lib/apt/lists -type f -delete
`,
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
`,
    `FROM debian:12
RUN apt update && apt install -y curl && rm -fr /var/lib/apt/lists
`,
    {
      name: "a glob that matches the lists' folder, or a folder above it",
      code: `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists*
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/*
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/l?sts/ /tmp/x
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt
`,
    },
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /tmp/* /var/lib/apt/lists/* /var/cache/apt/*
`,
    `FROM debian:12
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update
`,
    `FROM debian:12
RUN --mount=type=tmpfs,target=/var/lib/apt/lists/ apt-get update
`,
    `FROM debian:12 AS build
RUN apt-get update
FROM alpine:3
`,
    `FROM debian:12
RUN apt-get install -y ./x.deb
`,
    `FROM debian:12
RUN echo apt-get update
`,
  ],
  invalid: [
    {
      name: "an install that updates the lists first (apt 3.0)",
      code: `FROM debian:13
RUN apt-get install -y --update --no-install-recommends curl=8.14.1-2
`,
      errors: [
        {
          messageId: "lists",
          message:
            "'apt-get install --update' leaves the package lists in the layer; remove /var/lib/apt/lists/* in the same RUN.",
          line: 2,
          column: 5,
        },
      ],
    },
    {
      name: "a script run before the update, or a program that is no script",
      code: `FROM ubuntu:24.04
RUN /scripts/setup.sh && apt-get update && apt-get install -y curl
RUN apt-get update && /usr/bin/env && make && ./jsonnet --help
RUN apt-get update && curl -OL "https://example.com/linux-install-\${V}.sh" && /linux-install-\${V}.sh
`,
      errors: [
        { messageId: "lists", line: 2, column: 26 },
        { messageId: "lists", line: 3, column: 5 },
        { messageId: "lists", line: 4, column: 5 },
      ],
    },
    {
      name: "a glob or a folder that is not the lists' folder or above it",
      code: `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists.old* /var/lib/apt/[!l]*
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/dpkg /var/lib/apt/lists-*
RUN apt-get update && apt-get install -y curl && rm -rf / var/lib/apt/lists
`,
      errors: [
        { messageId: "lists", line: 2, column: 5 },
        { messageId: "lists", line: 3, column: 5 },
        { messageId: "lists", line: 4, column: 5 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
      errors: [
        {
          messageId: "lists",
          message:
            "'apt-get update' leaves the package lists in the layer; remove /var/lib/apt/lists/* in the same RUN.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
        },
      ],
    },
    {
      code: `FROM debian:12 AS base
RUN apt-get -q update
FROM base
`,
      errors: [{ messageId: "lists", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: `FROM debian:12
RUN apt-get update
RUN rm -rf /var/lib/apt/lists/*
`,
      errors: [{ messageId: "lists", line: 2 }],
    },
    {
      code: `FROM debian:12 AS build
ONBUILD RUN apt-get update
FROM alpine:3
`,
      errors: [{ messageId: "lists", line: 2, column: 13 }],
    },
    {
      code: `FROM debian:12
RUN --mount=type=cache,target=/var/cache/apt apt update
`,
      errors: [{ messageId: "lists", line: 2, column: 46, endColumn: 56 }],
    },
  ],
});
