import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-early-arg.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "PowerShell's $env:NAME and cmd's %NAME% are uses",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
ARG URL
RUN curl.exe -o a.zip %URL%
ARG SHA
RUN powershell -Command "if ((Get-FileHash a.zip).Hash -ne $env:SHA) { exit 1 }"
RUN del a.zip
`,
    },
    `FROM debian:12
ARG VERSION
RUN echo $VERSION
RUN apt-get update
`,
    {
      name: "an ARG tools read from the environment",
      code: `FROM debian:12
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update
RUN echo $DEBIAN_FRONTEND
`,
    },
    {
      name: "an ARG redeclared before its use",
      code: `FROM debian:12
ARG V=1
RUN true
ARG V
RUN echo \${V}
`,
    },
    {
      name: "a global ARG not redeclared",
      code: `ARG V=1
FROM debian:12
RUN true
RUN echo $V
`,
    },
  ],
  invalid: [
    {
      name: "PowerShell reads $env:NAME; the first RUN does not",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
ARG URL
RUN Write-Host $env:PATH
RUN Invoke-WebRequest -Uri \${env:URL} -OutFile a.zip
`,
      errors: [{ messageId: "earlyArg", line: 3 }],
    },
    {
      name: "cmd's %NAME% is a use only in cmd",
      code: `FROM debian:12
ARG URL
RUN echo %URL%
RUN curl -o a.zip "$URL"
`,
      errors: [{ messageId: "earlyArg", line: 2 }],
    },
    {
      code: `FROM debian:12
ARG VERSION=1.2 OTHER
RUN apt-get update
RUN make
RUN curl -O https://x.org/v\${VERSION}.tgz
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG VERSION is first used on line 5, and the 2 RUNs in between are rebuilt whenever its value changes; declare it just before its use.",
          line: 2,
          column: 5,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a global ARG redeclared in the stage",
      code: `ARG V=1
FROM debian:12
ARG V
RUN apt-get update
LABEL version=$V
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG V is first used on line 5, and the RUN in between is rebuilt whenever its value changes; declare it just before its use.",
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
