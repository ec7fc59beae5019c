import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-shell-instruction.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a link to the shell /bin/sh already is",
      code: `FROM ubuntu:24.04
RUN ln -sf /bin/dash /bin/sh
FROM alpine:3.20
RUN ln -sf /bin/busybox /bin/sh
`,
    },
    `FROM debian:12
RUN ln -s /bin/sh /usr/local/bin/sh2
`,
    `FROM debian:12
RUN ln -sf /bin/bash /usr/local/bin/sh
`,
    `FROM debian:12
RUN echo ln -sf /bin/bash /bin/sh
`,
    `FROM debian:12
RUN ln -s /bin/sh
`,
    `FROM debian:12
RUN ln -s /bin/bash /bin/sh
`,
    `FROM debian:12
RUN ln -sf /busybox/sh /bin/sh
`,
  ],
  invalid: [
    {
      name: "dash on an image whose shell is bash",
      code: `FROM fedora:40
RUN ln -sf /bin/dash /bin/sh
`,
      errors: [{ messageId: "replaced", line: 2 }],
    },
    {
      code: `FROM debian:12
RUN ln -sf /bin/bash /bin/sh
`,
      errors: [
        {
          messageId: "replaced",
          message:
            "Linking /bin/sh to another shell changes every later RUN and the container's scripts; use SHELL instead.",
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 29,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN rm /usr/bin/sh && \\
    ln -s --suffix .bak bash /usr/bin/sh
`,
      errors: [{ messageId: "replaced", line: 3, column: 30, endColumn: 41 }],
    },
    {
      code: `FROM debian:12
RUN ln -snf bash /usr/bin/sh && ln --force -s /bin/mksh /bin/sh
`,
      errors: [
        { messageId: "replaced", line: 2, column: 18, endColumn: 29 },
        { messageId: "replaced", line: 2, column: 57, endColumn: 64 },
      ],
    },
  ],
});
