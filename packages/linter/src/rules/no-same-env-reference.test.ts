import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-same-env-reference.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
ENV A=1
ENV B=$A
`,
    `FROM alpine
ENV PATH=/x:$PATH A=1
`,
    `FROM alpine
ENV A=1
ENV A=2 B=$A
`,
    `FROM alpine
ARG A
ENV A=$A B=$A
`,
    `FROM alpine AS base
ENV A=1
FROM base
ENV A=2 B=\${A}
`,
    `FROM alpine
ENV A=1 B='$AB' C=$AB
`,
    `FROM alpine
ENV A=1 B=\\$A
`,
    `FROM alpine
ONBUILD ENV A=1 B=$A
`,
    `FROM alpine
ENV A 1 $A
`,
  ],
  invalid: [
    {
      name: "a name set twice in one ENV: the second value reads the old one, not the first's",
      code: `FROM alpine
ENV PATH=/opt/a/bin:$PATH PATH=/opt/b/bin:$PATH
`,
      errors: [{ messageId: "sameEnv", line: 2, column: 43, endColumn: 48 }],
    },
    {
      code: `FROM alpine
ENV A=1 B=$A
`,
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
      code: `FROM alpine
ENV JAVA_HOME=/opt/java \\
    PATH=\${JAVA_HOME}/bin:$PATH
`,
      errors: [{ messageId: "sameEnv", line: 3, column: 10, endColumn: 22 }],
    },
    {
      name: "a later pair counts too",
      code: `FROM alpine
ENV B="\${A:-x}/y" A=1
`,
      errors: [{ messageId: "sameEnv", line: 2, column: 8, endColumn: 15 }],
    },
    {
      name: "names from an unrelated stage do not count",
      code: `FROM alpine AS a
ENV A=1
FROM alpine
ENV A=2 B=$A
`,
      errors: [{ messageId: "sameEnv", line: 4, column: 11 }],
    },
  ],
});
