import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-docker-socket.js";

ruleTester.run(rule, {
  valid: ["FROM alpine:3\nVOLUME /var/run\n", "FROM alpine:3\nVOLUME /var/run/docker.sock.d\n"],
  invalid: [
    {
      code: "FROM alpine:3\nVOLUME /data /var/run/docker.sock\n",
      errors: [{ messageId: "socket", line: 2, column: 14, endColumn: 34 }],
    },
    {
      code: 'FROM alpine:3\nVOLUME ["/run/docker.sock"]\n',
      errors: [{ messageId: "socket", line: 2, column: 9, endColumn: 27 }],
    },
  ],
});
