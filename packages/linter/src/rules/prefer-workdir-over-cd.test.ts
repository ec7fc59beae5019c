import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-workdir-over-cd.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
WORKDIR /src
RUN make
`,
    `FROM debian:12
RUN echo cd /x && ls cd
`,
    `FROM debian:12
ONBUILD RUN cd /x
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN cd /src && make && cd / && rm -rf /src
`,
      errors: [
        {
          messageId: "cd",
          message: "Use WORKDIR to change directory; a cd lasts only until the end of this RUN.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 7,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN set -e; \\
  (cd /tmp && make)
`,
      errors: [{ messageId: "cd", line: 3, column: 4, endColumn: 6 }],
    },
  ],
});
