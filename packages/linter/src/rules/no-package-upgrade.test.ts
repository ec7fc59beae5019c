import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-package-upgrade.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "an upgrade of another root file system, which the build assembles",
      code: `FROM almalinux:9 AS build
RUN dnf upgrade -y --installroot /mnt/sys-root && apk upgrade --root /sysroot
`,
    },
    `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    `FROM fedora:41
RUN dnf update -y openssl curl
`,
    `FROM fedora:41
RUN yum --setopt=tsflags=nodocs update -y glibc
`,
    `FROM alpine:3.20
RUN apk upgrade musl
`,
    `FROM debian:11
RUN apt-get upgrade -y libssl-dev libssl1.1
`,
    `FROM opensuse/leap:15
RUN zypper up -y openssl
`,
    // Patches for named issues only.
    `FROM opensuse/leap:15.2
RUN zypper patch --cve=cve-2015-7547 && zypper -n patch -b bsc#1234567 && zypper clean
`,
    // Not the package manager's sub-command.
    `FROM debian:12
RUN echo apt-get upgrade
`,
    `FROM python:3.12
RUN pip install --upgrade pip==24.2
`,
    // zypper dist-upgrade is no-zypper-dist-upgrade's.
    `FROM opensuse/leap:15
RUN zypper dist-upgrade -y
`,
  ],
  invalid: [
    {
      name: "hadolint's retired codes silence their own manager's upgrade",
      code: `FROM ubuntu:24.04
# hadolint ignore=DL3005
RUN apt-get update && apt-get dist-upgrade -y && apk upgrade
# hadolint ignore=DL3017
RUN apt-get update && apt-get dist-upgrade -y && apk upgrade
`,
      errors: [
        { messageId: "upgrade", line: 3, column: 50, hadolint: "DL3017" },
        { messageId: "upgrade", line: 5, column: 23, hadolint: "DL3005" },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get upgrade -y
`,
      errors: [
        {
          messageId: "upgrade",
          message:
            "'apt-get upgrade' upgrades every package of the base image in this layer; rebuild on a newer base image instead.",
          line: 2,
          column: 23,
          endColumn: 38,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get -y dist-upgrade
`,
      errors: [{ messageId: "upgrade", column: 5, endColumn: 28 }],
    },
    {
      code: `FROM ubuntu:24.04
RUN apt full-upgrade -y
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM centos:7
RUN yum -y update && yum clean all
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM fedora:41
RUN dnf5 upgrade -y --refresh
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM rockylinux:9-minimal
RUN microdnf update -y
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM photon:5.0
RUN tdnf update -y
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM alpine:3.20
RUN apk --no-cache upgrade
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      code: `FROM opensuse/leap:15
RUN zypper -n update
`,
      errors: [{ messageId: "upgrade" }],
    },
    {
      name: "every pending patch, or every patch of a category, is a whole-system upgrade",
      code: `FROM opensuse/leap:15
RUN zypper -n patch && zypper -n patch --category security
`,
      errors: [{ messageId: "upgrade" }, { messageId: "upgrade" }],
    },
    {
      code: `FROM debian:12
RUN set -eux; \\
  apt-get update; \\
  apt-get upgrade -y
`,
      errors: [{ messageId: "upgrade", line: 4, column: 3, endColumn: 18 }],
    },
  ],
});
