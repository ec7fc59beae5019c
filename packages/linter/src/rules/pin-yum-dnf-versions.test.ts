import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-yum-dnf-versions.js";

ruleTester.run(rule, {
  valid: [
    `FROM centos:7
RUN yum install -y httpd-2.4.6 tomcat-9.0.1-1.el7 glibc-2.17-326.el7_9.i686 bind-32:9.11.4
`,
    `FROM centos:7
RUN yum install -y php-8.* java-17-openjdk-17.0.12
`,
    `FROM centos:7
RUN yum localinstall -y ./a.rpm /tmp/b.rpm c.rpm
`,
    `FROM fedora:40
RUN dnf install -y 'dnf-command(config-manager)' /usr/bin/python3 @development-tools
`,
    `FROM fedora:40
RUN dnf install -y $PKGS \${EXTRA} "$(cat /pkgs)"
`,
    `FROM fedora:40
RUN dnf group install -y 'Development Tools' && dnf groupinstall -y core
`,
    `FROM fedora:40
RUN dnf module install -y nodejs:20 php:8.2/common
`,
    `FROM fedora:40
RUN dnf --enablerepo epel install -y jq-1.6 && dnf remove -y vim && dnf update -y
`,
    `FROM fedora:40
RUN echo dnf install curl
`,
  ],
  invalid: [
    {
      name: "DL3033 silences yum's findings, not dnf's in the same RUN",
      code: `FROM centos:7
# hadolint ignore=DL3033
RUN yum install -y httpd && dnf install -y nginx && microdnf install -y git && yum install -y curl
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'nginx' is installed without a version; pin it with 'nginx-<version>'.",
          hadolint: "DL3041",
        },
        {
          messageId: "unpinned",
          message: "Package 'git' is installed without a version; pin it with 'git-<version>'.",
          hadolint: "DL3041",
        },
      ],
    },
    {
      name: "DL3041 silences dnf's findings, modules included, not yum's",
      code: `FROM centos:7
# hadolint ignore=DL3041
RUN dnf module install -y nodejs && yum install -y httpd
`,
      errors: [{ messageId: "unpinned", hadolint: "DL3033" }],
    },
    {
      code: `FROM rockylinux:9
RUN dnf install -y glibc-langpack-en.x86_64 && dnf clean all
`,
      errors: [
        {
          messageId: "unpinned",
          message:
            "Package 'glibc-langpack-en.x86_64' is installed without a version; pin it with 'glibc-langpack-en-<version>.x86_64'.",
          line: 2,
        },
      ],
    },
    {
      code: `FROM rockylinux:9
RUN dnf install -y httpd && dnf clean all
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'httpd' is installed without a version; pin it with 'httpd-<version>'.",
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 25,
        },
      ],
    },
    {
      name: "a digit after a dash inside the name is not a version",
      code: `FROM centos:7
RUN yum install -y java-17-openjdk python3-pip epel-release
`,
      errors: [
        { messageId: "unpinned", line: 2, column: 20, endColumn: 35 },
        { messageId: "unpinned", line: 2, column: 36, endColumn: 47 },
        { messageId: "unpinned", line: 2, column: 48, endColumn: 60 },
      ],
    },
    {
      code: `FROM fedora:40
RUN microdnf install \\
      git \\
      make-4.3 && \\
    tdnf in -y jq
`,
      errors: [
        { messageId: "unpinned", line: 3, column: 7, endColumn: 10 },
        { messageId: "unpinned", line: 5, column: 16, endColumn: 18 },
      ],
    },
    {
      code: `FROM fedora:40
RUN dnf module install -y nodejs
`,
      errors: [{ messageId: "unpinnedModule", line: 2, column: 27, endColumn: 33 }],
    },
    {
      code: `FROM fedora:40
RUN ["yum", "install", "-y", "git"]
`,
      errors: [{ messageId: "unpinned", line: 2, column: 31, endColumn: 34 }],
    },
  ],
});
