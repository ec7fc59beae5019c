import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-unverified-packages.js";

ruleTester.run(rule, {
  valid: [
    `FROM fedora:41
RUN dnf5 install -y x && dnf5 clean all
`,
    `FROM debian:12
RUN apt-get purge -y -f --force-yes curl
`,
    `FROM debian:12
RUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list
`,
    `FROM alpine:3
RUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-geoip-1.27.apk
`,
    `FROM alpine:3
RUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk
`,
    `FROM alpine:3
RUN apk add --no-cache curl
`,
    `FROM debian:12
RUN apt-get install -y --no-install-recommends curl
`,
    `FROM debian:12
RUN echo 'deb [signed-by=/etc/apt/keyrings/x.gpg] https://x stable main' > /etc/apt/sources.list.d/x.list
`,
    `FROM debian:12
RUN echo 'use [trusted=yes] only for local repos'
`,
    `FROM rockylinux:9
RUN rpm -K --nosignature /tmp/x.rpm
`,
    `FROM rockylinux:9
RUN dnf install -y --setopt=gpgcheck=1 git
`,
  ],
  invalid: [
    {
      name: "a trusted source written through tee",
      code: `FROM debian:12
RUN echo 'deb [trusted=yes] https://repo.example.com/apt/ /' | sudo tee /etc/apt/sources.list.d/x.list
`,
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 27 }],
    },
    {
      code: `FROM fedora:41
RUN dnf5 install -y --nogpgcheck x
`,
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: `FROM photon:5.0
RUN tdnf install -y --nogpgcheck x
`,
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: `FROM rockylinux:9-minimal
RUN microdnf --nogpgcheck install x
`,
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: `FROM alpine:3
RUN apk add gnu-libiconv --repository http://x/edge/testing/ --allow-untrusted
`,
      errors: [{ messageId: "unverified", line: 2, column: 62, endColumn: 79 }],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y --allow-unauthenticated curl
`,
      errors: [{ messageId: "unverified", line: 2, column: 42, endColumn: 65 }],
    },
    {
      code: `FROM debian:12
RUN apt-get install -y --force-yes \\
    curl
`,
      errors: [{ messageId: "unverified", line: 2, column: 24, endColumn: 35 }],
    },
    {
      code: `FROM debian:12
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl
`,
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 51 }],
    },
    {
      name: "an -o option written in one word",
      code: `FROM debian:12
RUN apt-get update -oAcquire::AllowInsecureRepositories=true && apt-get -oAPT::Get::AllowUnauthenticated=1 install -y x
`,
      errors: [
        { messageId: "unverified", line: 2, column: 20, endColumn: 61 },
        { messageId: "unverified", line: 2, column: 73, endColumn: 107 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update --allow-insecure-repositories
`,
      errors: [{ messageId: "unverified", line: 2, column: 20, endColumn: 49 }],
    },
    {
      code: `FROM debian:12
RUN echo "deb [trusted=yes] http://x/ ./" > /etc/apt/sources.list.d/x.list
`,
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 27 }],
    },
    {
      code: `FROM rockylinux:9
RUN yum install -y --nogpgcheck x
`,
      errors: [{ messageId: "unverified", line: 2, column: 20, endColumn: 32 }],
    },
    {
      code: `FROM rockylinux:9
RUN microdnf install --setopt=x.gpgcheck=0 git
`,
      errors: [{ messageId: "unverified", line: 2, column: 22, endColumn: 43 }],
    },
    {
      code: `FROM rockylinux:9
RUN rpm -ivh --nosignature --nodigest /tmp/x.rpm
`,
      errors: [
        { messageId: "unverified", line: 2, column: 14, endColumn: 27 },
        { messageId: "unverified", line: 2, column: 28, endColumn: 38 },
      ],
    },
    {
      code: `FROM opensuse/leap
RUN zypper --no-gpg-checks install -y git
`,
      errors: [{ messageId: "unverified", line: 2, column: 12, endColumn: 27 }],
    },
  ],
});
