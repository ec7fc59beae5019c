import { ruleTester } from "../testing/rule-tester.js";
import rule from "./zypper-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper -nq rm vim\n",
    "FROM opensuse/leap:15.6\nRUN zypper in -y curl && zypper install --no-confirm git\n",
    "FROM opensuse/leap:15.6\nRUN zypper --root /mnt -n in curl\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh && zypper clean -a && zypper search curl\n",
  ],
  invalid: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper install curl\n",
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
      output: "FROM opensuse/leap:15.6\nRUN zypper install -y curl\n",
    },
    {
      name: "-n after the command is --name",
      code: "FROM opensuse/leap:15.6\nRUN zypper in -n curl && zypper -q dup\n",
      errors: [
        { messageId: "interactive", line: 2, column: 12, endColumn: 14 },
        { messageId: "interactive", line: 2, column: 36, endColumn: 39 },
      ],
      output: "FROM opensuse/leap:15.6\nRUN zypper in -y -n curl && zypper -q dup -y\n",
    },
    {
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "patch"]\n',
      errors: [{ messageId: "interactive", line: 2, column: 17, endColumn: 22 }],
      output: null,
    },
  ],
});
