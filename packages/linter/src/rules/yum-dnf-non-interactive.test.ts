import { ruleTester } from "../testing/rule-tester.js";
import rule from "./yum-dnf-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd\n",
    "FROM centos:7\nRUN yum -y install httpd\n",
    "FROM centos:7\nRUN yum install --assumeyes httpd && yum -qy update\n",
    "FROM fedora:40\nRUN dnf --setopt=assumeyes=True install httpd\n",
    "FROM fedora:40\nRUN dnf5 install --setopt assumeyes=1 httpd\n",
    "FROM fedora:40\nRUN dnf makecache && dnf clean all && dnf repolist\n",
    "FROM fedora:40\nRUN dnf list installed && dnf info httpd && dnf module list\n",
    "FROM fedora:40\nRUN dnf install --assumeno httpd || true\n",
    "FROM ubi9/ubi-minimal\nRUN microdnf install httpd\n",
    "FROM fedora:40\nRUN echo 'dnf install httpd'\n",
    "FROM fedora:40\nRUN yum\n",
  ],
  invalid: [
    {
      code: "FROM centos:7\nRUN yum install httpd\n",
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
      output: "FROM centos:7\nRUN yum install -y httpd\n",
    },
    {
      code: "FROM centos:7\nRUN yum --enablerepo epel groupinstall 'Development Tools'\n",
      errors: [{ messageId: "noYes", line: 2, column: 27, endColumn: 39 }],
      output: "FROM centos:7\nRUN yum --enablerepo epel groupinstall -y 'Development Tools'\n",
    },
    {
      name: "two-word verbs and continuation lines",
      code: "FROM fedora:40\nRUN dnf module \\\n    enable nodejs:20 && \\\n    dnf group install 'C Development Tools'\n",
      errors: [
        { messageId: "noYes", line: 2, column: 9, endLine: 3, endColumn: 11 },
        { messageId: "noYes", line: 4, column: 9, endLine: 4, endColumn: 22 },
      ],
      output:
        "FROM fedora:40\nRUN dnf module \\\n    enable -y nodejs:20 && \\\n    dnf group install -y 'C Development Tools'\n",
    },
    {
      code: "FROM fedora:40\nRUN /usr/bin/dnf -q upgrade && tdnf remove vim\n",
      errors: [
        { messageId: "noYes", line: 2, column: 21, endColumn: 28 },
        { messageId: "noYes", line: 2, column: 37, endColumn: 43 },
      ],
    },
    {
      code: 'FROM fedora:40\nRUN ["dnf", "install", "httpd"]\n',
      errors: [{ messageId: "noYes", line: 2, column: 14, endColumn: 21 }],
      output: null,
    },
    {
      code: "FROM fedora:40\nONBUILD RUN dnf install httpd\n",
      errors: [{ messageId: "noYes", line: 2, column: 17 }],
    },
  ],
});
