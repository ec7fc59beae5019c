import { ruleTester } from "../testing/rule-tester.js";
import rule from "./apt-get-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a purge or remove that names no package removes nothing, and asks nothing",
      code: `FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get autoclean && apt-get purge && apt-get remove && rm -rf /var/lib/apt/lists/*
`,
    },
    {
      name: "every question answered yes in apt's configuration: by the RUN, a base stage, or CircleCI's images",
      code: `FROM debian:12 AS base
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes && apt-get update && apt-get install curl
FROM base
RUN apt-get install git
FROM cimg/base:2024.01
RUN sudo apt-get update && sudo apt-get install google-chrome-stable
`,
    },
    `FROM debian:12
RUN if apt-get install -s curl > /dev/null; then echo ok; fi
`,
    `FROM debian:12
RUN apt-get install -y curl
`,
    `FROM debian:12
RUN apt-get -y install curl
`,
    `FROM debian:12
RUN apt-get install --yes curl && apt-get install --assume-yes git
`,
    `FROM debian:12
RUN apt-get install -qy curl
`,
    `FROM debian:12
RUN apt-get -qq install curl
`,
    `FROM debian:12
RUN apt-get -q -q install curl
`,
    `FROM debian:12
RUN apt-get -q=2 install curl
`,
    `FROM debian:12
RUN apt-get -o APT::Get::Assume-Yes=true install curl
`,
    `FROM debian:12
RUN apt-get update
`,
    `FROM debian:12
RUN apt-get -y upgrade && apt-get dist-upgrade --yes && apt-get -s dist-upgrade
`,
    `FROM debian:12
RUN apt-get clean && apt-cache policy curl
`,
  ],
  invalid: [
    {
      name: "a purge that removes what is unused, or names a package",
      code: `FROM debian:bookworm-slim
RUN apt-get purge --auto-remove && apt-get remove curl
`,
      errors: [
        { messageId: "noYes", line: 2, column: 13 },
        { messageId: "noYes", line: 2, column: 44 },
      ],
    },
    {
      name: "an install before the setting, or in a stage not built on the one that writes it",
      code: `FROM debian:12 AS a
RUN apt-get install curl && echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes
FROM debian:12
RUN apt-get install git
`,
      errors: [
        { messageId: "noYes", line: 2 },
        { messageId: "noYes", line: 4 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install curl
`,
      errors: [
        {
          messageId: "noYes",
          message: "'apt-get install' without -y waits for an answer the build cannot give; add -y.",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
        },
      ],
      output: `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    },
    {
      code: `FROM debian:12
RUN apt-get -q \\
    install --no-install-recommends curl
`,
      errors: [{ messageId: "noYes", line: 3, column: 5, endColumn: 12 }],
      output: `FROM debian:12
RUN apt-get -q \\
    install -y --no-install-recommends curl
`,
    },
    {
      code: `FROM debian:12
RUN apt install curl
`,
      errors: [{ messageId: "noYes", line: 2, column: 9 }],
    },
    {
      code: `FROM debian:12
RUN ["apt-get", "install", "curl"]
`,
      errors: [{ messageId: "noYes", line: 2, column: 18 }],
      output: null,
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get upgrade && apt-get dist-upgrade
`,
      errors: [
        {
          messageId: "noYes",
          message: "'apt-get upgrade' without -y waits for an answer the build cannot give; add -y.",
          line: 2,
          column: 31,
        },
        { messageId: "noYes", line: 2, column: 50 },
      ],
      output: `FROM debian:12
RUN apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y
`,
    },
    {
      code: `FROM debian:12
RUN apt-get purge curl && apt-get autoremove
`,
      errors: [
        { messageId: "noYes", line: 2, column: 13 },
        { messageId: "noYes", line: 2, column: 35 },
      ],
    },
  ],
});
