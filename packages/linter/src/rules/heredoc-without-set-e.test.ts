import { ruleTester } from "../testing/rule-tester.js";
import rule from "./heredoc-without-set-e.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "one if whose branch is one command or one && chain, or starts with set -e; alternative branches",
      code: `FROM ubuntu:24.04
ARG TARGETARCH
RUN <<EOT bash
    if [ "arm64" = "$TARGETARCH" ]; then
        apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
    fi
EOT
RUN <<EOT bash
    if [ "$TARGETARCH" = "amd64" ]; then
        set -e
        apt-get update
        apt-get install -y --no-install-recommends curl
    fi
EOT
RUN <<EOT
if [ -f /a ]; then make a; elif [ -f /b ]; then make b; else make c; fi
EOT
RUN <<EOT
case "$TARGETARCH" in
  amd64) make x86 ;;
  arm64) make arm ;;
esac
EOT
`,
    },
    {
      name: "a negated command is tested, not failed on: set -e would not stop on it either",
      code: `FROM debian:12
RUN <<EOF
! grep -q debug /etc/app.conf
echo checked
EOF
`,
    },
    // One command, or one && chain: its status is the script's.
    `FROM debian:12
RUN <<EOF
apt-get update
EOF
`,
    `FROM debian:12
RUN <<EOF
apt-get update && \\
  apt-get install -y curl
EOF
`,
    // set -e in its usual spellings, before the commands.
    `FROM debian:12
RUN <<EOF
set -e
a
b
EOF
`,
    `FROM debian:12
RUN <<EOF
# comment
set -euxo pipefail
a
b
EOF
`,
    `FROM debian:12
RUN <<EOF
set -o errexit
a
b
EOF
`,
    `FROM debian:12
RUN <<EOF
#!/usr/bin/env bash -e
a
b
EOF
`,
    `FROM debian:12
RUN bash -e <<EOF
a
b
EOF
`,
    `FROM debian:12
RUN sh -ex <<EOF
a
b
EOF
`,
    `FROM debian:12
SHELL ["/bin/sh", "-ec"]
RUN <<EOF
a
b
EOF
`,
    `FROM debian:12
SHELL ["/bin/bash", "-o", "errexit", "-c"]
RUN <<EOF
a
b
EOF
`,
    // SHELL is inherited by a stage built on an earlier one.
    `FROM debian:12 AS base
SHELL ["/bin/sh", "-eux", "-c"]
FROM base
RUN <<EOF
a
b
EOF
`,
    // Not a POSIX shell script.
    `FROM debian:12
RUN <<EOF
#!/usr/bin/env python3
import os
print(1)
EOF
`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["pwsh", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN <<EOF
a
b
EOF
`,
    // The preference set first by the script itself; assignments of literals before it cannot fail.
    `FROM debian:12
SHELL ["pwsh", "-Command"]
RUN <<EOF
$ProgressPreference = 'SilentlyContinue'
$ErrorActionPreference = "Stop"
a
b
EOF
`,
    // cmd: not checked. A Windows base image's default shell is cmd.
    `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN <<EOF
a
b
EOF
`,
    // One PowerShell statement across a backtick continuation.
    `FROM debian:12
SHELL ["pwsh", "-Command"]
RUN <<EOF
Invoke-WebRequest -Uri https://example.com/a.zip \`
  -OutFile a.zip
EOF
`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN <<EOF
a
b
EOF
`,
    // The heredoc is data, or the stdin of a program, not the script.
    `FROM debian:12
RUN cat <<EOF > /etc/x.conf
a
b
EOF
`,
    `FROM debian:12
RUN python3 <<EOF
import os
print(1)
EOF
`,
    `FROM debian:12
COPY <<EOF /x
a
b
EOF
`,
    // Shell-form RUN without a heredoc is another matter.
    `FROM debian:12
RUN a; b
`,
  ],
  invalid: [
    {
      name: "two commands in a branch, or a command before or after an if",
      code: `FROM ubuntu:24.04
RUN <<EOT
if [ -f /a ]; then
  apt-get update
  apt-get install -y curl
fi
EOT
RUN <<EOT
cd /src
if [ -f Makefile ]; then make; fi
EOT
RUN <<EOT
if [ -f Makefile ]; then make; fi
make install
EOT
`,
      errors: [
        { messageId: "noErrexit", line: 2 },
        { messageId: "noErrexit", line: 8 },
        { messageId: "noErrexit", line: 12 },
      ],
    },
    {
      code: `FROM debian:12
SHELL ["pwsh", "-Command"]
RUN <<EOF
a
b
EOF
`,
      output: `FROM debian:12
SHELL ["pwsh", "-Command"]
RUN <<EOF
$ErrorActionPreference = 'Stop'
a
b
EOF
`,
      errors: [{ messageId: "noStop", line: 3, column: 5 }],
    },
    {
      // Inherited from the base stage.
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
SHELL ["powershell", "-Command"]
FROM base
RUN <<EOF
Invoke-WebRequest -Uri https://example.com/a.zip -OutFile a.zip; Expand-Archive a.zip C:\\a
EOF
`,
      output: `FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
SHELL ["powershell", "-Command"]
FROM base
RUN <<EOF
$ErrorActionPreference = 'Stop'
Invoke-WebRequest -Uri https://example.com/a.zip -OutFile a.zip; Expand-Archive a.zip C:\\a
EOF
`,
      errors: [{ messageId: "noStop", line: 4 }],
    },
    {
      code: `FROM debian:12
RUN <<EOF
apt-get update
apt-get install -y curl
EOF
`,
      output: `FROM debian:12
RUN <<EOF
set -e
apt-get update
apt-get install -y curl
EOF
`,
      errors: [
        {
          messageId: "noErrexit",
          message:
            "This heredoc script runs without set -e, so a failing command before the last one does not fail the build; start it with set -e.",
          line: 2,
          column: 5,
          endColumn: 10,
        },
      ],
    },
    {
      // set -e after a command that may fail does not cover it.
      code: `FROM debian:12
RUN <<EOF
cd /src
set -e
make
EOF
`,
      output: `FROM debian:12
RUN <<EOF
set -e
cd /src
set -e
make
EOF
`,
      errors: [{ messageId: "noErrexit", line: 2 }],
    },
    {
      code: `FROM debian:12
RUN <<EOF
#!/bin/bash
a; b
EOF
`,
      output: `FROM debian:12
RUN <<EOF
#!/bin/bash
set -e
a; b
EOF
`,
      errors: [{ messageId: "noErrexit", line: 2 }],
    },
    {
      code: `FROM debian:12
RUN bash -x <<-EOT
\ta
\tb
\tEOT
`,
      output: `FROM debian:12
RUN bash -x <<-EOT
set -e
\ta
\tb
\tEOT
`,
      errors: [{ messageId: "noErrexit", line: 2, column: 13 }],
    },
    {
      // `set +e` turns it off again; a SHELL without -e does not help.
      code: `FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN <<EOF
set -e +e
a
b
EOF
`,
      output: `FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN <<EOF
set -e
set -e +e
a
b
EOF
`,
      errors: [{ messageId: "noErrexit", line: 3 }],
    },
  ],
});
