import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-workdir-over-cd.js";

ruleTester.run(rule, {
  valid: [
    {
      name: 'a cd the script undoes before running more (cd -, cd .., cd "$OLDPWD")',
      code: `FROM oraclelinux:9
RUN mkdir -p /pkgs; cd /pkgs; rm -rf pcre2*; cd -; tar -czf /pkgs.tar.gz /pkgs
RUN cd /opt/app && make && cd "$OLDPWD" && ls
WORKDIR /srv
RUN cd sub && make && cd .. && make install
`,
    },
    {
      name: "a relative cd on a system image, into a directory removed by its absolute path; the WORKDIR's trailing slash",
      code: `FROM debian:bookworm-slim
RUN git clone https://example.com/su-exec.git && cd su-exec && make && mv /su-exec/su-exec /usr/bin/ && rm -rf /su-exec
WORKDIR /build/
RUN cd /build && make
`,
    },
    {
      name: "a build directory removed by a glob, or by docker-php-source delete",
      code: `FROM debian:12
RUN tar -xzf /tmp/icu.tgz -C /tmp && cd /tmp/icu/source && make install && cd / && rm -rf /tmp/icu*
RUN docker-php-source extract && cd /usr/src/php && make && docker-php-source delete
RUN mkdir -p src && cd src && make && cd .. && rm -r src
RUN cd /src/app/build && make && rm -rf /src/app /src/app
RUN cd /build && make && cd / && rm -rf "/build/" && cd /src && make && rm -rf /src/*/.. /src
`,
    },
    {
      name: "a build directory removed by a glob with a bracket class",
      code: `FROM debian:12
RUN cd /usr/src/Python-3.12 && make install && cd / && rm -rf /usr/src/[Pp]ython-*
RUN cd /usr/src/build && make && cd / && rm -rf /usr/src/[!s]*
`,
    },
    `FROM debian:12
WORKDIR /src
RUN make
`,
    `FROM debian:12
RUN echo cd /x && ls cd
`,
    `FROM debian:12
ONBUILD RUN cd /x
`,
    // A cd that cannot leak (deviations from hadolint, which reports these).
    `FROM debian:12
RUN set -e; \\
  (cd /tmp && make)
`,
    `FROM debian:12
RUN mkdir -p /out && ( cd /src; make ) | tee log
`,
    `FROM debian:12
RUN cd / && tar xzf /x.tgz
`,
    `FROM debian:12
RUN cd /src && make && cd / && rm -rf /src
`,
    `FROM debian:12
RUN mkdir /tmp/build && cd /tmp/build/sub && make && rm -rf /tmp/build
`,
    `FROM debian:12
RUN cd /tmp && curl -O https://x/y.tgz && tar xzf y.tgz && rm -rf /tmp/*
`,
    {
      name: "a scratch directory, which WORKDIR would make every later instruction's and the container's",
      code: `FROM debian:12
RUN cd /tmp && curl -fsSLO https://example.com/x.deb && dpkg -i x.deb
RUN cd /var/tmp/build && make install
RUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tgz && tar xzf x.tgz
RUN dir="$(mktemp -d)" && cd "$dir" && make
RUN export BUILD=\`mktemp -d\`; cd \${BUILD}; make
`,
    },
    // Relative cds are followed from the last absolute one.
    `FROM debian:12
RUN cd /tmp; tar xf ghc.tar; cd "ghc-9.10"; ./configure; make install; rm -rf /tmp/*
`,
    {
      name: "a relative cd from the stage's WORKDIR, in its own stage or a base stage, into a scratch directory",
      code: `FROM alpine:3.20 AS base
WORKDIR /tmp
RUN wget -q https://example.com/v.tar.gz && tar -xzf v.tar.gz && cd v-1.0 && make install
FROM base
WORKDIR build
RUN cd out && make
`,
    },
    {
      name: "a variable the stage sets to a scratch directory",
      code: `FROM alpine:3.20
ENV SRC_DIR=/tmp/src
ARG OUT=/var/tmp/out
RUN mkdir -p \${SRC_DIR} && cd \${SRC_DIR} && make && cd "$OUT" && make install
`,
    },
    {
      name: "a step back up after an earlier cd",
      code: `FROM ubuntu:24.04
RUN tmp="$(mktemp -d)"; cd "$tmp"; tar -xf /app.tgz; mv bin /opt/app/; cd ..; rm -rf "$tmp"
RUN cd "$(mktemp -d)" && make && cd - && make install
`,
    },
    {
      name: "a directory the RUN mounts",
      code: `FROM ubuntu:24.04
RUN --mount=type=cache,target=/installTmp/ cd /installTmp && sh ./dotnet-install.sh
RUN --mount=type=bind,source=.,target=/src cd /src/app && make install
WORKDIR /w
RUN --mount=type=tmpfs,target=. cd build && make
`,
    },
  ],
  invalid: [
    {
      name: "a glob that removes something else",
      code: `FROM debian:12
RUN cd /usr/src/icu/source && make && rm -rf /usr/src/ic?.tgz /usr/src/icu/*.log
`,
      errors: [{ messageId: "cd", line: 2, column: 5 }],
    },
    {
      name: "a return that nothing follows, and a relative cd on an image whose directory is not known",
      code: `FROM debian:12
RUN cd /opt/app && make && cd -
FROM node:22
RUN git clone https://example.com/tool.git && cd tool && make && rm -rf /tool
`,
      errors: [
        { messageId: "cd", line: 2, column: 5 },
        { messageId: "cd", line: 4, column: 47 },
      ],
    },
    {
      name: "a bracket class that excludes the directory",
      code: `FROM debian:12
RUN cd /usr/src/build && make && rm -rf /usr/src/[!b]*
`,
      errors: [{ messageId: "cd", line: 2, column: 5 }],
    },
    {
      code: `FROM debian:12
RUN cd /src && make
`,
      errors: [
        {
          messageId: "cd",
          message: "Use WORKDIR to change directory; a cd lasts only until the end of this RUN.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 7,
        },
      ],
    },
    {
      // The position is found across a continuation line.
      code: `FROM debian:12
RUN set -e; \\
  cd /src && make
`,
      errors: [{ messageId: "cd", line: 3, column: 3, endColumn: 5 }],
    },
    {
      // After the subshell closes, a cd is back in the RUN's own shell.
      code: `FROM debian:12
RUN (cd /a && make) && cd /b && make
`,
      errors: [{ messageId: "cd", line: 2, column: 24, endColumn: 26 }],
    },
    {
      // Removing another directory does not make this one temporary.
      code: `FROM debian:12
RUN cd /app && make && rm -rf /tmp/build
`,
      errors: [{ messageId: "cd", line: 2, column: 5 }],
    },
    {
      // A relative cd out of the temporary directory is a real one.
      code: `FROM debian:12
RUN cd /tmp/b && make && cd ../../srv && rm -rf /tmp/b
`,
      errors: [{ messageId: "cd", line: 2, column: 26 }],
    },
    {
      name: "a directory that only looks like a scratch one, or a variable mktemp did not set",
      code: `FROM debian:12
RUN cd /tmpfiles && make
RUN dir=/opt/app && cd "$dir" && make
RUN other="$(mktemp -d)" && cd "$dir" && make
`,
      errors: [
        { messageId: "cd", line: 2, column: 5 },
        { messageId: "cd", line: 3, column: 21 },
        { messageId: "cd", line: 4, column: 29 },
      ],
    },
    {
      name: "a removal before the cd, of a sibling that shares its name's start, or of a subdirectory only",
      code: `FROM debian:12
RUN rm -rf /src && cd /src && make
RUN cd /src/app && make && rm -rf /src/ap /src/application
RUN cd /src && make && rm -rf /src/build
RUN cd "$dir" && make && dir="$(mktemp -d)"
`,
      errors: [
        { messageId: "cd", line: 2, column: 20 },
        { messageId: "cd", line: 3, column: 5 },
        { messageId: "cd", line: 4, column: 5 },
        { messageId: "cd", line: 5, column: 5 },
      ],
    },
    {
      code: `FROM debian:12
RUN cd / && cd /srv/app && npm ci
`,
      errors: [{ messageId: "cd", line: 2, column: 13 }],
    },
    {
      name: "a variable the RUN sets itself, a WORKDIR the base image may set, a step up with no cd before it",
      code: `FROM alpine:3.20
ENV SRC_DIR=/tmp/src
RUN SRC_DIR=/srv && cd $SRC_DIR && make
FROM alpine:3.20
RUN cd app && make
WORKDIR /srv/app
RUN cd .. && make
RUN --mount=type=cache,target=/root/.cache cd /root && make
RUN --mount=target=.,from=src cd /usr/bin && ls
`,
      errors: [
        { messageId: "cd", line: 3, column: 21 },
        { messageId: "cd", line: 5, column: 5 },
        { messageId: "cd", line: 7, column: 5 },
        { messageId: "cd", line: 8, column: 44 },
        { messageId: "cd", line: 9, column: 31 },
      ],
    },
  ],
});
