import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-pipe-without-pipefail.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a consumer that fails on empty input: a writer that fails before writing fails the RUN anyway",
      code: `FROM debian:12
RUN helm version | grep "v3.16"
RUN curl -fsSL https://example.com/a.tgz | tar -xz -C /opt
RUN curl -fsSL https://example.com/a.tgz | tar xzf - -C /opt
RUN curl -fsSL https://example.com/key.asc | apt-key add -
RUN curl -fsSL https://example.com/key.asc | gpg --batch --import
RUN curl -fsSL https://example.com/a.sha256 | sha256sum -c -
RUN arch | grep -e aarch64 -
`,
    },
    {
      name: "CircleCI's template of an image on cimg/base, whose SHELL sets pipefail",
      code: `FROM cimg/%%PARENT%%:%%BASE_VERSION%%
ENV PYTHON_VERSION=%%VERSION%%
RUN curl -sSL https://install.python-poetry.org | python -
`,
    },
    {
      name: "a pipe that asks a question: a condition, or a grep whose answer && or || reads",
      code: `FROM ubuntu:24.04
RUN apt-get update && \\
    if apt-cache policy cuda-compat-13-3 2>/dev/null | grep -q "Candidate:"; then \\
        apt-get install -y --no-install-recommends cuda-compat-13-3; \\
    fi && \\
    rm -rf /var/lib/apt/lists/*
RUN for so in /usr/lib/*.so; do ldd "$so" | grep -F 'not found' && exit 1; done; true
RUN while ps aux | grep -q '[d]ockerd'; do sleep 1; done
`,
    },
    {
      name: "a pipeline whose status is thrown away: pipefail changes nothing",
      code: `FROM debian:12
RUN find /x -type d | xargs rm -d || true
RUN find /y | sed s/a/b/ | xargs rm -f &> /dev/null || :
`,
    },
    {
      name: "CircleCI's images set a SHELL with pipefail in their config",
      code: `FROM cimg/node:22.11
RUN curl -fsSL https://example.com/install.sh | sh
`,
    },
    {
      name: "yes ends by the broken pipe: pipefail would fail the build",
      code: `FROM debian:12
RUN yes | unzip -q content.zip -d /srv
`,
    },
    `FROM debian:12
RUN a || b && c
`,
    `FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN a | b
`,
    `FROM debian:12
SHELL ["/usr/bin/zsh", "-euo", "pipefail", "-c"]
RUN a | b
`,
    `FROM debian:12 AS base
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
FROM base
RUN a | b
`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Get-Item x | Remove-Item
`,
    `FROM debian:12
RUN set -eux -o pipefail; a | b
`,
    `FROM debian:12
RUN set -euxo pipefail && a | b
`,
    `FROM debian:12
RUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]
`,
    `FROM debian:12
RUN echo 'a | b' && V=$(a | b)
`,
    `FROM debian:12
RUN case "$(uname -m)" in x86_64|amd64) a=1 ;; arm64|aarch64) a=2 ;; esac
`,
    `FROM debian:12
RUN <<EOF
case "$a" in
  mips*|ppc64)
    b=1
    ;;
esac
EOF
`,
    `FROM debian:12
RUN echo "$SUM  x.tgz" | sha256sum -c - && printf a | tee /x
`,
    // A brace group of echo and printf feeds nothing that can fail.
    `FROM debian:12
RUN { echo 'deb http://x stable main'; echo 'deb http://y stable main'; } | tee /etc/apt/sources.list
`,
    `FROM debian:12
RUN { \\
  echo "[a]"; \\
  printf "b=%s\\n" 1; \\
 } | tee /etc/x.ini > /dev/null
`,
    // case patterns over several lines, after `;;` and after `in`.
    `FROM debian:12
RUN case "$arch" in \\
  amd64) a=x64 ;; \\
  arm64 | aarch64) a=arm ;; \\
  *) exit 1 ;; \\
 esac
`,
    `FROM debian:12
RUN <<EOF
case "$a" in
  x86_64 | amd64) b=1 ;;
  i?86 | x86) b=2 ;;
esac
EOF
`,
  ],
  invalid: [
    {
      name: "consumers that succeed on empty input",
      code: `FROM debian:12
RUN helm version | grep -v beta
RUN helm version | grep v3 /etc/versions
RUN curl -fsSL https://example.com/a.tgz | tee /a.tgz | tar -tz
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/x.gpg
`,
      errors: [
        { messageId: "pipe", line: 2 },
        { messageId: "pipe", line: 3 },
        { messageId: "pipe", line: 4 },
        { messageId: "pipe", line: 5 },
      ],
    },
    {
      name: "a pipe whose status && reads, that ends in no grep",
      code: `FROM ubuntu:24.04
RUN curl -fsSL https://example.com/x.tgz | bash && make install
`,
      errors: [{ messageId: "pipe", line: 2, column: 42 }],
    },
    {
      name: "a pipeline whose status another command reads after ||",
      code: `FROM debian:12
RUN curl -fsSL https://e.com/i.sh | sh || echo failed
`,
      errors: [{ messageId: "pipe", line: 2 }],
    },
    {
      // A brace group with a command that can fail still needs pipefail.
      code: `FROM debian:12
RUN { echo a; curl -fsSL https://x/y; } | sh
`,
      errors: [{ messageId: "pipe", line: 2, column: 41 }],
    },
    {
      code: `FROM debian:12
RUN wget -O - https://x/install.sh | sh
`,
      errors: [
        {
          messageId: "pipe",
          message:
            "This pipe hides failures of the commands before the last one; set -o pipefail first (e.g. with SHELL).",
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN a \\
  | b
`,
      errors: [{ messageId: "pipe", line: 3, column: 3 }],
    },
    {
      code: `FROM debian:12 AS base
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
FROM debian:12
RUN a | b
`,
      errors: [{ messageId: "pipe", line: 4, column: 7 }],
    },
    {
      code: `FROM debian:12
SHELL ["/bin/sh", "-o", "pipefail", "-c"]
RUN a | b
`,
      errors: 1,
    },
    {
      code: `FROM debian:12
RUN a | b; set -o pipefail
`,
      errors: 1,
    },
    {
      code: `FROM debian:12
RUN echo a | tee x && cat f | sh
`,
      errors: [{ messageId: "pipe", line: 2, column: 29 }],
    },
  ],
});
