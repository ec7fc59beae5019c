import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-empty-continuation.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
RUN a \\
  b

RUN c
`,
    {
      name: "a comment line inside a continuation",
      code: `FROM alpine
RUN a \\
# note
  b
`,
    },
    {
      name: "a heredoc body with empty lines",
      code: `FROM alpine
RUN <<EOF
echo a

echo b
EOF
`,
    },
  ],
  invalid: [
    {
      name: "an instruction below the empty line, joined to the one above as words",
      code: `FROM ubuntu:20.04
RUN apt-get update \\
  && cd /tmp \\

  RUN update-alternatives --install /usr/bin/python python /usr/bin/python3 1
`,
      errors: [
        {
          messageId: "joined",
          message:
            "Empty continuation line: it does not end the instruction, so the 'RUN' below is joined to it as more words; remove the '\\' at the end of the line above.",
          line: 4,
          column: 1,
        },
      ],
    },
    {
      name: "a comment line between the empty line and the instruction: BuildKit skips both, and the RUN is joined",
      code: `FROM ubuntu:24.04
RUN apt-get clean && \\
    rm -rf /var/lib/apt/lists/* \\

# CI expects "python" (not python3).
  # indented
RUN rm -f /usr/bin/python
`,
      errors: [{ messageId: "joined", line: 4, column: 1 }],
    },
    {
      name: "empty and comment lines in turn before the instruction: each empty line says so",
      code: `FROM alpine
RUN a \\

# c

COPY x /x
`,
      errors: [
        { messageId: "joined", line: 3, column: 1 },
        { messageId: "joined", line: 5, column: 1 },
      ],
    },
    {
      name: "a comment line, then more words of the same instruction",
      code: `FROM alpine
RUN a \\

# c
  b
`,
      errors: [{ messageId: "empty", line: 3, column: 1 }],
      output: `FROM alpine
RUN a \\
# c
  b
`,
    },
    {
      code: `FROM alpine
RUN a \\

  b
`,
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: `FROM alpine
RUN a \\
  b
`,
    },
    {
      name: "whitespace-only lines, twice in one instruction",
      code: `FROM alpine
RUN a \\
   
  b \\
\t
  c
`,
      errors: [
        { messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 4 },
        { messageId: "empty", line: 5, column: 1, endLine: 5, endColumn: 2 },
      ],
      output: `FROM alpine
RUN a \\
  b \\
  c
`,
    },
    {
      name: "the backtick escape",
      code: `# escape=\`
FROM alpine
RUN a \`

  b
`,
      errors: [{ messageId: "empty", line: 4, column: 1 }],
      output: `# escape=\`
FROM alpine
RUN a \`
  b
`,
    },
    {
      name: "inside an ONBUILD, reported once",
      code: `FROM alpine
ONBUILD RUN a \\

  b
`,
      errors: [{ messageId: "empty", line: 3, column: 1 }],
    },
    {
      name: "before the first FROM",
      code: `ARG A=1 \\

  B=2
FROM alpine
`,
      errors: [{ messageId: "empty", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      output: `ARG A=1 \\
  B=2
FROM alpine
`,
    },
    {
      name: "a blank last line without a line break",
      code: "FROM alpine\nRUN a \\\n  ",
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 3 }],
      output: "FROM alpine\nRUN a \\\n",
    },
    {
      name: "CRLF line endings",
      code: `FROM alpine\r
RUN a \\\r
\r
  b\r
`,
      errors: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 1 }],
      output: `FROM alpine\r
RUN a \\\r
  b\r
`,
    },
  ],
});
