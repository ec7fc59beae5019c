import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-unverified-packages.js";

ruleTester.run(rule, {
  valid: [
    "FROM fedora:41\nRUN dnf5 install -y x && dnf5 clean all\n",
    "FROM debian:12\nRUN apt-get purge -y -f --force-yes curl\n",
    'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n',
    "FROM alpine:3\nRUN apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-geoip-1.27.apk\n",
    "FROM alpine:3\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk\n",
    "FROM alpine:3\nRUN apk add --no-cache curl\n",
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN echo 'deb [signed-by=/etc/apt/keyrings/x.gpg] https://x stable main' > /etc/apt/sources.list.d/x.list\n",
    "FROM debian:12\nRUN echo 'use [trusted=yes] only for local repos'\n",
    "FROM rockylinux:9\nRUN rpm -K --nosignature /tmp/x.rpm\n",
    "FROM rockylinux:9\nRUN dnf install -y --setopt=gpgcheck=1 git\n",
  ],
  invalid: [
    {
      code: "FROM fedora:41\nRUN dnf5 install -y --nogpgcheck x\n",
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: "FROM photon:5.0\nRUN tdnf install -y --nogpgcheck x\n",
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: "FROM rockylinux:9-minimal\nRUN microdnf --nogpgcheck install x\n",
      errors: [{ messageId: "unverified", line: 2 }],
    },
    {
      code: "FROM alpine:3\nRUN apk add gnu-libiconv --repository http://x/edge/testing/ --allow-untrusted\n",
      errors: [{ messageId: "unverified", line: 2, column: 62, endColumn: 79 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n",
      errors: [{ messageId: "unverified", line: 2, column: 42, endColumn: 65 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get install -y --force-yes \\\n    curl\n",
      errors: [{ messageId: "unverified", line: 2, column: 24, endColumn: 35 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl\n",
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 51 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update --allow-insecure-repositories\n",
      errors: [{ messageId: "unverified", line: 2, column: 20, endColumn: 49 }],
    },
    {
      code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://x/ ./" > /etc/apt/sources.list.d/x.list\n',
      errors: [{ messageId: "unverified", line: 2, column: 16, endColumn: 27 }],
    },
    {
      code: "FROM rockylinux:9\nRUN yum install -y --nogpgcheck x\n",
      errors: [{ messageId: "unverified", line: 2, column: 20, endColumn: 32 }],
    },
    {
      code: "FROM rockylinux:9\nRUN microdnf install --setopt=x.gpgcheck=0 git\n",
      errors: [{ messageId: "unverified", line: 2, column: 22, endColumn: 43 }],
    },
    {
      code: "FROM rockylinux:9\nRUN rpm -ivh --nosignature --nodigest /tmp/x.rpm\n",
      errors: [
        { messageId: "unverified", line: 2, column: 14, endColumn: 27 },
        { messageId: "unverified", line: 2, column: 28, endColumn: 38 },
      ],
    },
    {
      code: "FROM opensuse/leap\nRUN zypper --no-gpg-checks install -y git\n",
      errors: [{ messageId: "unverified", line: 2, column: 12, endColumn: 27 }],
    },
  ],
});
