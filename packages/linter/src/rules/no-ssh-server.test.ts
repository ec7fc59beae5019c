import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-ssh-server.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "MPI starts the ranks on the other containers over SSH",
      code: `FROM nvidia/cuda:12.4.1-devel-ubuntu22.04
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server libopenmpi-dev \\
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir horovod==0.28.1
EXPOSE 22
`,
    },
    `FROM debian:12
EXPOSE 2222 220 8022/tcp
`,
    // A port a build argument gives is the build's.
    `FROM debian:12
ARG SSH_PORT=22
EXPOSE $SSH_PORT
`,
    `FROM debian:12
RUN apt-get install -y openssh-client
`,
    `FROM debian:12
RUN apt-get remove -y openssh-server
`,
    `FROM alpine:3
RUN apk add --no-cache openssh-client-default
`,
    `FROM debian:12
RUN echo openssh-server > /pkgs
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
EXPOSE 80 22
`,
      errors: [{ messageId: "expose", line: 2, column: 11, endColumn: 13 }],
    },
    {
      code: `FROM debian:12
EXPOSE 22/tcp
`,
      errors: [{ messageId: "expose", line: 2, column: 8, endColumn: 14 }],
    },
    {
      name: "quoted, or given by an ENV",
      code: `FROM debian:12
ENV SSH_PORT=22
EXPOSE "22" $SSH_PORT/udp
`,
      errors: [
        { messageId: "expose", line: 3, column: 8, endColumn: 12 },
        { messageId: "expose", line: 3, column: 13, endColumn: 26 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y \\
    curl openssh-server=1:9.2p1-2
`,
      errors: [{ messageId: "install", line: 3, column: 10, endColumn: 34 }],
    },
    {
      code: `FROM alpine:3
RUN apk add --no-cache -t .deps dropbear
`,
      errors: [{ messageId: "install", line: 2, column: 33, endColumn: 41 }],
    },
    {
      code: `FROM rockylinux:9
RUN dnf install -y --setopt=tsflags=nodocs openssh-server
`,
      errors: [{ messageId: "install", line: 2, column: 44, endColumn: 58 }],
    },
  ],
});
