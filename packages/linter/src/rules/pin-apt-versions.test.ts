import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-apt-versions.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "an install from a snapshot of the archive, which fixes every version",
      code: `FROM ubuntu:24.04
ARG SNAPSHOT=20260301T000000Z
RUN apt-get install -y --update --snapshot "$SNAPSHOT" curl && apt-get install -S 20260301T000000Z git
RUN apt-get -o APT::Snapshot=20260301T000000Z install -y vim
`,
    },
    `FROM debian:12
RUN if apt-get install -s curl > /dev/null; then echo ok; fi
`,
    `FROM debian:12
RUN apt-get install -y curl=7.88
`,
    `FROM debian:12
RUN apt-get install -y ./x.deb /tmp/y.deb foo/bookworm
`,
    `FROM debian:12
RUN apt-get install -y -t bookworm-backports git=1:2.39
`,
    `FROM debian:12
RUN apt-get install -y $PACKAGES \${EXTRA}
`,
    `FROM debian:12
RUN apt-get update && apt-get upgrade -y
`,
    `FROM debian:12
RUN echo 'apt-get install curl'
`,
    `FROM debian:12
RUN apt-get -o Dpkg::Options::=--force-confold install -y vim=2
`,
    `FROM debian:12
RUN apt-get build-dep -y foo
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'curl' is installed without a version; pin it with 'curl=<version>'.",
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 46,
        },
      ],
    },
    {
      name: "continuation lines",
      code: `FROM debian:12
RUN apt-get update \\
  && apt-get install -y --no-install-recommends \\
     curl=7 \\
# comment
     wget \\
  && rm -rf /var/lib/apt/lists/*
`,
      errors: [{ messageId: "unpinned", line: 6, column: 6, endLine: 6, endColumn: 10 }],
    },
    {
      code: `FROM debian:12
RUN sudo apt install -qy git
`,
      errors: [{ messageId: "unpinned", line: 2, column: 26 }],
    },
    {
      code: `FROM debian:12
RUN ["apt-get", "install", "-y", "git"]
`,
      errors: [{ messageId: "unpinned", line: 2, column: 35, endColumn: 38 }],
    },
    {
      code: `FROM debian:12
RUN <<EOF
apt-get install -y \\
  git
EOF
`,
      errors: [{ messageId: "unpinned", line: 4, column: 3, endColumn: 6 }],
    },
    {
      code: `FROM debian:12
ONBUILD RUN apt-get install -y git
`,
      errors: [{ messageId: "unpinned", line: 2, column: 32 }],
    },
  ],
});
