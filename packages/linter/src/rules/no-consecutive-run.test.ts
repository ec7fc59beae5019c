import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-consecutive-run.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a RUN of chained commands beside a one-command RUN (as hadolint)",
      code: `FROM debian:12
RUN a && b
RUN c
RUN d; e
RUN f | g
`,
    },
    `FROM debian:12
RUN a
ENV X=1
RUN b
`,
    `FROM debian:12
RUN a && b && c
RUN d
`,
    `FROM debian:12
RUN --mount=type=cache,target=/c a
RUN b
`,
    `FROM debian:12
RUN <<EOF
a
EOF
RUN b
`,
    `FROM debian:12
RUN a
FROM debian:12
RUN b
`,
    // A PowerShell script is counted by its statements, not as one quoted argument.
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command "$ErrorActionPreference = 'Stop'; Invoke-WebRequest https://x/y.zip -OutFile y.zip; Expand-Archive y.zip C:\\y; Remove-Item y.zip"
RUN y.exe --version
`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN $a = 1; Write-Host $a; New-Item -Type Directory C:\\app
RUN dir
`,
    // With the backtick escape directive, the continued PowerShell script is one RUN of three commands.
    `# escape=\`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN Invoke-WebRequest https://x/y.zip -OutFile y.zip; \`
    Expand-Archive y.zip C:\\y; \`
    Remove-Item y.zip
RUN y.exe --version
`,
    // The new PATH of setx is only seen by the next RUN: merging them breaks the build.
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN setx /M PATH "%PATH%;C:\\go\\bin"
RUN go version
`,
    `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN [Environment]::SetEnvironmentVariable('PATH', $env:PATH + ';C:\\go\\bin', 'Machine')
RUN go version
`,
  ],
  invalid: [
    {
      // Two short PowerShell RUNs are still worth merging.
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN New-Item -Type Directory C:\\app
RUN Write-Host done
`,
      errors: [{ messageId: "consecutive", line: 4 }],
    },
    {
      code: `FROM debian:12
RUN a
RUN b
`,
      errors: [
        {
          messageId: "consecutive",
          message: "This RUN follows another short RUN with the same flags; merge them into one layer.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 4,
        },
      ],
    },
    {
      name: "comments between two one-command RUNs; a RUN of two commands after them is left alone",
      code: `FROM debian:12
RUN a
# why

run b
RUN c && d
RUN e
`,
      errors: [{ messageId: "consecutive", line: 5 }],
    },
  ],
});
