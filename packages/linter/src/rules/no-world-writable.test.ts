import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-world-writable.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN chmod 1777 /var/www/html\n",
    "FROM debian:12\nRUN chmod -R 1777 wp-content && chmod 755 /app && chmod 0644 /etc/x\n",
    "FROM debian:12\nRUN chmod +w /app && chmod u+w,g+w /app && chmod o-w /app\n",
    "FROM debian:12\nRUN chmod a+rwxt /shared\n",
    'FROM debian:12\nRUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && make -C "$tempDir" && rm -rf "$tempDir"\n',
    "FROM debian:12\nRUN chmod $MODE /app\n",
    "FROM debian:12\nRUN chmod 775 /app\n",
    "FROM debian:12\nCOPY --chmod=755 a /a\n",
    "FROM debian:12\nRUN echo chmod 777 /x\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN chmod 777 /app\n",
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 14 }],
    },
    {
      code: "FROM debian:12\nRUN chmod -R 0777 /go/pkg\n",
      errors: [{ messageId: "writable", line: 2, column: 14, endColumn: 18 }],
    },
    {
      code: "FROM debian:12\nRUN chmod 666 /var/run/app.sock \\\n && chmod 777 -R /tmp /var/log/app\n",
      errors: [
        { messageId: "writable", line: 2, column: 11, endColumn: 14 },
        { messageId: "writable", line: 3, column: 11, endColumn: 14 },
      ],
    },
    {
      code: "FROM debian:12\nRUN chmod a+rwx /app\n",
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 16 }],
    },
    {
      code: "FROM debian:12\nRUN chmod u+x,o+w /app\n",
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: "FROM debian:12\nRUN chmod ugo=rwx /app\n",
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: "FROM debian:12\nCOPY --chmod=777 --chown=1000:1000 a /a\n",
      errors: [{ messageId: "writable", line: 2, column: 14, endColumn: 17 }],
    },
    {
      code: "FROM debian:12\nADD --chmod=0666 https://x/a /a\n",
      errors: [{ messageId: "writable", line: 2, column: 13, endColumn: 17 }],
    },
  ],
});
