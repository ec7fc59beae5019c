import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-system-workdir.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nWORKDIR /srv/proc\n",
    "FROM debian:12\nWORKDIR /bootstrap\n",
    "FROM debian:12\nWORKDIR app\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nWORKDIR /proc\n",
      errors: [{ messageId: "system", line: 2, column: 9, endColumn: 14 }],
    },
    { code: "FROM debian:12\nWORKDIR /dev/\n", errors: [{ messageId: "system", line: 2, column: 9 }] },
    {
      code: 'FROM debian:12\nWORKDIR "/boot/efi"\n',
      errors: [{ messageId: "system", line: 2, column: 9, endColumn: 20 }],
    },
    { code: "FROM debian:12\nWORKDIR /lost+found\n", errors: [{ messageId: "system", line: 2, column: 9 }] },
  ],
});
