import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-security-insecure.js";

ruleTester.run(rule, {
  valid: ["FROM debian:12\nRUN --security=sandbox make\n", "FROM debian:12\nRUN --network=none make\n"],
  invalid: [
    {
      code: "FROM debian:12\nRUN --network=host --security=insecure make\n",
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 39 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN --security=insecure make\n",
      errors: [{ messageId: "insecure", line: 2, column: 13, endColumn: 32 }],
    },
  ],
});
