import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-copy-whole-stage.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
COPY / /
`,
    `FROM a AS b
FROM alpine:3.20
COPY --from=b /opt /
`,
    `FROM a AS b
FROM alpine:3.20
COPY --from=b / /opt/
`,
  ],
  invalid: [
    {
      code: `FROM a AS b
FROM alpine:3.20
COPY --from=b / /
`,
      errors: [{ messageId: "whole", line: 3, column: 15, endLine: 3, endColumn: 16 }],
    },
    {
      code: `FROM alpine:3.20
COPY --link --from=busybox:1.36 / /
`,
      errors: [{ messageId: "whole", line: 2, column: 33 }],
    },
  ],
});
