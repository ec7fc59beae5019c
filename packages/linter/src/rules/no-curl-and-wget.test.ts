import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-curl-and-wget.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN curl -fsSLO https://e.com/a\nRUN curl -fsSLO https://e.com/b\n",
    "FROM debian:12\nRUN apt-get install -y curl wget\nRUN wget -q https://e.com/a\n",
    "FROM debian:12\nRUN curl -fsSLO https://e.com/a || wget -q https://e.com/a\n",
    "FROM debian:12\nRUN if command -v curl; then curl -fsSLO https://e.com/a; else wget -q https://e.com/a; fi\n",
    "FROM debian:12 AS a\nRUN curl -fsSLO https://e.com/a\nFROM debian:12\nRUN wget -q https://e.com/b\n",
    "FROM debian:12\nONBUILD RUN wget -q https://e.com/b\nRUN curl -fsSLO https://e.com/a\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN curl -fsSLO https://e.com/a\nRUN wget -q https://e.com/b\n",
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
      code: "FROM debian:12\nRUN wget -q https://e.com/a && \\\n    curl -fsSLO https://e.com/b\nRUN curl -fsSLO https://e.com/c\nRUN wget -q https://e.com/d\n",
      errors: [
        { messageId: "both", line: 3, column: 5, endColumn: 9 },
        { messageId: "both", line: 4, column: 5, endColumn: 9 },
      ],
    },
    {
      code: 'FROM debian:12\nRUN wget -q https://e.com/a\nRUN tar -xzf "$(curl -fsS https://e.com/b)"\n',
      errors: [{ messageId: "both", line: 3, column: 17, endColumn: 21 }],
    },
  ],
});
