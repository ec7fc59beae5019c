import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-world-writable.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "paths no layer keeps: /dev/shm, /proc, and the RUN's own mounts",
      code: `FROM almalinux:8
RUN chmod -R 777 /dev/shm
RUN --mount=type=cache,target=/var/cache/build chmod 777 /var/cache/build/objs
`,
    },
    {
      name: "a mode others cannot write given again before the RUN ends",
      code: `FROM oraclelinux:9
RUN chmod 666 /etc/sudoers && echo x >> /etc/sudoers && chmod 440 /etc/sudoers
RUN chmod -R 777 /app && make -C /app && chmod -R o-w /app
RUN chmod a+w /srv/x && touch /srv/x/y && chmod a=rX /srv/x
`,
    },
    `FROM debian:12
RUN chmod 1777 /var/www/html
`,
    `FROM debian:12
RUN mkdir -p wp-content/uploads && chmod -R 1777 wp-content && chmod 755 /app && chmod 0644 /etc/x
RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"
`,
    `FROM debian:12
RUN chmod +w /app && chmod u+w,g+w /app && chmod o-w /app
`,
    `FROM debian:12
RUN chmod a+rwxt /shared
`,
    `FROM debian:12
RUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && make -C "$tempDir" && rm -rf "$tempDir"
`,
    `FROM debian:12
RUN chmod $MODE /app
`,
    `FROM debian:12
RUN chmod 775 /app
`,
    `FROM debian:12
COPY --chmod=755 a /a
`,
    `FROM debian:12
RUN echo chmod 777 /x
`,
  ],
  invalid: [
    {
      name: "a path beside a mount, and a relative path",
      code: `FROM debian:12
RUN --mount=type=cache,target=/var/cache/build chmod 777 /var/cache/builder
RUN chmod 777 dev/shm
`,
      errors: [
        { messageId: "writable", line: 2, column: 54 },
        { messageId: "writable", line: 3, column: 11 },
      ],
    },
    {
      name: "a recursive chmod of directories the RUN made is settled only by a later recursive one",
      code: `FROM debian:12
RUN mkdir -p /d/src && chmod -R 777 /d && chmod 755 /d
`,
      errors: [{ messageId: "writable", line: 2, column: 33 }],
    },
    {
      name: "a recursive chmod with the sticky bit, which protects no file below",
      code: `FROM debian:12
RUN useradd --create-home app && chmod -R 1777 /home/app && chmod -R a+rwxt /srv
`,
      errors: [
        { messageId: "writable", line: 2, column: 43 },
        { messageId: "writable", line: 2, column: 70 },
      ],
    },
    {
      name: "a later chmod that leaves others writing, or fixes only the top of a recursive one",
      code: `FROM debian:12
RUN chmod 666 /etc/app.conf && chmod u+x /etc/app.conf
RUN chmod -R 777 /app && chmod 755 /app
RUN chmod 777 /a && chmod 440 /b
`,
      errors: [
        { messageId: "writable", line: 2 },
        { messageId: "writable", line: 3 },
        { messageId: "writable", line: 4 },
      ],
    },
    {
      code: `FROM debian:12
RUN chmod 777 /app
`,
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 14 }],
    },
    {
      code: `FROM debian:12
RUN chmod -R 0777 /go/pkg
`,
      errors: [{ messageId: "writable", line: 2, column: 14, endColumn: 18 }],
    },
    {
      code: `FROM debian:12
RUN chmod 666 /var/run/app.sock \\
 && chmod 777 -R /tmp /var/log/app
`,
      errors: [
        { messageId: "writable", line: 2, column: 11, endColumn: 14 },
        { messageId: "writable", line: 3, column: 11, endColumn: 14 },
      ],
    },
    {
      code: `FROM debian:12
RUN chmod a+rwx /app
`,
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 16 }],
    },
    {
      code: `FROM debian:12
RUN chmod u+x,o+w /app
`,
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: `FROM debian:12
RUN chmod ugo=rwx /app
`,
      errors: [{ messageId: "writable", line: 2, column: 11, endColumn: 18 }],
    },
    {
      code: `FROM debian:12
COPY --chmod=777 --chown=1000:1000 a /a
`,
      errors: [{ messageId: "writable", line: 2, column: 14, endColumn: 17 }],
    },
    {
      code: `FROM debian:12
ADD --chmod=0666 https://x/a /a
`,
      errors: [{ messageId: "writable", line: 2, column: 13, endColumn: 17 }],
    },
  ],
});
