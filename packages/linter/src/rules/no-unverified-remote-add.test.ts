import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-unverified-remote-add.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a branch head from the forge's API rebuilds the clone after it when the branch moves",
      code: `FROM debian:12
ADD https://api.github.com/repos/dusty-nv/3D-Diffusion-Policy/git/refs/heads/master /tmp/dp3_version.json
RUN apt-get update
RUN git clone --depth=1 https://github.com/dusty-nv/3D-Diffusion-Policy /opt/dp3
`,
    },
    {
      name: "verified later by the file's name relative to the WORKDIR",
      code: `FROM alpine:3.20
WORKDIR /tmp/fetch
ADD https://www.python.org/ftp/python/3.13.1/Python-3.13.1.tar.xz /tmp/fetch/python.tar.xz
ADD https://www.python.org/ftp/python/3.13.1/Python-3.13.1.tar.xz.sigstore /tmp/fetch/python.tar.xz.sigstore
RUN cosign verify-blob --bundle python.tar.xz.sigstore python.tar.xz
`,
    },
    {
      name: "an ARG with no default names no URL",
      code: `FROM alpine:3
ARG URL
ADD \${URL} /tmp/
`,
    },
    {
      name: "an ARG whose default is a local file",
      code: `FROM alpine:3
ARG SRC=app.tar.gz
ADD \${SRC} /tmp/
`,
    },
    `FROM alpine:3
ARG URL=https://example.com/tool.tar.gz
ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c \${URL} /tmp/
`,
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
      name: "an ARG whose default is a URL",
      code: `FROM alpine:3
ARG URL=https://example.com/tool.tar.gz
ADD \${URL} /tmp/
`,
      errors: [
        {
          messageId: "unverifiedDefault",
          message:
            "'${URL}' downloads 'https://example.com/tool.tar.gz' (its default value) without a checksum; add --checksum=sha256:… so that a changed file fails the build.",
          line: 3,
          column: 5,
          endColumn: 11,
        },
      ],
    },
    {
      name: "a URL with a variable in it is named as written; an undefined base is no URL",
      code: `ARG VERSION=1.2
FROM alpine:3
ARG VERSION
ADD https://example.com/tool-$VERSION.tgz /tmp/
ADD --chmod=755 $BASE/run.sh /usr/local/bin/
`,
      errors: [
        {
          messageId: "unverified",
          message:
            "'https://example.com/tool-$VERSION.tgz' is downloaded without a checksum; add --checksum=sha256:… so that a changed file fails the build.",
          line: 4,
          column: 5,
        },
      ],
    },
    {
      name: "a URL with a variable the file does not set is still a download",
      code: `FROM alpine:3
ADD "https://example.com/\${RELEASE}/tool.tgz" /tmp/
`,
      errors: [
        {
          messageId: "unverified",
          message:
            "'https://example.com/${RELEASE}/tool.tgz' is downloaded without a checksum; add --checksum=sha256:… so that a changed file fails the build.",
        },
      ],
    },
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
