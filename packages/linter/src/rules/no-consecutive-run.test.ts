import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-consecutive-run.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN a\nENV X=1\nRUN b\n",
    "FROM debian:12\nRUN a && b && c\nRUN d\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/c a\nRUN b\n",
    "FROM debian:12\nRUN <<EOF\na\nEOF\nRUN b\n",
    "FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n",
    // A PowerShell script is counted by its statements, not as one quoted argument.
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command \"$ErrorActionPreference = 'Stop'; Invoke-WebRequest https://x/y.zip -OutFile y.zip; Expand-Archive y.zip C:\\y; Remove-Item y.zip\"\nRUN y.exe --version\n",
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN $a = 1; Write-Host $a; New-Item -Type Directory C:\\app\nRUN dir\n',
    // The new PATH of setx is only seen by the next RUN: merging them breaks the build.
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN setx /M PATH "%PATH%;C:\\go\\bin"\nRUN go version\n',
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN [Environment]::SetEnvironmentVariable('PATH', $env:PATH + ';C:\\go\\bin', 'Machine')\nRUN go version\n",
  ],
  invalid: [
    {
      // Two short PowerShell RUNs are still worth merging.
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN New-Item -Type Directory C:\\app\nRUN Write-Host done\n',
      errors: [{ messageId: "consecutive", line: 4 }],
    },
    {
      code: "FROM debian:12\nRUN a\nRUN b\n",
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
      code: "FROM debian:12\nRUN a\n# why\n\nrun b && c\nRUN d\n",
      errors: [
        { messageId: "consecutive", line: 5 },
        { messageId: "consecutive", line: 6 },
      ],
    },
  ],
});
