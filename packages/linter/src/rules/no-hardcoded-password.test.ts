import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-hardcoded-password.js";

ruleTester.run(rule, {
  valid: [
    `FROM ubuntu:24.04
RUN echo "root:$(openssl rand -base64 12)" | chpasswd
`,
    `FROM ubuntu:24.04
RUN --mount=type=secret,id=pw echo "\${SEL_USER}:$(cat /run/secrets/pw)" | chpasswd
`,
    `FROM ubuntu:24.04
RUN useradd -m -p '*' dev && usermod -p '!' root
`,
    `FROM ubuntu:24.04
RUN chpasswd < /run/secrets/users
`,
    `FROM ubuntu:24.04
RUN passwd -l root && passwd -d app
`,
    `FROM ubuntu:24.04
RUN echo 'root:x' > /notes
`,
  ],
  invalid: [
    {
      code: `FROM ubuntu:24.04
RUN useradd -m dev && echo 'dev:dev' | chpasswd
`,
      errors: [{ messageId: "literal", line: 2, column: 33, endColumn: 36 }],
    },
    {
      code: `FROM ubuntu:24.04
RUN echo "root:Docker!" | chpasswd \\
 && echo done
`,
      errors: [{ messageId: "literal", line: 2, column: 16, endColumn: 23 }],
    },
    {
      code: `FROM ubuntu:24.04
ARG PASSWORD
RUN echo "app:\${PASSWORD}" | sudo chpasswd
`,
      errors: [{ messageId: "variable", line: 3, column: 15, endColumn: 26 }],
    },
    {
      code: `FROM ubuntu:24.04
RUN printf 'a:one\\nb:two\\n' | chpasswd
`,
      errors: [
        { messageId: "literal", line: 2, column: 15, endColumn: 18 },
        { messageId: "literal", line: 2, column: 22, endColumn: 25 },
      ],
    },
    {
      code: `FROM ubuntu:24.04
RUN echo -e 'secret\\nsecret' | passwd root
`,
      errors: [{ messageId: "literal", line: 2, column: 14, endColumn: 20 }],
    },
    {
      code: `FROM ubuntu:24.04
RUN echo 'Docker!' | passwd --stdin root
`,
      errors: [{ messageId: "literal", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: `FROM ubuntu:24.04
RUN useradd -m -p '$6$abc$hash' dev
`,
      errors: [{ messageId: "literal", line: 2, column: 20, endColumn: 31 }],
    },
  ],
});
