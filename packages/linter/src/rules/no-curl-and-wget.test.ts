import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-curl-and-wget.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN curl -fsSLO https://e.com/a
RUN curl -fsSLO https://e.com/b
`,
    `FROM debian:12
RUN apt-get install -y curl wget
RUN wget -q https://e.com/a
`,
    `FROM debian:12
RUN curl -fsSLO https://e.com/a || wget -q https://e.com/a
`,
    `FROM debian:12
RUN if command -v curl; then curl -fsSLO https://e.com/a; else wget -q https://e.com/a; fi
`,
    `FROM debian:12 AS a
RUN curl -fsSLO https://e.com/a
FROM debian:12
RUN wget -q https://e.com/b
`,
    `FROM debian:12
ONBUILD RUN wget -q https://e.com/b
RUN curl -fsSLO https://e.com/a
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN curl -fsSLO https://e.com/a
RUN wget -q https://e.com/b
`,
      errors: [
        {
          messageId: "both",
          message: "'wget' is used here, but this stage already uses 'curl' (line 2); use one of them.",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN wget -q https://e.com/a && \\
    curl -fsSLO https://e.com/b
RUN curl -fsSLO https://e.com/c
RUN wget -q https://e.com/d
`,
      errors: [
        { messageId: "both", line: 3, column: 5, endColumn: 9 },
        { messageId: "both", line: 4, column: 5, endColumn: 9 },
      ],
    },
    {
      code: `FROM debian:12
RUN wget -q https://e.com/a
RUN tar -xzf "$(curl -fsS https://e.com/b)"
`,
      errors: [{ messageId: "both", line: 3, column: 17, endColumn: 21 }],
    },
  ],
});
