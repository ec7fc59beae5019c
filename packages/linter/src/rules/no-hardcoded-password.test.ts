import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-hardcoded-password.js";

ruleTester.run(rule, {
  valid: [
    'FROM ubuntu:24.04\nRUN echo "root:$(openssl rand -base64 12)" | chpasswd\n',
    'FROM ubuntu:24.04\nRUN --mount=type=secret,id=pw echo "${SEL_USER}:$(cat /run/secrets/pw)" | chpasswd\n',
    "FROM ubuntu:24.04\nRUN useradd -m -p '*' dev && usermod -p '!' root\n",
    "FROM ubuntu:24.04\nRUN chpasswd < /run/secrets/users\n",
    "FROM ubuntu:24.04\nRUN passwd -l root && passwd -d app\n",
    "FROM ubuntu:24.04\nRUN echo 'root:x' > /notes\n",
  ],
  invalid: [
    {
      code: "FROM ubuntu:24.04\nRUN useradd -m dev && echo 'dev:dev' | chpasswd\n",
      errors: [{ messageId: "literal", line: 2, column: 33, endColumn: 36 }],
    },
    {
      code: 'FROM ubuntu:24.04\nRUN echo "root:Docker!" | chpasswd \\\n && echo done\n',
      errors: [{ messageId: "literal", line: 2, column: 16, endColumn: 23 }],
    },
    {
      code: 'FROM ubuntu:24.04\nARG PASSWORD\nRUN echo "app:${PASSWORD}" | sudo chpasswd\n',
      errors: [{ messageId: "variable", line: 3, column: 15, endColumn: 26 }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN printf 'a:one\\nb:two\\n' | chpasswd\n",
      errors: [
        { messageId: "literal", line: 2, column: 15, endColumn: 18 },
        { messageId: "literal", line: 2, column: 22, endColumn: 25 },
      ],
    },
    {
      code: "FROM ubuntu:24.04\nRUN echo -e 'secret\\nsecret' | passwd root\n",
      errors: [{ messageId: "literal", line: 2, column: 14, endColumn: 20 }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN echo 'Docker!' | passwd --stdin root\n",
      errors: [{ messageId: "literal", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: "FROM ubuntu:24.04\nRUN useradd -m -p '$6$abc$hash' dev\n",
      errors: [{ messageId: "literal", line: 2, column: 20, endColumn: 31 }],
    },
  ],
});
