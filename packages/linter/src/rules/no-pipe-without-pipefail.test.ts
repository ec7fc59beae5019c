import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-pipe-without-pipefail.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN a || b && c\n",
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM debian:12\nSHELL ["/usr/bin/zsh", "-euo", "pipefail", "-c"]\nRUN a | b\n',
    'FROM debian:12 AS base\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nFROM base\nRUN a | b\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n',
    "FROM debian:12\nRUN set -eux -o pipefail; a | b\n",
    "FROM debian:12\nRUN set -euxo pipefail && a | b\n",
    'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "a | b"]\n',
    "FROM debian:12\nRUN echo 'a | b' && V=$(a | b)\n",
    'FROM debian:12\nRUN case "$(uname -m)" in x86_64|amd64) a=1 ;; arm64|aarch64) a=2 ;; esac\n',
    'FROM debian:12\nRUN <<EOF\ncase "$a" in\n  mips*|ppc64)\n    b=1\n    ;;\nesac\nEOF\n',
    'FROM debian:12\nRUN echo "$SUM  x.tgz" | sha256sum -c - && printf a | tee /x\n',
    // A brace group of echo and printf feeds nothing that can fail.
    "FROM debian:12\nRUN { echo 'deb http://x stable main'; echo 'deb http://y stable main'; } | tee /etc/apt/sources.list\n",
    'FROM debian:12\nRUN { \\\n  echo "[a]"; \\\n  printf "b=%s\\n" 1; \\\n } | tee /etc/x.ini > /dev/null\n',
    // case patterns over several lines, after `;;` and after `in`.
    'FROM debian:12\nRUN case "$arch" in \\\n  amd64) a=x64 ;; \\\n  arm64 | aarch64) a=arm ;; \\\n  *) exit 1 ;; \\\n esac\n',
    'FROM debian:12\nRUN <<EOF\ncase "$a" in\n  x86_64 | amd64) b=1 ;;\n  i?86 | x86) b=2 ;;\nesac\nEOF\n',
  ],
  invalid: [
    {
      // A brace group with a command that can fail still needs pipefail.
      code: "FROM debian:12\nRUN { echo a; curl -fsSL https://x/y; } | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 41 }],
    },
    {
      code: "FROM debian:12\nRUN wget -O - https://x/install.sh | sh\n",
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
    { code: "FROM debian:12\nRUN a \\\n  | b\n", errors: [{ messageId: "pipe", line: 3, column: 3 }] },
    {
      code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n',
      errors: [{ messageId: "pipe", line: 4, column: 7 }],
    },
    { code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', errors: 1 },
    { code: "FROM debian:12\nRUN a | b; set -o pipefail\n", errors: 1 },
    {
      code: "FROM debian:12\nRUN echo a | tee x && cat f | sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 29 }],
    },
  ],
});
