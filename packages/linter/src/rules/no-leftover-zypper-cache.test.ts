import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-zypper-cache.js";

ruleTester.run(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n",
    "FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh && zypper search curl\n",
    "FROM opensuse/leap:15.6 AS build\nRUN zypper -n in gcc\nFROM scratch\nCOPY --from=build /out /out\n",
  ],
  invalid: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n",
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
      code: "FROM opensuse/leap:15.6\nRUN zypper clean -a && \\\n  zypper -n in curl\n",
      errors: [{ messageId: "cache", line: 3, column: 3, endColumn: 15 }],
    },
  ],
});
