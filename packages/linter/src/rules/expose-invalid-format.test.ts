import { ruleTester } from "../testing/rule-tester.js";
import rule from "./expose-invalid-format.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
EXPOSE 80 80/tcp 8000-8010/udp
`,
    {
      name: "a port a build argument gives is the build's",
      code: `FROM alpine
ARG P=8080:80
EXPOSE $P
`,
    },
    {
      name: "an unknown protocol fails the build instead",
      code: `FROM alpine
EXPOSE 8080:80/http
`,
    },
  ],
  invalid: [
    {
      name: "a port an ENV gives, reported without a fix",
      code: `FROM alpine
ENV P=8080:80
EXPOSE "$P"
`,
      errors: [{ messageId: "hostPart", line: 3, column: 8, endColumn: 12 }],
      output: null,
    },
    {
      code: `FROM alpine
EXPOSE 8080:80
`,
      errors: [
        {
          messageId: "hostPart",
          message:
            "Port '8080:80' has a host IP or host port, which EXPOSE ignores; expose only the container port.",
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 15,
        },
      ],
      output: `FROM alpine
EXPOSE 80
`,
    },
    {
      code: `FROM alpine
EXPOSE 443 127.0.0.1:8080:80/tcp
`,
      errors: [{ messageId: "hostPart", line: 2, column: 12, endColumn: 33 }],
      output: `FROM alpine
EXPOSE 443 80/tcp
`,
    },
    {
      name: "IPv6 host address",
      code: `FROM alpine
EXPOSE [::1]:8080:80
`,
      errors: [{ messageId: "hostPart", line: 2, column: 8 }],
      output: `FROM alpine
EXPOSE 80
`,
    },
  ],
});
