import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-dest-trailing-slash.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
COPY a /b
`,
    `FROM alpine
COPY a b /c/
`,
    `FROM alpine
COPY a b "/c/"
`,
    `FROM alpine
COPY ["a", "b", "/c/"]
`,
    `FROM alpine
COPY a b $DEST
`,
    `FROM alpine
WORKDIR /app
COPY go.mod go.sum .
`,
    `FROM alpine
COPY --from=golang:{{ env.variant }} /usr/local/go /usr/local/goroot-bootstrap
`,
    `FROM alpine
COPY a b \${DEST}
`,
    `FROM alpine
ADD a.tgz b.tgz /opt/
`,
    `# escape=\`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY a b C:\\app\\
`,
  ],
  invalid: [
    {
      code: `FROM alpine
COPY a b /c
`,
      errors: [
        {
          messageId: "noSlash",
          message: "COPY has several sources, so its destination '/c' must be a directory ending with '/'.",
          line: 2,
          column: 10,
          endColumn: 12,
        },
      ],
      output: `FROM alpine
COPY a b /c/
`,
    },
    {
      code: `FROM alpine
COPY --chown=1:1 a b c ..
`,
      errors: [{ messageId: "noSlash", line: 2, column: 24, endColumn: 26 }],
      output: `FROM alpine
COPY --chown=1:1 a b c ../
`,
    },
    {
      code: `FROM alpine
COPY ["a", "b", "/c"]
`,
      errors: [{ messageId: "noSlash", line: 2, column: 17, endColumn: 21 }],
      output: `FROM alpine
COPY ["a", "b", "/c/"]
`,
    },
    {
      code: `FROM alpine
ADD a b '/c'
`,
      errors: [{ messageId: "noSlash", line: 2, column: 9 }],
      output: `FROM alpine
ADD a b '/c/'
`,
    },
    {
      name: "a literal after a variable is checked",
      code: `FROM alpine
COPY a b $HOME/app
`,
      errors: [{ messageId: "noSlash", line: 2, column: 10 }],
    },
  ],
});
