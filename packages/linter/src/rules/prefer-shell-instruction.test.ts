import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-shell-instruction.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh2\n",
    "FROM debian:12\nRUN ln -sf /bin/bash /usr/local/bin/sh\n",
    "FROM debian:12\nRUN echo ln -sf /bin/bash /bin/sh\n",
    "FROM debian:12\nRUN ln -s /bin/sh\n",
    "FROM debian:12\nRUN ln -s /bin/bash /bin/sh\n",
    "FROM debian:12\nRUN ln -sf /busybox/sh /bin/sh\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n",
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
      code: "FROM debian:12\nRUN rm /usr/bin/sh && \\\n    ln -s --suffix .bak bash /usr/bin/sh\n",
      errors: [{ messageId: "replaced", line: 3, column: 30, endColumn: 41 }],
    },
    {
      code: "FROM debian:12\nRUN ln -snf bash /usr/bin/sh && ln --force -s /bin/dash /bin/sh\n",
      errors: [
        { messageId: "replaced", line: 2, column: 18, endColumn: 29 },
        { messageId: "replaced", line: 2, column: 57, endColumn: 64 },
      ],
    },
  ],
});
