import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-workdir-over-cd.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nWORKDIR /src\nRUN make\n",
    "FROM debian:12\nRUN echo cd /x && ls cd\n",
    "FROM debian:12\nONBUILD RUN cd /x\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN cd /src && make && cd / && rm -rf /src\n",
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
      code: "FROM debian:12\nRUN set -e; \\\n  (cd /tmp && make)\n",
      errors: [{ messageId: "cd", line: 3, column: 4, endColumn: 6 }],
    },
  ],
});
