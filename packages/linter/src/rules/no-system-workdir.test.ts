import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-system-workdir.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
WORKDIR /srv/proc
`,
    `FROM debian:12
WORKDIR /bootstrap
`,
    `FROM debian:12
WORKDIR app
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
WORKDIR /proc
`,
      errors: [{ messageId: "system", line: 2, column: 9, endColumn: 14 }],
    },
    {
      code: `FROM debian:12
WORKDIR /dev/
`,
      errors: [{ messageId: "system", line: 2, column: 9 }],
    },
    {
      code: `FROM debian:12
WORKDIR "/boot/efi"
`,
      errors: [{ messageId: "system", line: 2, column: 9, endColumn: 20 }],
    },
    {
      code: `FROM debian:12
WORKDIR /lost+found
`,
      errors: [{ messageId: "system", line: 2, column: 9 }],
    },
  ],
});
