import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-proto-casing.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
EXPOSE 80 80/tcp 53/udp 9/sctp
`,
    {
      name: "an unknown protocol fails the build instead",
      code: `FROM alpine
EXPOSE 80/HTTP
`,
    },
    {
      name: "a port a build argument gives is the build's",
      code: `FROM alpine
ARG P=80/TCP
EXPOSE $P
`,
    },
  ],
  invalid: [
    {
      name: "a port an ENV gives, reported without a fix",
      code: `FROM alpine
ENV P=80/TCP
EXPOSE $P
`,
      errors: [
        {
          messageId: "uppercase",
          message: "Protocol of port '80/TCP' should be lowercase.",
          line: 3,
          column: 8,
          endColumn: 10,
        },
      ],
      output: null,
    },
    {
      code: `FROM alpine
EXPOSE 80/TCP
`,
      errors: [
        {
          messageId: "uppercase",
          message: "Protocol of port '80/TCP' should be lowercase.",
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 14,
        },
      ],
      output: `FROM alpine
EXPOSE 80/tcp
`,
    },
    {
      code: `FROM alpine
EXPOSE 80 8000-8010/Udp 1:2/SCTP
`,
      errors: [
        { messageId: "uppercase", line: 2, column: 21 },
        { messageId: "uppercase", line: 2, column: 29 },
      ],
      output: `FROM alpine
EXPOSE 80 8000-8010/udp 1:2/sctp
`,
    },
  ],
});
