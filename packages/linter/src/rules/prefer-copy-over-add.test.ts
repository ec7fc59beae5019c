import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-copy-over-add.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3\nADD https://example.com/a.txt /a\n",
    "FROM alpine:3\nADD git@github.com:a/b.git /b\n",
    "FROM alpine:3\nADD rootfs.tar.gz app.tgz /\n",
    "FROM alpine:3\nADD $URL /x\n",
    "FROM alpine:3\nADD dist/*.tar.gz /opt/\n",
    "FROM alpine:3\nADD --keep-git-dir=true https://github.com/a/b.git /b\n",
    "FROM alpine:3\nCOPY a /a\n",
  ],
  invalid: [
    {
      code: "FROM alpine:3\nADD app.py requirements.txt /app/\n",
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
      output: "FROM alpine:3\nCOPY app.py requirements.txt /app/\n",
    },
    {
      code: "FROM alpine:3\nadd --chown=app . /src\n",
      errors: [{ messageId: "add", line: 2 }],
      output: "FROM alpine:3\ncopy --chown=app . /src\n",
    },
    { code: 'FROM alpine:3\nADD ["a b", "/c"]\n', errors: 1, output: 'FROM alpine:3\nCOPY ["a b", "/c"]\n' },
  ],
});
