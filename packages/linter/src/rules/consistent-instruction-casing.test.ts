import { ruleTester } from "../testing/rule-tester.js";
import rule from "./consistent-instruction-casing.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nRUN a\nCMD b\n",
    "from alpine\nrun a\ncmd b\n",
    { name: "ARGs before the first FROM are not counted or checked", code: "arg A=1\nFROM alpine\nRUN a\n" },
    { name: "ONBUILD triggers are not counted or checked", code: "FROM alpine\nONBUILD run a\n" },
  ],
  invalid: [
    {
      code: "FROM alpine\nRUN a\nrun b\n",
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
      output: "FROM alpine\nRUN a\nRUN b\n",
    },
    {
      name: "lowercase wins with a strict majority",
      code: "from alpine\nrun a\nRUN b\n",
      errors: [{ messageId: "inconsistent", line: 3, column: 1 }],
      output: "from alpine\nrun a\nrun b\n",
    },
    {
      name: "a tie means uppercase",
      code: "from alpine\nRUN a\n",
      errors: [{ messageId: "inconsistent", line: 1, column: 1 }],
      output: "FROM alpine\nRUN a\n",
    },
    {
      name: "mixed case always violates and is not counted",
      code: "from alpine\nRun a\nrun b\n",
      errors: [
        {
          messageId: "inconsistent",
          message: "Instruction 'Run' should be lowercase like the majority of instructions in this file.",
          line: 2,
          column: 1,
        },
      ],
      output: "from alpine\nrun a\nrun b\n",
    },
    {
      name: "only mixed case: uppercase",
      code: "From alpine\nRun a\n",
      errors: [
        { messageId: "inconsistent", line: 1 },
        { messageId: "inconsistent", line: 2 },
      ],
      output: "FROM alpine\nRUN a\n",
    },
    {
      name: "the ONBUILD keyword itself is checked",
      code: "FROM alpine\nRUN a\nonbuild RUN b\n",
      errors: [{ messageId: "inconsistent", line: 3, column: 1, endColumn: 8 }],
    },
  ],
});
