import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-same-env-reference.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nENV A=1\nENV B=$A\n",
    "FROM alpine\nENV PATH=/x:$PATH A=1\n",
    "FROM alpine\nENV A=1\nENV A=2 B=$A\n",
    "FROM alpine\nARG A\nENV A=$A B=$A\n",
    "FROM alpine AS base\nENV A=1\nFROM base\nENV A=2 B=${A}\n",
    "FROM alpine\nENV A=1 B='$AB' C=$AB\n",
    "FROM alpine\nENV A=1 B=\\$A\n",
    "FROM alpine\nONBUILD ENV A=1 B=$A\n",
    "FROM alpine\nENV A 1 $A\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nENV A=1 B=$A\n",
      errors: [
        {
          messageId: "sameEnv",
          message:
            "'$A' is set by this same ENV, which expands it before setting it; move 'A' to an earlier ENV.",
          line: 2,
          column: 11,
          endColumn: 13,
        },
      ],
    },
    {
      code: "FROM alpine\nENV JAVA_HOME=/opt/java \\\n    PATH=${JAVA_HOME}/bin:$PATH\n",
      errors: [{ messageId: "sameEnv", line: 3, column: 10, endColumn: 22 }],
    },
    {
      name: "a later pair counts too",
      code: 'FROM alpine\nENV B="${A:-x}/y" A=1\n',
      errors: [{ messageId: "sameEnv", line: 2, column: 8, endColumn: 15 }],
    },
    {
      name: "names from an unrelated stage do not count",
      code: "FROM alpine AS a\nENV A=1\nFROM alpine\nENV A=2 B=$A\n",
      errors: [{ messageId: "sameEnv", line: 4, column: 11 }],
    },
  ],
});
