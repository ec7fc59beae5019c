import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-json-args.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "the base image's config sets SHELL",
      code: `FROM example/pwsh:7
CMD Write-Host hello
`,
      imageConfigs: { "example/pwsh:7": { config: { Shell: ["pwsh", "-Command"] } } },
    },
    `FROM alpine
CMD ["a", "b"]
ENTRYPOINT ["c"]
`,
    {
      name: "SHELL set before",
      code: `FROM alpine
SHELL ["/bin/bash", "-c"]
CMD echo hi
`,
    },
    {
      name: "SHELL inherited from a base stage",
      code: `FROM alpine AS base
CMD ["x"]
SHELL ["/bin/ash", "-c"]
FROM base
ENTRYPOINT echo hi
`,
    },
    {
      name: "SHELL from the base stage's ONBUILD",
      code: `FROM alpine AS base
ONBUILD SHELL ["/bin/ash", "-c"]
FROM base
CMD echo hi
`,
    },
    {
      name: "an ONBUILD trigger runs elsewhere",
      code: `FROM alpine
ONBUILD CMD echo hi
`,
    },
    {
      name: "RUN and HEALTHCHECK are not checked",
      code: `FROM alpine
RUN echo hi
HEALTHCHECK CMD curl -f http://x/
`,
    },
    {
      name: "a command that exec-s its program, which then is PID 1",
      code: `FROM python:3.12-slim
CMD exec gunicorn --bind :$PORT --workers 1 main:app
ENTRYPOINT cd /app && \\
    exec ./server --port "$PORT"
`,
    },
  ],
  invalid: [
    {
      name: "on Windows the message names cmd",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
CMD start.cmd
`,
      errors: [
        {
          messageId: "shellForm",
          message:
            "Use the JSON form for CMD: in shell form the program runs under 'cmd /S /C', which can stay PID 1 and not pass signals such as SIGTERM to it.",
        },
      ],
    },
    {
      name: "exec that does not end the script, or that runs in a pipeline",
      code: `FROM alpine AS a
CMD exec ./migrate && ./server
FROM alpine AS b
CMD tail -f /var/log/app.log | exec ./shipper
`,
      errors: [
        { messageId: "shellForm", line: 2 },
        { messageId: "shellForm", line: 4 },
      ],
    },
    {
      name: "the base image's config sets no SHELL",
      code: `FROM example/pwsh:7 AS base
FROM base
CMD Write-Host hello
`,
      imageConfigs: { "example/pwsh:7": { config: { Cmd: ["pwsh"] } } },
      errors: [{ messageId: "shellForm", line: 3 }],
    },
    {
      code: `FROM alpine
CMD node server.js
`,
      errors: [
        {
          messageId: "shellForm",
          message:
            "Use the JSON form for CMD: in shell form the program runs under '/bin/sh -c', which can stay PID 1 and not pass signals such as SIGTERM to it.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
        },
      ],
      output: `FROM alpine
CMD ["node", "server.js"]
`,
    },
    {
      name: "quotes only group words: the exec form keeps each quoted word whole",
      code: `FROM nginx:1.27
CMD nginx -g "daemon off;" -c '/etc/nginx/my conf'
`,
      errors: [{ messageId: "shellForm", line: 2, column: 5 }],
      output: `FROM nginx:1.27
CMD ["nginx", "-g", "daemon off;", "-c", "/etc/nginx/my conf"]
`,
    },
    {
      name: "a variable, a glob or a ~ needs the shell: no fix",
      code: `FROM alpine
CMD serve --port "$PORT"
`,
      errors: [{ messageId: "shellForm", line: 2, column: 5 }],
      output: null,
    },
    {
      code: `FROM alpine
CMD ls *.txt ~/x
`,
      errors: [{ messageId: "shellForm", line: 2, column: 5 }],
      output: null,
    },
    {
      name: "SHELL after the CMD does not count",
      code: `FROM alpine
CMD run --port=8080
SHELL ["/bin/ash", "-c"]
`,
      errors: [{ messageId: "shellForm", line: 2, column: 5 }],
      output: `FROM alpine
CMD ["run", "--port=8080"]
SHELL ["/bin/ash", "-c"]
`,
    },
    {
      name: "a SHELL in another stage that is not the base",
      code: `FROM alpine AS a
SHELL ["/bin/ash", "-c"]
FROM alpine
entrypoint my-program start
`,
      errors: [
        {
          messageId: "shellForm",
          message:
            "Use the JSON form for ENTRYPOINT: in shell form the program runs under '/bin/sh -c', which can stay PID 1 and not pass signals such as SIGTERM to it.",
          line: 4,
          column: 12,
        },
      ],
      output: null,
    },
    {
      name: "no fix for shell syntax",
      code: `FROM alpine
CMD echo "$HOME" && app
`,
      errors: [{ messageId: "shellForm", line: 2 }],
      output: null,
    },
    {
      name: "no fix for a shell builtin",
      code: `FROM alpine
CMD ulimit -n 4096
`,
      errors: 1,
      output: null,
    },
    {
      name: "no fix for an env assignment",
      code: `FROM alpine
CMD DEBUG=1 app
`,
      errors: 1,
      output: null,
    },
    {
      name: "no fix when an ENTRYPOINT receives the CMD",
      code: `FROM alpine
ENTRYPOINT ["tini", "--"]
CMD app serve
`,
      errors: 1,
      output: null,
    },
    {
      name: "no fix over continuation lines",
      code: `FROM alpine
CMD app \\
  serve
`,
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 3, endColumn: 8 }],
      output: null,
    },
    {
      name: "a stage built on a stage without SHELL",
      code: `FROM alpine AS base
FROM base
CMD app
`,
      errors: 1,
      output: `FROM alpine AS base
FROM base
CMD ["app"]
`,
    },
  ],
});
