import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-zypper-cache.js";

ruleTester.run(rule, {
  valid: [
    `FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper clean --all && zypper -n in git && zypper --non-interactive clean -m
`,
    `FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper cc -a
`,
    `FROM opensuse/leap:15.6
RUN zypper -n in curl && rm -rf /var/cache/zypp/*
`,
    `FROM opensuse/leap:15.6
RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl
`,
    `FROM opensuse/leap:15.6
RUN zypper refresh && zypper search curl
`,
    `FROM opensuse/leap:15.6 AS build
RUN zypper -n in gcc
FROM scratch
COPY --from=build /out /out
`,
  ],
  invalid: [
    {
      name: "a bare zypper clean removes only downloaded packages",
      code: `FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper clean
`,
      errors: [
        {
          messageId: "packagesOnly",
          message:
            "'zypper in' leaves the repository metadata in the layer: 'zypper clean' without --all removes only downloaded packages; use 'zypper clean --all'.",
          line: 2,
          column: 5,
        },
      ],
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl
`,
      errors: [
        {
          messageId: "cache",
          message:
            "'zypper install' leaves its package cache in the layer; end the RUN with 'zypper clean --all'.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper clean -a && \\
  zypper -n in curl
`,
      errors: [{ messageId: "cache", line: 3, column: 3, endColumn: 15 }],
    },
  ],
});
