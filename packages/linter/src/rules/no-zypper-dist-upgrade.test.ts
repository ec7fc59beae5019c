import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-zypper-dist-upgrade.js";

ruleTester.run(rule, {
  valid: [
    `FROM opensuse/leap:15.6
RUN zypper -n up curl && zypper -n patch
`,
    `FROM opensuse/leap:15.6
RUN echo zypper dup
`,
  ],
  invalid: [
    {
      code: `FROM opensuse/leap:15.6
RUN zypper --non-interactive dist-upgrade
`,
      errors: [
        {
          messageId: "distUpgrade",
          message:
            "'zypper dist-upgrade' upgrades the whole distribution at build time; use a newer base image instead.",
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 42,
        },
      ],
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper ref && \\
  zypper -n --gpg-auto-import-keys dup -l
`,
      errors: [{ messageId: "distUpgrade", line: 3, column: 36, endColumn: 39 }],
    },
  ],
});
