import { describe, expect, it } from "vitest";
import { aptKeyStatus } from "../shell/tools/apt.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-apt-key.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "releases from before the deprecation, and keyrings",
      code: `FROM ubuntu:20.04
RUN curl -fsSL https://example.com/key.asc | apt-key add -
FROM debian:buster-slim
RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 0xABCD
FROM nvidia/cuda:11.8.0-devel-ubuntu18.04
RUN apt-key del 7fa2af80
FROM debian:13
RUN curl -fsSL https://example.com/key.asc -o /etc/apt/keyrings/example.asc
RUN echo "apt-key is gone" > /notes
`,
    },
  ],
  invalid: [
    {
      name: "a release without apt-key: the RUN fails",
      code: `FROM python:3.13-slim-trixie
RUN curl -fsSL https://example.com/key.asc | sudo apt-key add -
FROM debian AS base
FROM base
RUN apt-key add /tmp/key.asc
`,
      errors: [
        {
          messageId: "removed",
          line: 2,
          column: 51,
          endColumn: 58,
          message:
            "apt-key is not in the apt of 'python:3.13-slim-trixie' (apt 2.9.15 removed it), so this RUN fails; save the key to /etc/apt/keyrings and name it with signed-by in the source.",
        },
        { messageId: "removed", line: 5, column: 5 },
      ],
    },
    {
      name: "a release that deprecates it, and an image whose name tells no release",
      code: `FROM ubuntu:24.04
RUN wget -qO- https://example.com/key.asc | apt-key add -
FROM node:22
RUN apt-key adv --keyserver hkps://keys.openpgp.org --recv-keys ABCD
RUN curl -fsSL https://example.com/key.asc | apt-key --keyring /usr/share/keyrings/example.gpg add -
`,
      errors: [
        {
          messageId: "deprecated",
          line: 2,
          column: 45,
          message:
            "apt-key is deprecated, trusts the key for every repository, and is gone from Debian 13 and Ubuntu 25.04; save the key to /etc/apt/keyrings and name it with signed-by in the source.",
        },
        { messageId: "deprecated", line: 4, column: 5 },
        { messageId: "deprecatedOwnKeyring", line: 5, column: 46 },
      ],
    },
  ],
});

describe("aptKeyStatus", () => {
  it.each([
    ["debian", "removed"],
    ["debian:stable-slim", "removed"],
    ["docker.io/library/debian:sid", "removed"],
    ["debian:13.1", "removed"],
    ["debian:12-slim", "deprecated"],
    ["debian:bookworm-20240812", "deprecated"],
    ["debian:10", "old"],
    ["ubuntu", "deprecated"],
    ["ubuntu:22.04", "deprecated"],
    ["ubuntu:24.10", "deprecated"],
    ["ubuntu:25.04", "removed"],
    ["ubuntu:plucky-20250415", "removed"],
    ["ubuntu:rolling", "removed"],
    ["ubuntu:18.04", "old"],
    ["golang:1.25-trixie", "removed"],
    ["eclipse-temurin:21-jammy", "deprecated"],
    ["nvidia/cuda:12.6.3-devel-ubuntu24.04", "deprecated"],
    ["registry.example.com/team/app:debian13", "removed"],
    ["node:22", null],
    ["python:3.13-slim", null],
    ["alpine:3.20", null],
    ["registry.example.com:5000/ubuntu-tools:1", null],
  ])("%s: %s", (image, status) => {
    expect(aptKeyStatus(image)).toBe(status);
  });
});
