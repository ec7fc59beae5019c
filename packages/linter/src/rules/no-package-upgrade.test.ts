import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-package-upgrade.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM fedora:41\nRUN dnf update -y openssl curl\n",
    "FROM fedora:41\nRUN yum --setopt=tsflags=nodocs update -y glibc\n",
    "FROM alpine:3.20\nRUN apk upgrade musl\n",
    "FROM debian:11\nRUN apt-get upgrade -y libssl-dev libssl1.1\n",
    "FROM opensuse/leap:15\nRUN zypper up -y openssl\n",
    // Not the package manager's sub-command.
    "FROM debian:12\nRUN echo apt-get upgrade\n",
    "FROM python:3.12\nRUN pip install --upgrade pip==24.2\n",
    // zypper dist-upgrade is no-zypper-dist-upgrade's.
    "FROM opensuse/leap:15\nRUN zypper dist-upgrade -y\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
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
      code: "FROM debian:12\nRUN apt-get -y dist-upgrade\n",
      errors: [{ messageId: "upgrade", column: 5, endColumn: 28 }],
    },
    { code: "FROM ubuntu:24.04\nRUN apt full-upgrade -y\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM centos:7\nRUN yum -y update && yum clean all\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM fedora:41\nRUN dnf5 upgrade -y --refresh\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM rockylinux:9-minimal\nRUN microdnf update -y\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM photon:5.0\nRUN tdnf update -y\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM alpine:3.20\nRUN apk --no-cache upgrade\n", errors: [{ messageId: "upgrade" }] },
    { code: "FROM opensuse/leap:15\nRUN zypper -n update\n", errors: [{ messageId: "upgrade" }] },
    {
      code: "FROM debian:12\nRUN set -eux; \\\n  apt-get update; \\\n  apt-get upgrade -y\n",
      errors: [{ messageId: "upgrade", line: 4, column: 3, endColumn: 18 }],
    },
  ],
});
