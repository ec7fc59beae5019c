import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-copy-over-add.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "quoted sources, whose quotes BuildKit removes",
      code: `FROM alpine:3
ADD "file.tgz" /usr/src/app/
ADD 'https://example.com/a.txt' /a
`,
    },
    `FROM alpine:3
ADD https://example.com/a.txt /a
`,
    `FROM alpine:3
ADD git@github.com:a/b.git /b
`,
    `FROM alpine:3
ADD rootfs.tar.gz app.tgz /
`,
    `FROM alpine:3
ADD $URL /x
`,
    `FROM alpine:3
ADD dist/*.tar.gz /opt/
`,
    `FROM alpine:3
ADD --keep-git-dir=true https://github.com/a/b.git /b
`,
    `FROM alpine:3
COPY a /a
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3
ADD app.py requirements.txt /app/
`,
      errors: [
        {
          messageId: "add",
          message: "ADD is used for plain files; use COPY, which only copies.",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 4,
        },
      ],
      output: `FROM alpine:3
COPY app.py requirements.txt /app/
`,
    },
    {
      code: `FROM alpine:3
add --chown=app . /src
`,
      errors: [{ messageId: "add", line: 2 }],
      output: `FROM alpine:3
copy --chown=app . /src
`,
    },
    {
      code: `FROM alpine:3
ADD ["a b", "/c"]
`,
      errors: 1,
      output: `FROM alpine:3
COPY ["a b", "/c"]
`,
    },
  ],
});
