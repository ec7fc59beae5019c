import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-unverified-remote-add.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3
ADD --checksum=sha256:abc https://x/a.tgz /a.tgz
`,
    `FROM alpine:3
ADD ./local.tgz /x/
`,
    `FROM alpine:3
ADD git@github.com:o/r.git /src
`,
    `FROM alpine:3
ADD https://github.com/o/r.git#v1 /src
`,
    `FROM alpine:3
ADD https://github.com/o/r.git?ref=\${V}&keep-git-dir=1 /src
`,
    `FROM alpine:3
ADD https://x/tini.asc /tini.asc
ADD https://x/tini /tini
RUN gpg --batch --verify /tini.asc /tini
`,
    `FROM alpine:3
ADD https://x/app.tgz /tmp/
RUN echo "$SHA  /tmp/app.tgz" | sha256sum -c -
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3
ADD https://x/tini /tini
`,
      errors: [{ messageId: "unverified", line: 2, column: 5, endColumn: 19 }],
    },
    {
      code: `FROM alpine:3
ADD --chmod=755 https://x/a /usr/bin/a http://y/b /usr/bin/
`,
      errors: [
        { messageId: "unverified", line: 2, column: 17, endColumn: 28 },
        { messageId: "unverified", line: 2, column: 40, endColumn: 50 },
      ],
    },
    {
      code: `FROM alpine:3
ADD https://x/tini /tini
RUN sha256sum /other
`,
      errors: [{ messageId: "unverified", line: 2, column: 5, endColumn: 19 }],
    },
    {
      code: `FROM alpine:3
ADD ["https://x/a b", "/a"]
`,
      errors: [{ messageId: "unverified", line: 2, column: 6, endColumn: 21 }],
    },
  ],
});
