import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-curl-pipe-shell.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "PowerShell: a download to a file, checked before it runs",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN iwr https://e.com/install.ps1 -OutFile install.ps1; \\
    if ((Get-FileHash install.ps1).Hash -ne '0F3C') { exit 1 }; \\
    & ./install.ps1
`,
    },
    {
      name: "PowerShell: iex of a local string",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN $cmd = 'Get-ChildItem'; iex $cmd
`,
    },
    {
      name: "cmd: a pipe into a program is not PowerShell",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN curl.exe -fsSL https://e.com/a.txt | findstr x
`,
    },
    `FROM debian:12
RUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg
`,
    `FROM debian:12
RUN curl -fsSLo /tmp/i.sh https://x/i.sh | sh
`,
    `FROM debian:12
RUN curl -fsSLO https://x/i.sh | sh
`,
    `FROM debian:12
RUN wget https://x/i.sh | sh
`,
    `FROM debian:12
RUN curl -s https://x/v.json | python3 -c 'import sys'
`,
    `FROM debian:12
RUN curl -s https://x | bash -c 'cat > /x'
`,
    `FROM debian:12
RUN curl -fsSL https://x/i.sh | tee /x && sh /x
`,
    `FROM debian:12
RUN curl -fsSL https://x/i.sh > /x; bash /x
`,
    `FROM debian:12
RUN curl -fsSL https://x/i.sh | bash /tmp/other.sh
`,
    `FROM debian:12
RUN echo "curl https://x | sh" > /README
`,
    `FROM debian:12
RUN V="$(curl -fsSL https://x/version)" && echo $V
`,
  ],
  invalid: [
    {
      name: "PowerShell: iex of a WebClient download, under a PowerShell SHELL",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))
`,
      errors: [
        {
          messageId: "substitution",
          message:
            "'iex' runs the output of 'DownloadString' without it being checked; download it to a file and verify it first.",
          line: 3,
          column: 5,
          endColumn: 8,
        },
      ],
    },
    {
      name: "PowerShell: irm piped to Invoke-Expression, run from cmd",
      code: `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN pwsh -NoProfile -Command "irm https://get.example.com/install.ps1 | Invoke-Expression"
`,
      errors: [{ messageId: "pipe", line: 2, column: 73, endColumn: 90 }],
    },
    {
      name: "PowerShell: chocolatey's cmd install line",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN @"%SystemRoot%\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoProfile -ExecutionPolicy Bypass -Command "iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))" && SET "PATH=%PATH%;%ALLUSERSPROFILE%\\chocolatey\\bin"
`,
      errors: [{ messageId: "substitution", line: 2 }],
    },
    {
      name: "PowerShell: iex of an iwr expression and a scriptblock from a download, with pwsh on Linux",
      code: `FROM debian:12
RUN apt-get install -y powershell && pwsh -c "iex (iwr https://e.com/a.ps1).Content; & ([scriptblock]::Create((irm https://e.com/b.ps1)))"
`,
      errors: [
        { messageId: "substitution", line: 2 },
        { messageId: "substitution", line: 2 },
      ],
    },
    {
      name: "busybox's sh is a shell too",
      code: `FROM alpine:3.20
RUN wget -qO- https://example.com/install.sh | busybox sh
`,
      errors: [{ messageId: "pipe", line: 2, column: 48, endColumn: 55 }],
    },
    {
      code: `FROM debian:12
RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - \\
 && apt-get install -y nodejs
`,
      errors: [
        {
          messageId: "pipe",
          message:
            "Output of 'curl' is run by 'bash' without being checked; download it to a file and verify it first.",
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 60,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN set -e; \\
  curl -sSf https://sh.rustup.rs \\
    | sh -s -- -y
`,
      errors: [{ messageId: "pipe", line: 4, column: 7, endColumn: 9 }],
    },
    {
      code: `FROM alpine:3
RUN wget -O- -nv https://x/install.sh | sh -s v1.2
`,
      errors: [{ messageId: "pipe", line: 2, column: 41 }],
    },
    {
      code: `FROM alpine:3
RUN wget --output-document=- https://x/i.sh | sudo -E bash
`,
      errors: [{ messageId: "pipe", line: 2, column: 55 }],
    },
    {
      code: `FROM debian:12
RUN curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -v latest
`,
      errors: [{ messageId: "pipe", line: 2, column: 43 }],
    },
    {
      code: `FROM python:3
RUN curl https://bootstrap.pypa.io/get-pip.py | python3.12
`,
      errors: [{ messageId: "pipe", line: 2, column: 49, endColumn: 59 }],
    },
    {
      code: `FROM debian:12
RUN curl -s https://x | gunzip | /bin/sh
`,
      errors: [{ messageId: "pipe", line: 2, column: 34, endColumn: 41 }],
    },
    {
      code: `FROM debian:12
RUN sh -c "$(curl -fsSL https://x/install.sh)" "" --unattended
`,
      errors: [{ messageId: "substitution", line: 2, column: 14, endColumn: 18 }],
    },
    {
      code: `FROM debian:12
RUN eval "$(wget -qO- https://x/env)"
`,
      errors: [{ messageId: "substitution", line: 2, column: 13 }],
    },
    {
      code: `FROM debian:12
RUN X=$(curl -s https://x | sh)
`,
      errors: [{ messageId: "pipe", line: 2, column: 29 }],
    },
    {
      code: `FROM debian:12
RUN ["/bin/sh", "-c", "curl -s https://x | sh"]
`,
      errors: [{ messageId: "pipe", line: 2, column: 44, endColumn: 46 }],
    },
    {
      code: `FROM debian:12
RUN <<EOF
set -e
curl -s https://x | bash
EOF
`,
      errors: [{ messageId: "pipe", line: 4, column: 21 }],
    },
  ],
});
