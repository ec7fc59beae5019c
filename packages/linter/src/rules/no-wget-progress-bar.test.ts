import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-wget-progress-bar.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "standard error sent where standard output went",
      code: `FROM debian:12
RUN wget -r -nd -P /tmp/x "https://example.com/" >/dev/null 2>&1 && wget https://example.com/b 1>log 2>&1
`,
    },
    {
      name: "an Alpine base named by a global ARG",
      code: `ARG IMAGE=alpine:3.21
FROM $IMAGE
RUN wget https://example.com/a.tgz
`,
    },
    `FROM debian:12
RUN wget -q https://e.com/a && wget --quiet https://e.com/b
`,
    `FROM debian:12
RUN wget -nv https://e.com/a && wget --no-verbose https://e.com/b
`,
    `FROM debian:12
RUN wget --progress=dot:giga https://e.com/a && wget --progress bar:force https://e.com/b
`,
    `FROM debian:12
RUN wget -qO- https://e.com/a | tar -xz && wget -cq https://e.com/b
`,
    `FROM debian:12
RUN wget -o /tmp/log https://e.com/a && wget -a /tmp/log https://e.com/b
`,
    `FROM debian:12
RUN wget https://e.com/a 2>/dev/null && wget https://e.com/b &> /tmp/log
`,
    `FROM debian:12
RUN wget --spider https://e.com/a && wget --version
`,
    `FROM debian:12
RUN apt-get install -y wget && echo wget
`,
    `FROM python:3.12-alpine AS base
RUN wget https://e.com/a
FROM base
RUN wget https://e.com/b
`,
  ],
  invalid: [
    {
      name: "standard error sent to the log, where standard output was before it moved",
      code: `FROM debian:12
RUN wget https://example.com/a 2>&1 >/dev/null
`,
      errors: [{ messageId: "progress", line: 2, column: 5 }],
    },
    {
      code: `FROM debian:12
RUN wget https://example.com/app.tar.gz
`,
      errors: [
        {
          messageId: "progress",
          message: "wget fills the build log with its progress display; add -q, -nv or --progress=dot:giga.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 9,
        },
      ],
    },
    {
      name: "the value of -O is not a flag, and 2>&1 keeps the output",
      code: `FROM debian:12
RUN cd /tmp && \\
    /usr/bin/wget -O app.tgz https://e.com/a 2>&1 && wget -Oq https://e.com/b
`,
      errors: [
        { messageId: "progress", line: 3, column: 5, endColumn: 18 },
        { messageId: "progress", line: 3, column: 54, endColumn: 58 },
      ],
    },
    {
      code: `FROM debian:12
RUN tar -xzf "$(wget -O /tmp/a.tgz https://e.com/a && echo /tmp/a.tgz)"
`,
      errors: [{ messageId: "progress", line: 2, column: 17, endColumn: 21 }],
    },
    {
      name: "GNU wget installed on Alpine",
      code: `FROM alpine:3.20
RUN wget https://e.com/a
RUN apk add --no-cache wget && wget https://e.com/b
RUN wget https://e.com/c
`,
      errors: [
        { messageId: "progress", line: 3, column: 32 },
        { messageId: "progress", line: 4, column: 5 },
      ],
    },
  ],
});
