import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-copy-whole-stage.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nCOPY / /\n",
    "FROM a AS b\nFROM alpine:3.20\nCOPY --from=b /opt /\n",
    "FROM a AS b\nFROM alpine:3.20\nCOPY --from=b / /opt/\n",
  ],
  invalid: [
    {
      code: "FROM a AS b\nFROM alpine:3.20\nCOPY --from=b / /\n",
      errors: [{ messageId: "whole", line: 3, column: 15, endLine: 3, endColumn: 16 }],
    },
    {
      code: "FROM alpine:3.20\nCOPY --link --from=busybox:1.36 / /\n",
      errors: [{ messageId: "whole", line: 2, column: 33 }],
    },
  ],
});
