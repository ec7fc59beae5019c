import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-add-for-archives.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a build stage that only feeds COPY --from",
      code: `FROM ubuntu:24.04 AS builder
COPY weights.tar.gz /tmp/weights.tar.gz
RUN mkdir -p /opt/models && tar xzf /tmp/weights.tar.gz -C /opt/models && rm /tmp/weights.tar.gz
FROM ubuntu:24.04
COPY --from=builder /opt/models /opt/models
`,
    },
    `FROM alpine
COPY a.tar.gz /tmp/
`,
    `FROM alpine
COPY a.zip /tmp/
RUN unzip /tmp/a.zip
`,
    `FROM alpine
COPY a.tar.gz /tmp/
RUN tar -tzf /tmp/a.tar.gz
`,
    `FROM alpine
COPY a.tar.gz /tmp/
RUN tar -xzf /tmp/a.tar.gz --strip-components=1 -C /opt
`,
    `FROM alpine
COPY --from=build /a.tar.gz /tmp/
RUN tar -xzf /tmp/a.tar.gz
`,
    `FROM alpine
COPY a.tar.gz /tmp/
FROM alpine
RUN tar -xzf /tmp/a.tar.gz
`,
    `FROM alpine
COPY b.tar.gz /tmp/
RUN tar -xzf /tmp/a.tar.gz
`,
    `FROM alpine
COPY a.gz /tmp/
RUN gunzip /tmp/a.gz
`,
  ],
  invalid: [
    {
      code: `FROM alpine
COPY a.tar.gz /tmp/
RUN tar -xzf /tmp/a.tar.gz -C /opt
`,
      errors: [
        {
          messageId: "extracted",
          message:
            "'a.tar.gz' is copied here and unpacked by tar on line 3; ADD unpacks a local tar archive in one layer.",
          line: 2,
          column: 6,
          endColumn: 14,
        },
      ],
    },
    {
      name: "the destination names the archive",
      code: `FROM alpine
COPY dist/release.tgz /tmp/app.tgz
RUN cd /opt && tar xf /tmp/app.tgz
`,
      errors: [{ messageId: "extracted", line: 2, column: 23, endColumn: 35 }],
    },
    {
      code: `FROM alpine
COPY a.tar b.txt /tmp/
RUN set -e; \\
  tar --extract --file=/tmp/a.tar
`,
      errors: [{ messageId: "extracted", line: 2, column: 6, endColumn: 11 }],
    },
    {
      name: "reported once",
      code: `FROM alpine
COPY a.txz /tmp/
RUN tar -xJf /tmp/a.txz
RUN tar -xJf /tmp/a.txz
`,
      errors: [{ messageId: "extracted", line: 2 }],
    },
  ],
});
