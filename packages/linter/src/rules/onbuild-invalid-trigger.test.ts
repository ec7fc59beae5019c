import { ruleTester } from "../testing/rule-tester.js";
import rule from "./onbuild-invalid-trigger.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
ONBUILD RUN echo hi
ONBUILD COPY . /app
`,
  ],
  invalid: [
    {
      code: `FROM alpine
ONBUILD ONBUILD RUN x
`,
      errors: [
        {
          messageId: "chaining",
          message: "ONBUILD cannot trigger another ONBUILD.",
          line: 2,
          column: 9,
          endColumn: 16,
        },
      ],
    },
    {
      code: `FROM alpine
ONBUILD FROM alpine
onbuild maintainer me
`,
      errors: [
        { messageId: "trigger", message: "FROM is not allowed as an ONBUILD trigger.", line: 2, column: 9 },
        {
          messageId: "trigger",
          message: "MAINTAINER is not allowed as an ONBUILD trigger.",
          line: 3,
          column: 9,
          endColumn: 19,
        },
      ],
    },
  ],
});
