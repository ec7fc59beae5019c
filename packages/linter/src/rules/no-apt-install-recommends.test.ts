import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-apt-install-recommends.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "recommended packages asked for on purpose",
      code: `FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --install-recommends texlive && apt-get install -y -o APT::Install-Recommends=true xfce4
`,
    },
    {
      name: "a build stage that only feeds COPY --from ships none of its packages",
      code: `FROM debian:12 AS build
RUN apt-get update && apt-get install -y gcc make
FROM debian:12
COPY --from=build /out /out
`,
    },
    {
      name: "recommends turned off in apt's configuration, in the RUN, an earlier one or a base stage",
      code: `FROM debian:12 AS base
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/80recommends && apt-get update && apt-get install -y curl
RUN apt-get install -y git
FROM base
RUN apt-get install -y make
FROM debian:12
RUN printf 'APT::Install-Recommends "0";' | tee /etc/apt/apt.conf.d/99norecommends && apt-get install -y jq
`,
    },
    `FROM debian:12
RUN if apt-get install -s curl > /dev/null; then echo ok; fi
`,
    `FROM debian:12
RUN apt-get install -y --no-install-recommends curl
`,
    `FROM debian:12
RUN apt-get --no-install-recommends install -y curl
`,
    `FROM debian:12
RUN apt-get install -y -o APT::Install-Recommends=0 curl
`,
    `FROM debian:12
RUN apt-get install -y -o "APT::Install-Recommends=false" curl
`,
    `FROM debian:12
RUN apt-get update && apt-get remove -y curl
`,
  ],
  invalid: [
    {
      name: "an install before the setting",
      code: `FROM debian:12
RUN apt-get install -y curl && echo 'APT::Install-Recommends "false";' >> /etc/apt/apt.conf
`,
      errors: [{ messageId: "recommends", line: 2 }],
    },
    {
      name: "a stage not built on the one that writes the setting, or a setting written elsewhere",
      code: `FROM debian:12 AS a
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
FROM debian:12
COPY --from=a /etc/apt /tmp/apt
RUN apt-get install -y git
RUN echo 'APT::Install-Recommends "false";' > /tmp/apt.conf && apt-get install -y make
`,
      errors: [
        { messageId: "recommends", line: 5 },
        { messageId: "recommends", line: 6 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
      errors: [
        {
          messageId: "recommends",
          message: "'apt-get install' also installs recommended packages; add --no-install-recommends.",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
        },
      ],
      output: `FROM debian:12
RUN apt-get update && apt-get install --no-install-recommends -y curl
`,
    },
    {
      code: `FROM debian:12
RUN apt-get update \\
 && apt-get -y install \\
    curl
`,
      errors: [{ messageId: "recommends", line: 3, column: 16, endColumn: 23 }],
      output: `FROM debian:12
RUN apt-get update \\
 && apt-get -y install --no-install-recommends \\
    curl
`,
    },
    {
      code: `FROM debian:12
RUN apt install -y curl
`,
      errors: [{ messageId: "recommends", line: 2, column: 9 }],
    },
  ],
});
