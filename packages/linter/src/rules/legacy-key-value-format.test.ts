import { ruleTester } from "../testing/rule-tester.js";
import rule from "./legacy-key-value-format.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nENV A=1 B=2\n",
    'FROM alpine:3.20\nLABEL a="b c"\n',
    "FROM alpine:3.20\nENV A=\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nENV PORT 8080\n",
      errors: [
        {
          messageId: "legacy",
          message: '"ENV key=value" should be used instead of the legacy "ENV key value" format.',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 14,
        },
      ],
      output: "FROM alpine:3.20\nENV PORT=8080\n",
    },
    {
      code: "FROM alpine:3.20\nlabel description A small image\n",
      errors: [{ messageId: "legacy", line: 2, column: 7 }],
      output: 'FROM alpine:3.20\nlabel description="A small image"\n',
    },
    {
      name: "no fix when the value has its own quotes",
      code: 'FROM alpine:3.20\nENV GREETING "hello" world\n',
      errors: [{ messageId: "legacy", line: 2 }],
      output: null,
    },
  ],
});
