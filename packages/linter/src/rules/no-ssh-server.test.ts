import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-ssh-server.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nEXPOSE 2222 220 8022/tcp\n",
    "FROM debian:12\nRUN apt-get install -y openssh-client\n",
    "FROM debian:12\nRUN apt-get remove -y openssh-server\n",
    "FROM alpine:3\nRUN apk add --no-cache openssh-client-default\n",
    "FROM debian:12\nRUN echo openssh-server > /pkgs\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nEXPOSE 80 22\n",
      errors: [{ messageId: "expose", line: 2, column: 11, endColumn: 13 }],
    },
    {
      code: "FROM debian:12\nEXPOSE 22/tcp\n",
      errors: [{ messageId: "expose", line: 2, column: 8, endColumn: 14 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y \\\n    curl openssh-server=1:9.2p1-2\n",
      errors: [{ messageId: "install", line: 3, column: 10, endColumn: 34 }],
    },
    {
      code: "FROM alpine:3\nRUN apk add --no-cache -t .deps dropbear\n",
      errors: [{ messageId: "install", line: 2, column: 33, endColumn: 41 }],
    },
    {
      code: "FROM rockylinux:9\nRUN dnf install -y --setopt=tsflags=nodocs openssh-server\n",
      errors: [{ messageId: "install", line: 2, column: 44, endColumn: 58 }],
    },
  ],
});
