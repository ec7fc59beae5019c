import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-sudo.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN apt-get install -y sudo=1.9
`,
    `FROM debian:12
RUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app
`,
    `FROM debian:12
RUN usermod -aG sudo app
`,
  ],
  invalid: [
    {
      name: "sudo -u in a RUN that needs root for its other commands: runuser does the same without sudo",
      code: `FROM postgres:17
RUN service postgresql start && sudo -u postgres psql -c "CREATE DATABASE app;" && sudo -E --user=app true
`,
      errors: [
        {
          messageId: "sudoAs",
          message:
            "Do not use sudo in a RUN; to run one command as 'postgres', use `runuser -u postgres --` (or `su postgres -c`), which root has without sudo, or switch users with USER.",
          line: 2,
        },
        { messageId: "sudoAs", line: 2 },
      ],
    },
    {
      code: `FROM debian:12
RUN sudo apt-get update
`,
      errors: [
        {
          messageId: "sudo",
          message: "Do not use sudo in a RUN; switch users with USER instead.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 9,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN make && \\
  sudo -u app make install
`,
      errors: [{ messageId: "sudoAs", line: 3, column: 3, endColumn: 7 }],
    },
    {
      code: `FROM debian:12
ONBUILD RUN sudo ls
`,
      errors: [{ messageId: "sudo", line: 2, column: 13 }],
    },
  ],
});
