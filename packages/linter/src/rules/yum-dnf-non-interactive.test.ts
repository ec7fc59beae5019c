import { ruleTester } from "../testing/rule-tester.js";
import rule from "./yum-dnf-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    `FROM centos:7
RUN yum install -y httpd
`,
    `FROM centos:7
RUN yum -y install httpd
`,
    `FROM centos:7
RUN yum install --assumeyes httpd && yum -qy update
`,
    `FROM fedora:40
RUN dnf --setopt=assumeyes=True install httpd
`,
    `FROM fedora:40
RUN dnf5 install --setopt assumeyes=1 httpd
`,
    `FROM fedora:40
RUN dnf makecache && dnf clean all && dnf repolist
`,
    `FROM fedora:40
RUN dnf list installed && dnf info httpd && dnf module list
`,
    `FROM fedora:40
RUN dnf install --assumeno httpd || true
`,
    `FROM ubi9/ubi-minimal
RUN microdnf install -y httpd && microdnf clean all && microdnf repolist
`,
    `FROM fedora:40
RUN echo 'dnf install httpd'
`,
    `FROM fedora:40
RUN yum
`,
  ],
  invalid: [
    {
      name: "microdnf asks since 3.7, and waits at end of input",
      code: `FROM ubi9/ubi-minimal
RUN microdnf install httpd && microdnf update
`,
      errors: [
        {
          messageId: "noYes",
          message: "'microdnf install' without -y asks for a confirmation the build cannot give; add -y.",
          column: 14,
          hadolint: "DL3038",
        },
        { messageId: "noYes", column: 40 },
      ],
      output: `FROM ubi9/ubi-minimal
RUN microdnf install -y httpd && microdnf update -y
`,
    },
    {
      name: "DL3030 silences yum's finding, not dnf's",
      code: `FROM centos:7
# hadolint ignore=DL3030
RUN yum install httpd && dnf install nginx
`,
      errors: [
        {
          messageId: "noYes",
          message: "'dnf install' without -y asks for a confirmation the build cannot give; add -y.",
          hadolint: "DL3038",
        },
      ],
    },
    {
      name: "DL3038 silences dnf's and tdnf's findings, not yum's",
      code: `FROM centos:7
# hadolint ignore=DL3038
RUN dnf install nginx && tdnf install curl && yum install httpd
`,
      errors: [{ messageId: "noYes", hadolint: "DL3030" }],
    },
    {
      code: `FROM centos:7
RUN yum install httpd
`,
      errors: [
        {
          messageId: "noYes",
          message: "'yum install' without -y asks for a confirmation the build cannot give; add -y.",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 16,
        },
      ],
      output: `FROM centos:7
RUN yum install -y httpd
`,
    },
    {
      code: `FROM centos:7
RUN yum --enablerepo epel groupinstall 'Development Tools'
`,
      errors: [{ messageId: "noYes", line: 2, column: 27, endColumn: 39 }],
      output: `FROM centos:7
RUN yum --enablerepo epel groupinstall -y 'Development Tools'
`,
    },
    {
      name: "two-word verbs and continuation lines",
      code: `FROM fedora:40
RUN dnf module \\
    enable nodejs:20 && \\
    dnf group install 'C Development Tools'
`,
      errors: [
        { messageId: "noYes", line: 2, column: 9, endLine: 3, endColumn: 11 },
        { messageId: "noYes", line: 4, column: 9, endLine: 4, endColumn: 22 },
      ],
      output: `FROM fedora:40
RUN dnf module \\
    enable -y nodejs:20 && \\
    dnf group install -y 'C Development Tools'
`,
    },
    {
      code: `FROM fedora:40
RUN /usr/bin/dnf -q upgrade && tdnf remove vim
`,
      errors: [
        { messageId: "noYes", line: 2, column: 21, endColumn: 28 },
        { messageId: "noYes", line: 2, column: 37, endColumn: 43 },
      ],
    },
    {
      code: `FROM fedora:40
RUN ["dnf", "install", "httpd"]
`,
      errors: [{ messageId: "noYes", line: 2, column: 14, endColumn: 21 }],
      output: null,
    },
    {
      code: `FROM fedora:40
ONBUILD RUN dnf install httpd
`,
      errors: [{ messageId: "noYes", line: 2, column: 17 }],
    },
  ],
});
