import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-security-insecure.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN --security=sandbox make
`,
    `FROM debian:12
RUN --network=none make
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN --network=host --security=insecure make
`,
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 39 }],
    },
    {
      code: `FROM debian:12
ONBUILD RUN --security=insecure make
`,
      errors: [{ messageId: "insecure", line: 2, column: 13, endColumn: 32 }],
    },
  ],
});
