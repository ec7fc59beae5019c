import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-workdir-over-cd.js";

ruleTester.run(rule, {
  valid: [
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
      name: "a bracket class that excludes the directory",
      code: `FROM debian:12
RUN cd /usr/src/build && make && cd / && rm -rf /usr/src/[!b]*
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
  ],
});
