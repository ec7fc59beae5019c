import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-zypper-versions.js";

ruleTester.run(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.6.0 'git>=2.43' 'vim<10' \"make > 4\"\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in ./a.rpm b.rpm https://example.com/c.rpm $PKGS\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis && zypper -n in pattern:base patch:foo\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n rm curl && zypper -n up\n",
  ],
  invalid: [
    {
      code: "FROM opensuse/leap:15.6\nRUN zypper -n in curl\n",
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
      code: "FROM opensuse/leap:15.6\nRUN zypper --root /mnt -n install -r oss -t package \\\n    git curl=8\n",
      errors: [{ messageId: "unpinned", line: 3, column: 5, endColumn: 8 }],
    },
  ],
});
