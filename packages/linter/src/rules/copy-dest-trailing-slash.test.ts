import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-dest-trailing-slash.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nCOPY a /b\n",
    "FROM alpine\nCOPY a b /c/\n",
    'FROM alpine\nCOPY a b "/c/"\n',
    'FROM alpine\nCOPY ["a", "b", "/c/"]\n',
    "FROM alpine\nCOPY a b $DEST\n",
    "FROM alpine\nWORKDIR /app\nCOPY go.mod go.sum .\n",
    "FROM alpine\nCOPY --from=golang:{{ env.variant }} /usr/local/go /usr/local/goroot-bootstrap\n",
    "FROM alpine\nCOPY a b ${DEST}\n",
    "FROM alpine\nADD a.tgz b.tgz /opt/\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a b C:\\app\\\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nCOPY a b /c\n",
      errors: [
        {
          messageId: "noSlash",
          message: "COPY has several sources, so its destination '/c' must be a directory ending with '/'.",
          line: 2,
          column: 10,
          endColumn: 12,
        },
      ],
      output: "FROM alpine\nCOPY a b /c/\n",
    },
    {
      code: "FROM alpine\nCOPY --chown=1:1 a b c ..\n",
      errors: [{ messageId: "noSlash", line: 2, column: 24, endColumn: 26 }],
      output: "FROM alpine\nCOPY --chown=1:1 a b c ../\n",
    },
    {
      code: 'FROM alpine\nCOPY ["a", "b", "/c"]\n',
      errors: [{ messageId: "noSlash", line: 2, column: 17, endColumn: 21 }],
      output: 'FROM alpine\nCOPY ["a", "b", "/c/"]\n',
    },
    {
      code: "FROM alpine\nADD a b '/c'\n",
      errors: [{ messageId: "noSlash", line: 2, column: 9 }],
      output: "FROM alpine\nADD a b '/c/'\n",
    },
    {
      name: "a literal after a variable is checked",
      code: "FROM alpine\nCOPY a b $HOME/app\n",
      errors: [{ messageId: "noSlash", line: 2, column: 10 }],
    },
  ],
});
