import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-empty-continuation.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nRUN a \\\n  b\n\nRUN c\n",
    { name: "a comment line inside a continuation", code: "FROM alpine\nRUN a \\\n# note\n  b\n" },
    { name: "a heredoc body with empty lines", code: "FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN a \\\n\n  b\n",
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: "FROM alpine\nRUN a \\\n  b\n",
    },
    {
      name: "whitespace-only lines, twice in one instruction",
      code: "FROM alpine\nRUN a \\\n   \n  b \\\n\t\n  c\n",
      errors: [
        { messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: "empty", line: 5, column: 1, endLine: 5, endColumn: 2 },
      ],
      output: "FROM alpine\nRUN a \\\n  b \\\n  c\n",
    },
    {
      name: "the backtick escape",
      code: "# escape=`\nFROM alpine\nRUN a `\n\n  b\n",
      errors: [{ messageId: "empty", line: 4, column: 1 }],
      output: "# escape=`\nFROM alpine\nRUN a `\n  b\n",
    },
    {
      name: "inside an ONBUILD, reported once",
      code: "FROM alpine\nONBUILD RUN a \\\n\n  b\n",
      errors: [{ messageId: "empty", line: 3, column: 1 }],
    },
    {
      name: "CRLF line endings",
      code: "FROM alpine\r\nRUN a \\\r\n\r\n  b\r\n",
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: "FROM alpine\r\nRUN a \\\r\n  b\r\n",
    },
  ],
});
