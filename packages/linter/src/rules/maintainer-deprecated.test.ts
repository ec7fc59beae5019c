import { ruleTester } from "../testing/rule-tester.js";
import rule from "./maintainer-deprecated.js";

ruleTester.run(rule, {
  valid: ["FROM alpine:3.20\nLABEL org.opencontainers.image.authors=me\n"],
  invalid: [
    {
      code: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
      errors: [{ messageId: "deprecated", line: 2, column: 1, endLine: 2, endColumn: 11 }],
      output: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      code: 'FROM alpine:3.20\nmaintainer "a $b\\c"\n',
      errors: [{ messageId: "deprecated", line: 2, column: 1 }],
    },
    {
      name: "as an ONBUILD trigger (itself a syntax error)",
      allowSyntaxErrors: true,
      code: "FROM alpine:3.20\nONBUILD MAINTAINER me\n",
      errors: [{ messageId: "deprecated", line: 2, column: 9, endColumn: 19 }],
      output: 'FROM alpine:3.20\nONBUILD LABEL org.opencontainers.image.authors="me"\n',
    },
    {
      name: "no fix with the backtick escape",
      code: "# escape=`\nFROM alpine:3.20\nMAINTAINER me\n",
      errors: [{ messageId: "deprecated", line: 3 }],
      output: null,
    },
  ],
});
