import { ruleTester } from "../testing/rule-tester.js";
import rule from "./syntax-error.js";

ruleTester.run(rule, {
  valid: ["FROM alpine:3.20\nRUN echo hi\n"],
  invalid: [{ code: "FROM alpine:3.20\nCOPY\n", errors: 1 }],
});
