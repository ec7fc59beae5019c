import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-yum-dnf-cache.js";

ruleTester.run(rule, {
  valid: [
    "FROM centos:7\nRUN yum install -y httpd && yum clean all\n",
    "FROM centos:7\nRUN yum install -y httpd && dnf clean all\n",
    "FROM fedora:40\nRUN dnf -y upgrade && dnf -y install httpd && dnf clean all && rm -rf /tmp/*\n",
    "FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf/*\n",
    "FROM fedora:40\nRUN dnf5 install -y httpd && rm -rf /var/cache/libdnf5\n",
    "FROM fedora:40\nRUN dnf --installroot /rootfs install -y httpd && rm -rf /rootfs/var/cache/dnf\n",
    "FROM fedora:40\nRUN microdnf install httpd && microdnf clean all\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf5 install -y httpd\n",
    // A cache mount on each manager's own cache folder.
    "FROM photon:5.0\nRUN --mount=type=cache,target=/var/cache/tdnf tdnf install -y curl\n",
    "FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN --mount=type=cache,target=/var/cache/tdnf/ tdnf -y install ca-certificates\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y httpd\n",
    "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n",
    "FROM fedora:40\nRUN dnf clean all\n",
    "FROM fedora:40\nRUN dnf list installed\n",
    "FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /out /out\n",
  ],
  invalid: [
    {
      // A cache mount elsewhere does not keep tdnf's cache out of the layer.
      code: "FROM photon:5.0\nRUN --mount=type=cache,target=/root/.cache tdnf install -y curl\n",
      errors: [{ messageId: "cache", line: 2 }],
    },
    {
      code: "FROM centos:7\nRUN yum install -y httpd\n",
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
      code: "FROM centos:7\nRUN yum clean all && \\\n    yum -y update && yum -y install httpd && yum clean metadata\n",
      errors: [{ messageId: "cache", line: 3, column: 22, endLine: 3, endColumn: 36 }],
    },
    {
      code: "FROM fedora:40\nRUN microdnf module enable nodejs:20 && microdnf module install nodejs:20\n",
      errors: [{ messageId: "cache", line: 2, column: 41, endColumn: 64 }],
    },
    {
      name: "a stage that a later FROM builds on",
      code: "FROM fedora:40 AS base\nRUN dnf install -y httpd\nFROM base\nRUN true\n",
      errors: [{ messageId: "cache", line: 2, column: 5 }],
    },
    {
      code: "FROM fedora:40 AS build\nONBUILD RUN dnf install -y httpd\nFROM scratch\n",
      errors: [{ messageId: "cache", line: 2, column: 13 }],
    },
  ],
});
