import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-sudo.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get install -y sudo=1.9\n",
    "FROM debian:12\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app\n",
    "FROM debian:12\nRUN usermod -aG sudo app\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN sudo apt-get update\n",
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
      code: "FROM debian:12\nRUN make && \\\n  sudo -u app make install\n",
      errors: [{ messageId: "sudo", line: 3, column: 3, endColumn: 7 }],
    },
    { code: "FROM debian:12\nONBUILD RUN sudo ls\n", errors: [{ messageId: "sudo", line: 2, column: 13 }] },
  ],
});
