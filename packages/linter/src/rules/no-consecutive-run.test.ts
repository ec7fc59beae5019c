import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-consecutive-run.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN a\nENV X=1\nRUN b\n",
    "FROM debian:12\nRUN a && b && c\nRUN d\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/c a\nRUN b\n",
    "FROM debian:12\nRUN <<EOF\na\nEOF\nRUN b\n",
    "FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN a\nRUN b\n",
      errors: [
        {
          messageId: "consecutive",
          message: "This RUN follows another short RUN with the same flags; merge them into one layer.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN a\n# why\n\nrun b && c\nRUN d\n",
      errors: [
        { messageId: "consecutive", line: 5 },
        { messageId: "consecutive", line: 6 },
      ],
    },
  ],
});
