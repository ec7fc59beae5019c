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
    // Relative cds are followed from the last absolute one.
    `FROM debian:12
RUN cd /tmp; tar xf ghc.tar; cd "ghc-9.10"; ./configure; make install; rm -rf /tmp/*
`,
  ],
  invalid: [
    {
      name: "a glob that removes something else",
      code: `FROM debian:12
RUN cd /tmp/icu/source && make && rm -rf /tmp/ic?.tgz /tmp/icu/*.log
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
  cd /tmp && make
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
      code: `FROM debian:12
RUN cd / && cd /srv/app && npm ci
`,
      errors: [{ messageId: "cd", line: 2, column: 13 }],
    },
  ],
});
