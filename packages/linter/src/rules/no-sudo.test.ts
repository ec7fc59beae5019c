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
      errors: [{ messageId: "sudo", line: 3, column: 3, endColumn: 7 }],
    },
    {
      code: `FROM debian:12
ONBUILD RUN sudo ls
`,
      errors: [{ messageId: "sudo", line: 2, column: 13 }],
    },
  ],
});
