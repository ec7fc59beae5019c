import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-numeric-user.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
USER 0
`,
    `FROM alpine:3.20
USER 1000:1000
`,
    `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
USER ContainerUser
`,
    `ARG UID=1000
FROM alpine:3.20
ARG UID
USER \${UID}:\${UID}
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
USER node
`,
      errors: [{ messageId: "named", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: `FROM alpine:3.20
USER app:1000
`,
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
    {
      name: "a variable that no ARG declares",
      code: `FROM alpine:3.20
USER $RUNNER
`,
      errors: [{ messageId: "named", line: 2, column: 6 }],
    },
  ],
});
