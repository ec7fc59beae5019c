import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-yum-dnf-cache.js";

ruleTester.run(rule, {
  valid: [
    `FROM centos:7
RUN yum install -y httpd && yum clean all
`,
    `FROM centos:7
RUN yum install -y httpd && dnf clean all
`,
    `FROM fedora:40
RUN dnf -y upgrade && dnf -y install httpd && dnf clean all && rm -rf /tmp/*
`,
    `FROM fedora:40
RUN dnf install -y httpd && rm -rf /var/cache/dnf/*
`,
    `FROM fedora:40
RUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5
`,
    `FROM fedora:40
RUN dnf --installroot /rootfs install -y httpd && rm -rf /rootfs/var/cache/dnf
`,
    `FROM fedora:40
RUN microdnf install httpd && microdnf clean all
`,
    `FROM fedora:40
RUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y httpd
`,
    // A cache mount on each manager's own cache folder.
    `FROM photon:5.0
RUN --mount=type=cache,target=/var/cache/tdnf tdnf install -y curl
`,
    `FROM mcr.microsoft.com/azurelinux/base/core:3.0
RUN --mount=type=cache,target=/var/cache/tdnf/ tdnf -y install ca-certificates
`,
    `FROM fedora:40
RUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y httpd
`,
    `FROM centos:7
RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd
`,
    `FROM fedora:40
RUN dnf clean all
`,
    `FROM fedora:40
RUN dnf list installed
`,
    `FROM fedora:40 AS build
RUN dnf install -y gcc
FROM scratch
COPY --from=build /out /out
`,
  ],
  invalid: [
    {
      name: "dnf's short verbs",
      code: `FROM rockylinux:9
RUN dnf -y rei httpd-2.4.57
RUN dnf -y up-min
`,
      errors: [
        { messageId: "cache", line: 2 },
        { messageId: "cache", line: 3 },
      ],
    },
    {
      name: "DL3040 silences dnf's finding (microdnf's and tdnf's too), not yum's",
      code: `FROM fedora:40
# hadolint ignore=DL3040
RUN dnf install -y a
# hadolint ignore=DL3040
RUN microdnf install -y b
# hadolint ignore=DL3040
RUN tdnf install -y c
# hadolint ignore=DL3040
RUN yum install -y d
`,
      errors: [{ messageId: "cache", line: 9, hadolint: "DL3032" }],
    },
    {
      name: "microdnf and tdnf keep caches of their own, which a dnf clean leaves (and theirs leave dnf's)",
      code: `FROM fedora:40
RUN dnf install -y a && microdnf clean all
RUN microdnf install -y b && dnf clean all
RUN tdnf install -y c && yum clean all
RUN yum install -y d && dnf clean all && microdnf install -y e && microdnf clean all
`,
      errors: [
        { messageId: "cache", line: 2 },
        { messageId: "cache", line: 3 },
        { messageId: "cache", line: 4 },
      ],
    },
    {
      name: "a global DL3032 leaves dnf's finding",
      code: `# hadolint global ignore=DL3032
FROM fedora:40
RUN yum install -y d
RUN dnf5 install -y a
`,
      errors: [{ messageId: "cache", line: 4, hadolint: "DL3040" }],
    },
    {
      name: "the rule's id silences both",
      code: `# hull global ignore=no-leftover-yum-dnf-cache
FROM fedora:40
RUN yum install -y d
RUN dnf install -y a
`,
      errors: 0,
    },
    {
      // A cache mount elsewhere does not keep tdnf's cache out of the layer.
      code: `FROM photon:5.0
RUN --mount=type=cache,target=/root/.cache tdnf install -y curl
`,
      errors: [{ messageId: "cache", line: 2 }],
    },
    {
      code: `FROM centos:7
RUN yum install -y httpd
`,
      errors: [
        {
          messageId: "cache",
          message: "'yum install' leaves its package cache in the layer; end the RUN with 'yum clean all'.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
    {
      name: "a clean before the install does not count",
      code: `FROM centos:7
RUN yum clean all && \\
    yum -y update && yum -y install httpd && yum clean metadata
`,
      errors: [{ messageId: "cache", line: 3, column: 22, endLine: 3, endColumn: 36 }],
    },
    {
      code: `FROM fedora:40
RUN microdnf module enable nodejs:20 && microdnf module install nodejs:20
`,
      errors: [{ messageId: "cache", line: 2, column: 41, endColumn: 64 }],
    },
    {
      name: "a stage that a later FROM builds on",
      code: `FROM fedora:40 AS base
RUN dnf install -y httpd
FROM base
RUN true
`,
      errors: [{ messageId: "cache", line: 2, column: 5 }],
    },
    {
      code: `FROM fedora:40 AS build
ONBUILD RUN dnf install -y httpd
FROM scratch
`,
      errors: [{ messageId: "cache", line: 2, column: 13 }],
    },
  ],
});
