import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-pointless-command.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a program asked only for its version, as a check that it is installed",
      code: `FROM debian:12-slim
RUN /usr/bin/mount --version && umount -V && ps --help
`,
    },
    {
      name: "a function that stands in for a command is defined, not run",
      code: `FROM oraclelinux:7-slim
RUN free() { echo "Swap: 2048 0 2048"; } && export -f free && rpm -i oracle-xe.rpm
`,
    },
    {
      name: "a state piped into grep is a check",
      code: `FROM debian:12
RUN mount | grep /dev/shm && ps aux | grep -q cron
`,
    },
    `FROM debian:12
RUN apt-get install -y vim procps openssh-client
`,
    `FROM debian:12
RUN vim +PlugInstall +qall && vim -es -u ~/.vimrc -c 'q'
`,
    `FROM debian:12
RUN service postgresql start && psql -c 'CREATE DATABASE app' && service postgresql stop
`,
    `FROM debian:12
RUN ./server & sleep 2 && ./migrate && kill %1
`,
    `FROM debian:12
RUN kill $(cat /run/app.pid)
`,
    `FROM debian:12
RUN --mount=type=ssh ssh -o StrictHostKeyChecking=accept-new -T git@github.com || true
`,
    `FROM debian:12
RUN echo 'ps aux' && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts
`,
    {
      name: "command substitutions are not searched",
      code: `FROM debian:12
RUN echo "$(ps -ef)"
`,
    },
  ],
  invalid: [
    {
      name: "a version option beside a real argument",
      code: `FROM debian:12-slim
RUN mount --version /dev/sda1 /mnt
`,
      errors: [{ messageId: "mount", line: 2, column: 5 }],
    },
    {
      code: `FROM debian:12
RUN apt-get install -y nginx && service nginx start
`,
      errors: [
        {
          messageId: "processes",
          message:
            "'service' acts on processes of the build container, which are gone when the RUN ends; start services from CMD or ENTRYPOINT.",
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 40,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN ps aux | grep nginx; \\
    free -m && top -b -n 1
`,
      errors: [
        { messageId: "inspects", line: 2, column: 5, endColumn: 7 },
        { messageId: "inspects", line: 3, column: 5, endColumn: 9 },
        { messageId: "inspects", line: 3, column: 16, endColumn: 19 },
      ],
    },
    {
      code: `FROM debian:12
RUN mount -t tmpfs none /mnt && ifconfig eth0 up && sudo shutdown -h now
`,
      errors: [
        { messageId: "mount", line: 2, column: 5, endColumn: 10 },
        { messageId: "network", line: 2, column: 33, endColumn: 41 },
        { messageId: "processes", line: 2, column: 58, endColumn: 66 },
      ],
    },
    {
      code: `FROM debian:12
RUN vim /etc/hosts && ssh deploy@example.com && kill 1
`,
      errors: [
        { messageId: "interactive", line: 2, column: 5 },
        { messageId: "interactive", line: 2, column: 23 },
        { messageId: "processes", line: 2, column: 49 },
      ],
    },
  ],
});
