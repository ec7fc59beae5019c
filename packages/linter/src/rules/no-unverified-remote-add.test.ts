import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-unverified-remote-add.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3\nADD --checksum=sha256:abc https://x/a.tgz /a.tgz\n",
    "FROM alpine:3\nADD ./local.tgz /x/\n",
    "FROM alpine:3\nADD git@github.com:o/r.git /src\n",
    "FROM alpine:3\nADD https://github.com/o/r.git#v1 /src\n",
    "FROM alpine:3\nADD https://github.com/o/r.git?ref=${V}&keep-git-dir=1 /src\n",
    "FROM alpine:3\nADD https://x/tini.asc /tini.asc\nADD https://x/tini /tini\nRUN gpg --batch --verify /tini.asc /tini\n",
    'FROM alpine:3\nADD https://x/app.tgz /tmp/\nRUN echo "$SHA  /tmp/app.tgz" | sha256sum -c -\n',
  ],
  invalid: [
    {
      code: "FROM alpine:3\nADD https://x/tini /tini\n",
      errors: [{ messageId: "unverified", line: 2, column: 5, endColumn: 19 }],
    },
    {
      code: "FROM alpine:3\nADD --chmod=755 https://x/a /usr/bin/a http://y/b /usr/bin/\n",
      errors: [
        { messageId: "unverified", line: 2, column: 17, endColumn: 28 },
        { messageId: "unverified", line: 2, column: 40, endColumn: 50 },
      ],
    },
    {
      code: "FROM alpine:3\nADD https://x/tini /tini\nRUN sha256sum /other\n",
      errors: [{ messageId: "unverified", line: 2, column: 5, endColumn: 19 }],
    },
    {
      code: 'FROM alpine:3\nADD ["https://x/a b", "/a"]\n',
      errors: [{ messageId: "unverified", line: 2, column: 6, endColumn: 21 }],
    },
  ],
});
