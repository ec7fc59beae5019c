import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-apt-lists.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:13\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n",
    "FROM debian:13\nRUN apt-get update && find /var/lib/apt/lists -type f -delete\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt update && apt install -y curl && rm -fr /var/lib/apt/lists\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /tmp/* /var/lib/apt/lists/* /var/cache/apt/*\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n",
    "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists/ apt-get update\n",
    "FROM debian:12 AS build\nRUN apt-get update\nFROM alpine:3\n",
    "FROM debian:12\nRUN apt-get install -y ./x.deb\n",
    "FROM debian:12\nRUN echo apt-get update\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
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
      code: "FROM debian:12 AS base\nRUN apt-get -q update\nFROM base\n",
      errors: [{ messageId: "lists", line: 2, column: 5, endColumn: 22 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "lists", line: 2 }],
    },
    {
      code: "FROM debian:12 AS build\nONBUILD RUN apt-get update\nFROM alpine:3\n",
      errors: [{ messageId: "lists", line: 2, column: 13 }],
    },
    {
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt update\n",
      errors: [{ messageId: "lists", line: 2, column: 46, endColumn: 56 }],
    },
  ],
});
