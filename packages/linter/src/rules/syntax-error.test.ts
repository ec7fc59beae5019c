import { ruleTester } from "../testing/rule-tester.js";
import rule from "./syntax-error.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
RUN echo hi
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
COPY
`,
      errors: 1,
    },
  ],
});
