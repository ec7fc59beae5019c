import { ruleTester } from "../testing/rule-tester.js";
import rule from "./maintainer-deprecated.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
LABEL org.opencontainers.image.authors=me
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
`,
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: `FROM alpine:3.20
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
`,
    },
    {
      code: `FROM alpine:3.20
maintainer "a $b\\c"
`,
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
    {
      name: "as an ONBUILD trigger (itself a syntax error)",
      allowSyntaxErrors: true,
      code: `FROM alpine:3.20
ONBUILD MAINTAINER me
`,
      errors: [{ messageId: "deprecated", line: 2, column: 9, endColumn: 19 }],
      output: `FROM alpine:3.20
ONBUILD LABEL org.opencontainers.image.authors="me"
`,
    },
    {
      name: "no fix with the backtick escape",
      code: `# escape=\`
FROM alpine:3.20
MAINTAINER me
`,
      errors: [{ messageId: "deprecated", line: 3 }],
      output: null,
    },
  ],
});
