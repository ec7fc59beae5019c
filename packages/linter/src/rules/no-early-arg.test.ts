import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-early-arg.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
ARG VERSION
RUN echo $VERSION
RUN apt-get update
`,
    {
      name: "an ARG tools read from the environment",
      code: `FROM debian:12
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update
RUN echo $DEBIAN_FRONTEND
`,
    },
    {
      name: "an ARG redeclared before its use",
      code: `FROM debian:12
ARG V=1
RUN true
ARG V
RUN echo \${V}
`,
    },
    {
      name: "a global ARG not redeclared",
      code: `ARG V=1
FROM debian:12
RUN true
RUN echo $V
`,
    },
  ],
  invalid: [
    {
      code: `FROM debian:12
ARG VERSION=1.2 OTHER
RUN apt-get update
RUN make
RUN curl -O https://x.org/v\${VERSION}.tgz
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG VERSION is first used on line 5, and the 2 RUNs in between are rebuilt whenever its value changes; declare it just before its use.",
          line: 2,
          column: 5,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a global ARG redeclared in the stage",
      code: `ARG V=1
FROM debian:12
ARG V
RUN apt-get update
LABEL version=$V
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG V is first used on line 5, and the RUN in between is rebuilt whenever its value changes; declare it just before its use.",
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
