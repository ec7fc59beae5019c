import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-zypper-versions.js";

ruleTester.run(rule, {
  valid: [
    `FROM opensuse/leap:15.6
RUN zypper -n in curl=8.6.0 'git>=2.43' 'vim<10' "make > 4"
`,
    `FROM opensuse/leap:15.6
RUN zypper -n in ./a.rpm b.rpm https://example.com/c.rpm $PKGS
`,
    `FROM opensuse/leap:15.6
RUN zypper -n in -t pattern devel_basis && zypper -n in pattern:base patch:foo
`,
    `FROM opensuse/leap:15.6
RUN zypper -n rm curl && zypper -n up
`,
  ],
  invalid: [
    {
      code: `FROM opensuse/leap:15.6
RUN zypper -n in curl
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'curl' is installed without a version; pin it with 'curl=<version>'.",
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 22,
        },
      ],
    },
    {
      code: `FROM opensuse/leap:15.6
RUN zypper --root /mnt -n install -r oss -t package \\
    git curl=8
`,
      errors: [{ messageId: "unpinned", line: 3, column: 5, endColumn: 8 }],
    },
  ],
});
