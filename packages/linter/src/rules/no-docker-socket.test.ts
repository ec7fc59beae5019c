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
    // A path a build argument gives is the build's.
    `FROM alpine:3
ARG SOCK=/var/run/docker.sock
VOLUME $SOCK
`,
  ],
  invalid: [
    {
      name: "a path an ENV gives",
      code: `FROM alpine:3
ENV SOCK=/var/run/docker.sock
VOLUME $SOCK
`,
      errors: [
        {
          messageId: "socket",
          message: "'/var/run/docker.sock' as a volume exposes the Docker daemon, which is root on the host.",
          line: 3,
        },
      ],
    },
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
