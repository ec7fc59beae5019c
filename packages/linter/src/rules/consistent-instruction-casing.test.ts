import { ruleTester } from "../testing/rule-tester.js";
import rule from "./consistent-instruction-casing.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
RUN a
CMD b
`,
    `from alpine
run a
cmd b
`,
    {
      name: "ARGs before the first FROM are not counted or checked",
      code: `arg A=1
FROM alpine
RUN a
`,
    },
    {
      name: "ONBUILD triggers are not counted or checked",
      code: `FROM alpine
ONBUILD run a
`,
    },
  ],
  invalid: [
    {
      code: `FROM alpine
RUN a
run b
`,
      errors: [
        {
          messageId: "inconsistent",
          message: "Instruction 'run' should be uppercase like the majority of instructions in this file.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
        },
      ],
      output: `FROM alpine
RUN a
RUN b
`,
    },
    {
      name: "lowercase wins with a strict majority",
      code: `from alpine
run a
RUN b
`,
      errors: [{ messageId: "inconsistent", line: 3, column: 1 }],
      output: `from alpine
run a
run b
`,
    },
    {
      name: "a tie means uppercase",
      code: `from alpine
RUN a
`,
      errors: [{ messageId: "inconsistent", line: 1, column: 1 }],
      output: `FROM alpine
RUN a
`,
    },
    {
      name: "mixed case always violates and is not counted",
      code: `from alpine
Run a
run b
`,
      errors: [
        {
          messageId: "inconsistent",
          message: "Instruction 'Run' should be lowercase like the majority of instructions in this file.",
          line: 2,
          column: 1,
        },
      ],
      output: `from alpine
run a
run b
`,
    },
    {
      name: "only mixed case: uppercase",
      code: `From alpine
Run a
`,
      errors: [
        { messageId: "inconsistent", line: 1 },
        { messageId: "inconsistent", line: 2 },
      ],
      output: `FROM alpine
RUN a
`,
    },
    {
      name: "the ONBUILD keyword itself is checked",
      code: `FROM alpine
RUN a
onbuild RUN b
`,
      errors: [{ messageId: "inconsistent", line: 3, column: 1, endColumn: 8 }],
    },
  ],
});
