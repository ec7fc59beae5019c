import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-insecure-tls.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "Windows PowerShell's curl is Invoke-WebRequest, which has no -k",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN iwr https://e.com/a.zip -OutFile a.zip; [Net.ServicePointManager]::SecurityProtocol = 'Tls12'
`,
    },
    `FROM debian:12
RUN apt-get -o Acquire::https::Verify-Peer=true update
`,
    `FROM debian:12
RUN curl -fsSL https://x/a.tgz | tar -xz
`,
    `FROM debian:12
RUN curl -K /etc/curlrc https://x
`,
    `FROM debian:12
RUN echo 'curl -k https://x' > /notes
`,
    `FROM debian:12
RUN wget -q -O /a https://x
`,
    `FROM debian:12
RUN pip install --index-url https://pypi.x/simple a
`,
    `FROM debian:12
RUN git config --global http.sslVerify true
`,
    `FROM debian:12
RUN npm config set strict-ssl true && npm ci
`,
    `FROM debian:12
RUN yum-config-manager --setopt=sslverify=1 --save
`,
    `FROM fedora:41
RUN dnf config-manager setopt sslverify=1
`,
    `FROM debian:12
RUN git -c http.sslVerify=true clone https://x
`,
  ],
  invalid: [
    {
      name: "a PowerShell started inline by a POSIX script, named in upper case, is read",
      code: `FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04
RUN apt-get update && PWSH -Command "Invoke-WebRequest -SkipCertificateCheck -Uri https://example.com/a.zip -OutFile a.zip"
`,
      errors: [{ messageId: "insecure", line: 2, column: 56, endColumn: 77 }],
    },
    {
      name: "cmd and PowerShell run curl.exe and pip too; PowerShell's own switches",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN curl.exe -k -o a.zip https://e.com/a.zip && pip install --trusted-host pypi.example.com x
RUN powershell -Command "[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}; iwr https://e.com -SkipCertificateCheck"
`,
      errors: [
        { messageId: "insecure", line: 2, column: 14, endColumn: 16 },
        { messageId: "insecure", line: 2 },
        {
          messageId: "insecure",
          message:
            "'ServerCertificateValidationCallback' turns off TLS certificate checks, so the download can be tampered with; trust the needed CA instead.",
          line: 3,
          column: 60,
          endColumn: 95,
        },
        { messageId: "insecure", line: 3 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get -o Acquire::https::Verify-Peer=false update
`,
      errors: [{ messageId: "insecure", line: 2, column: 16, endColumn: 49 }],
    },
    {
      code: `FROM debian:12
RUN apt-get update -o Acquire::https::deb.example.com::Verify-Peer=0 && apt-get install -y x
`,
      errors: [{ messageId: "insecure", line: 2 }],
    },
    {
      code: `FROM debian:12
RUN curl -sSLk https://x/a.tgz | tar -xz
`,
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 15 }],
    },
    {
      code: `FROM debian:12
RUN curl --insecure \\
    -o /a https://x
`,
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 20 }],
    },
    {
      code: `FROM debian:12
RUN wget --no-check-certificate -O /a https://x
`,
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 32 }],
    },
    {
      code: `FROM debian:12
RUN python3 -m pip install --trusted-host=pypi.x a
`,
      errors: [{ messageId: "insecure", line: 2, column: 28, endColumn: 49 }],
    },
    {
      code: `FROM debian:12
RUN pip config set global.trusted-host pypi.x
`,
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 39 }],
    },
    {
      code: `FROM debian:12
RUN uv pip install --allow-insecure-host pypi.x a
`,
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 41 }],
    },
    {
      code: `FROM debian:12
RUN git -c http.sslVerify=false clone https://x
`,
      errors: [{ messageId: "insecure", line: 2, column: 12, endColumn: 32 }],
    },
    {
      code: `FROM debian:12
RUN git config --global http.https://x.sslverify false
`,
      errors: [{ messageId: "insecure", line: 2, column: 25, endColumn: 49 }],
    },
    {
      code: `FROM debian:12
RUN yarn config set strict-ssl false
`,
      errors: [{ messageId: "insecure", line: 2, column: 21, endColumn: 31 }],
    },
    {
      code: `FROM debian:12
RUN npm install --strict-ssl=false
`,
      errors: [{ messageId: "insecure", line: 2, column: 17, endColumn: 35 }],
    },
    {
      code: `FROM debian:12
RUN npm config set strict-ssl=false
`,
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 36 }],
    },
    {
      code: `FROM debian:12
RUN yum-config-manager --save --setopt=docker-ce.sslverify=false
`,
      errors: [{ messageId: "insecure", line: 2, column: 31, endColumn: 65 }],
    },
    {
      name: "the plugin's own command, under either name",
      code: `FROM fedora:40
RUN dnf-config-manager --setopt=sslverify=False --save
`,
      errors: [{ messageId: "insecure", line: 2, column: 24, endColumn: 48 }],
    },
    {
      name: "yum config-manager is dnf's plugin where yum is dnf (RHEL 8 and later)",
      code: `FROM rockylinux:9
RUN yum config-manager --save --setopt=sslverify=0
`,
      errors: [{ messageId: "insecure", line: 2, column: 31, endColumn: 51 }],
    },
    {
      name: "dnf5 sets the option as an operand of config-manager setopt",
      code: `FROM fedora:41
RUN dnf config-manager setopt docker-ce.sslverify=off
`,
      errors: [{ messageId: "insecure", line: 2, column: 31, endColumn: 54 }],
    },
    {
      code: `FROM debian:12
RUN dnf install -y --setopt=sslverify=0 git
`,
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 40 }],
    },
    {
      code: `FROM debian:12
RUN conda config --set ssl_verify no
`,
      errors: [{ messageId: "insecure", line: 2, column: 24, endColumn: 34 }],
    },
    {
      code: `FROM debian:12
RUN V=$(curl -k https://x/v) && echo $V
`,
      errors: [{ messageId: "insecure", line: 2, column: 14, endColumn: 16 }],
    },
    {
      code: `FROM debian:12
RUN curl -k https://a && wget --no-check-certificate https://b
`,
      errors: [
        { messageId: "insecure", line: 2, column: 10, endColumn: 12 },
        { messageId: "insecure", line: 2, column: 31, endColumn: 53 },
      ],
    },
  ],
});
