import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-numeric-user.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nUSER 0\n",
    "FROM alpine:3.20\nUSER 1000:1000\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n",
    "ARG UID=1000\nFROM alpine:3.20\nARG UID\nUSER ${UID}:${UID}\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nUSER node\n",
      errors: [{ messageId: "named", line: 2, column: 6, endColumn: 10 }],
    },
    { code: "FROM alpine:3.20\nUSER app:1000\n", errors: [{ messageId: "named", line: 2, column: 6 }] },
    {
      name: "a variable that no ARG declares",
      code: "FROM alpine:3.20\nUSER $RUNNER\n",
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
  ],
});
