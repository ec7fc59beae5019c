import { ruleTester } from "../testing/rule-tester.js";
import rule from "./zypper-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    `FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl
`,
    `FROM opensuse/leap:15.6
RUN zypper -n in curl && zypper -nq rm vim
`,
    `FROM opensuse/leap:15.6
RUN zypper in -y curl && zypper install --no-confirm git
`,
    `FROM opensuse/leap:15.6
RUN zypper --root /mnt -n in curl
`,
    `FROM opensuse/leap:15.6
RUN zypper refresh && zypper clean -a && zypper search curl
`,
  ],
  invalid: [
    {
      code: `FROM opensuse/leap:15.6
RUN zypper install curl
`,
      errors: [
        {
          messageId: "interactive",
          message:
            "'zypper install' asks for a confirmation the build cannot give; add -y or put -n before 'install'.",
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 19,
        },
      ],
      output: `FROM opensuse/leap:15.6
RUN zypper install -y curl
`,
    },
    {
      name: "-n after the command is --name",
      code: `FROM opensuse/leap:15.6
RUN zypper in -n curl && zypper -q dup
`,
      errors: [
        { messageId: "interactive", line: 2, column: 12, endColumn: 14 },
        { messageId: "interactive", line: 2, column: 36, endColumn: 39 },
      ],
      output: `FROM opensuse/leap:15.6
RUN zypper in -y -n curl && zypper -q dup -y
`,
    },
    {
      code: `FROM opensuse/leap:15.6
RUN ["zypper", "patch"]
`,
      errors: [{ messageId: "interactive", line: 2, column: 17, endColumn: 22 }],
      output: null,
    },
  ],
});
