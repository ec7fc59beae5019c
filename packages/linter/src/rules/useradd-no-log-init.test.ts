import { ruleTester } from "../testing/rule-tester.js";
import rule from "./useradd-no-log-init.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN useradd -l -u 1000000 app\n",
    "FROM debian:12\nRUN useradd --no-log-init --uid=1000000 app\n",
    "FROM debian:12\nRUN useradd -mlu 1000000 app\n",
    "FROM debian:12\nRUN useradd -u 99999 app && useradd -u ${USER_ID} other\n",
    "FROM debian:12\nRUN groupadd -g 1000000 app && adduser --uid 1000000 app\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN useradd -u 1000000 app\n",
      errors: [
        {
          messageId: "logInit",
          message:
            "UID 1000000 makes useradd write large lastlog and faillog files into the layer; add -l (--no-log-init).",
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 23,
        },
      ],
      output: "FROM debian:12\nRUN useradd -l -u 1000000 app\n",
    },
    {
      code: "FROM debian:12\nRUN groupadd -g 123456 app && \\\n    /usr/sbin/useradd -m --uid=123456 -g app app\n",
      errors: [{ messageId: "logInit", line: 3, column: 32, endColumn: 38 }],
      output:
        "FROM debian:12\nRUN groupadd -g 123456 app && \\\n    /usr/sbin/useradd -l -m --uid=123456 -g app app\n",
    },
    {
      code: 'FROM debian:12\nRUN ["useradd", "-u", "123456", "app"]\n',
      errors: [{ messageId: "logInit", line: 2, column: 24, endColumn: 30 }],
      output: null,
    },
  ],
});
