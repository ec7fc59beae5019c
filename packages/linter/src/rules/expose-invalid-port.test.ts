import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-invalid-port.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
EXPOSE 0 65535 80/tcp 53/udp
`,
    `FROM alpine
EXPOSE 8000-8010 8000-8000/tcp
`,
    // A port that nothing in the file sets, or a build argument gives, is the build's.
    `FROM alpine
EXPOSE $PORT \${PORT}/tcp
`,
    `FROM alpine
ARG PORT=70000
EXPOSE $PORT
`,
    `FROM alpine
EXPOSE 127.0.0.1:8080:80
`,
    // Quotes are removed before BuildKit reads the port.
    `FROM alpine
EXPOSE "80" '443/tcp'
`,
  ],
  invalid: [
    {
      name: "a port an ENV gives, as the build reads it",
      code: `FROM alpine
ENV PORT=70000
EXPOSE "\${PORT}/udp"
`,
      errors: [
        {
          messageId: "outOfRange",
          message: "Port 70000 is out of range: ports go from 0 to 65535.",
          line: 3,
          column: 8,
          endColumn: 21,
        },
      ],
    },
    {
      code: `FROM alpine
EXPOSE 80 65536
`,
      errors: [
        {
          messageId: "outOfRange",
          message: "Port 65536 is out of range: ports go from 0 to 65535.",
          line: 2,
          column: 11,
          endColumn: 16,
        },
      ],
    },
    {
      code: `FROM alpine
EXPOSE 1-70000/tcp
`,
      errors: [{ messageId: "outOfRange", line: 2, column: 10, endColumn: 15 }],
    },
    {
      code: `FROM alpine
EXPOSE 99999-100000
`,
      errors: [
        { messageId: "outOfRange", line: 2, column: 8, endColumn: 13 },
        { messageId: "outOfRange", line: 2, column: 14, endColumn: 20 },
      ],
    },
    {
      code: `FROM alpine
EXPOSE 9000-8000/udp
`,
      errors: [{ messageId: "reversedRange", line: 2, column: 8, endColumn: 17 }],
    },
    {
      code: `FROM alpine
EXPOSE 80a 8080/tcp 90-9x/udp
`,
      errors: [
        {
          messageId: "notANumber",
          message: "Port '80a' is not a number (or a range of numbers); BuildKit rejects it.",
          line: 2,
          column: 8,
          endColumn: 11,
        },
        { messageId: "notANumber", line: 2, column: 21, endColumn: 26 },
      ],
    },
    {
      code: `FROM alpine
EXPOSE 8080:70000
`,
      errors: [{ messageId: "outOfRange", line: 2, column: 13 }],
    },
    {
      code: `FROM alpine
EXPOSE 8080:70000
`,
      errors: [{ messageId: "outOfRange", line: 2, column: 13 }],
    },
    {
      code: `FROM alpine
ONBUILD EXPOSE 70000
`,
      errors: [{ messageId: "outOfRange", line: 2, column: 16 }],
    },
  ],
});
