import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-docker-socket.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3
VOLUME /var/run
`,
    `FROM alpine:3
VOLUME /var/run/docker.sock.d
`,
  ],
  invalid: [
    {
      name: "written as for docker run -v",
      code: `FROM docker:27
VOLUME /var/run/docker.sock:/var/run/docker.sock
`,
      errors: [{ messageId: "socket", line: 2 }],
    },
    {
      code: `FROM alpine:3
VOLUME /data /var/run/docker.sock
`,
      errors: [{ messageId: "socket", line: 2, column: 14, endColumn: 34 }],
    },
    {
      code: `FROM alpine:3
VOLUME ["/run/docker.sock"]
`,
      errors: [{ messageId: "socket", line: 2, column: 9, endColumn: 27 }],
    },
  ],
});
