import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-pointless-command.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y vim procps openssh-client\n",
    "FROM debian:12\nRUN vim +PlugInstall +qall && vim -es -u ~/.vimrc -c 'q'\n",
    "FROM debian:12\nRUN service postgresql start && psql -c 'CREATE DATABASE app' && service postgresql stop\n",
    "FROM debian:12\nRUN ./server & sleep 2 && ./migrate && kill %1\n",
    "FROM debian:12\nRUN kill $(cat /run/app.pid)\n",
    "FROM debian:12\nRUN --mount=type=ssh ssh -o StrictHostKeyChecking=accept-new -T git@github.com || true\n",
    "FROM debian:12\nRUN echo 'ps aux' && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n",
    { name: "command substitutions are not searched", code: 'FROM debian:12\nRUN echo "$(ps -ef)"\n' },
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get install -y nginx && service nginx start\n",
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
      code: "FROM debian:12\nRUN ps aux | grep nginx; \\\n    free -m && top -b -n 1\n",
      errors: [
        { messageId: "inspects", line: 2, column: 5, endColumn: 7 },
        { messageId: "inspects", line: 3, column: 5, endColumn: 9 },
        { messageId: "inspects", line: 3, column: 16, endColumn: 19 },
      ],
    },
    {
      code: "FROM debian:12\nRUN mount -t tmpfs none /mnt && ifconfig eth0 up && sudo shutdown -h now\n",
      errors: [
        { messageId: "mount", line: 2, column: 5, endColumn: 10 },
        { messageId: "network", line: 2, column: 33, endColumn: 41 },
        { messageId: "processes", line: 2, column: 58, endColumn: 66 },
      ],
    },
    {
      code: "FROM debian:12\nRUN vim /etc/hosts && ssh deploy@example.com && kill 1\n",
      errors: [
        { messageId: "interactive", line: 2, column: 5 },
        { messageId: "interactive", line: 2, column: 23 },
        { messageId: "processes", line: 2, column: 49 },
      ],
    },
  ],
});
