import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-system-workdir.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a Windows stage, by its image, its shell or its user, and a stage built on one",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
WORKDIR /dev
FROM win
WORKDIR /dev/vcpkg
FROM example.com/build-tools:1
SHELL ["powershell", "-Command"]
WORKDIR /dev
`,
    },
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
