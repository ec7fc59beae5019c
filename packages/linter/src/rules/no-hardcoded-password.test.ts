import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-hardcoded-password.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "useradd -p with text that is no password hash: stored as it is, it locks the account",
      code: `FROM ubuntu:24.04
RUN useradd -l -u 33333 -md /home/gitpod -s /bin/bash -p gitpod gitpod
`,
    },
    {
      name: "Windows: a prompted password, an account without one, a computed one",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN net user builder * /add
RUN net user builder /add /passwordreq:no
RUN powershell -Command "$pw = [guid]::NewGuid().ToString(); net user builder $pw /add"
`,
    },
    {
      name: "net user on Linux is not Windows' net",
      code: `FROM debian:12
RUN net user builder P4ss /add
`,
    },
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
RUN passwd -l root && passwd -u app
`,
    {
      name: "a password that is no empty one: the text goes on after a backslash",
      code: `FROM ubuntu:24.04
RUN echo "root:\\$(cat /run/secrets/pw)" | chpasswd
`,
    },
    `FROM ubuntu:24.04
RUN echo 'root:x' > /notes
`,
  ],
  invalid: [
    {
      name: "useradd -p with a DES hash or a build variable",
      code: `FROM ubuntu:24.04
ARG HASH
RUN useradd -p Ep6mckrOLChF. dev && useradd -p "$HASH" ops
`,
      errors: [
        { messageId: "literal", line: 3, column: 16 },
        { messageId: "variable", line: 3, column: 49 },
      ],
    },
    {
      name: "empty passwords: chpasswd, passwd --delete, useradd -p ''",
      code: `FROM alpine:3.20
RUN echo 'root:' | chpasswd
RUN printf 'app:x\\nroot:\\n' | chpasswd
RUN passwd -d root && useradd -p '' dev
`,
      errors: [
        {
          messageId: "empty",
          message:
            "chpasswd sets an empty password, so the account logs in with none; lock it instead (`passwd -l`, or `useradd -p '*'`).",
          line: 2,
          column: 11,
          endColumn: 16,
        },
        { messageId: "literal", line: 3, column: 17, endColumn: 18 },
        { messageId: "empty", line: 3, column: 20, endColumn: 25 },
        { messageId: "empty", line: 4, column: 15, endColumn: 19 },
        { messageId: "empty", line: 4, column: 34, endColumn: 36 },
      ],
    },
    {
      name: "cmd: net user with a password",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN net user /add builder P@ssw0rd1 && net localgroup administrators builder /add
`,
      errors: [
        {
          messageId: "literal",
          message:
            "Password set with net user is written in the Dockerfile and readable in the image; do not bake passwords into images.",
          line: 2,
          column: 27,
          endColumn: 36,
        },
      ],
    },
    {
      name: "PowerShell: net user from a build variable, and a plain-text secure string",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
ARG PASSWORD
RUN net user builder $env:PASSWORD /add; \\
    New-LocalUser -Name app -Password (ConvertTo-SecureString 'S3cret!' -AsPlainText -Force)
`,
      errors: [
        { messageId: "variable", line: 4, column: 22, endColumn: 35 },
        { messageId: "literal", line: 5, column: 63, endColumn: 72 },
      ],
    },
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
