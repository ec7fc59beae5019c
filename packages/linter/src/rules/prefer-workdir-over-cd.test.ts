import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-workdir-over-cd.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nWORKDIR /src\nRUN make\n",
    "FROM debian:12\nRUN echo cd /x && ls cd\n",
    "FROM debian:12\nONBUILD RUN cd /x\n",
    // A cd that cannot leak (deviations from hadolint, which reports these).
    "FROM debian:12\nRUN set -e; \\\n  (cd /tmp && make)\n",
    "FROM debian:12\nRUN mkdir -p /out && ( cd /src; make ) | tee log\n",
    "FROM debian:12\nRUN cd / && tar xzf /x.tgz\n",
    "FROM debian:12\nRUN cd /src && make && cd / && rm -rf /src\n",
    "FROM debian:12\nRUN mkdir /tmp/build && cd /tmp/build/sub && make && rm -rf /tmp/build\n",
    "FROM debian:12\nRUN cd /tmp && curl -O https://x/y.tgz && tar xzf y.tgz && rm -rf /tmp/*\n",
    // Relative cds are followed from the last absolute one.
    'FROM debian:12\nRUN cd /tmp; tar xf ghc.tar; cd "ghc-9.10"; ./configure; make install; rm -rf /tmp/*\n',
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN cd /src && make\n",
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
      // After the subshell closes, a cd is back in the RUN's own shell.
      code: "FROM debian:12\nRUN (cd /a && make) && cd /b && make\n",
      errors: [{ messageId: "cd", line: 2, column: 24, endColumn: 26 }],
    },
    {
      // Removing another directory does not make this one temporary.
      code: "FROM debian:12\nRUN cd /app && make && rm -rf /tmp/build\n",
      errors: [{ messageId: "cd", line: 2, column: 5 }],
    },
    {
      // A relative cd out of the temporary directory is a real one.
      code: "FROM debian:12\nRUN cd /tmp/b && make && cd ../../srv && rm -rf /tmp/b\n",
      errors: [{ messageId: "cd", line: 2, column: 26 }],
    },
    {
      code: "FROM debian:12\nRUN cd / && cd /srv/app && npm ci\n",
      errors: [{ messageId: "cd", line: 2, column: 13 }],
    },
  ],
});
