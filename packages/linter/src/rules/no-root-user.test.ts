import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-root-user.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\n",
    "FROM debian:12\nUSER root\nUSER app\n",
    "FROM debian:12\nUSER rooty\n",
    "FROM debian:12\nUSER 1000:0\n",
    "FROM debian:12 AS base\nUSER root\nFROM debian:12\nRUN true\n",
    "FROM debian:12 AS base\nUSER root\nFROM base\nUSER app\n",
    "FROM debian:12\nUSER $USER\n",
    "FROM debian:12\nONBUILD USER root\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nUSER root\n",
      errors: [
        {
          messageId: "root",
          message: "The final image runs as 'root'; switch to an unprivileged USER at the end.",
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 10,
        },
      ],
    },
    { code: "FROM debian:12\nUSER 0:0\n", errors: [{ messageId: "root", line: 2, column: 6, endColumn: 9 }] },
    { code: "FROM debian:12\nUSER root:root\n", errors: [{ messageId: "root", line: 2, column: 6 }] },
    {
      code: "FROM debian:12 AS Base\nUSER app\nUSER root\nFROM base\nRUN true\n",
      errors: [{ messageId: "root", line: 3, column: 6 }],
    },
  ],
});
