import { ruleTester } from "../testing/rule-tester.js";
import rule from "./cmd-overridden.js";

const nginx = { "nginx:1.27": { config: { Entrypoint: ["/docker-entrypoint.sh"], Cmd: ["nginx"] } } };
const shellEntrypoint = { "alpine:3.20": { config: { Entrypoint: ["/bin/sh", "-c", "exec /app --serve"] } } };

ruleTester.run(rule, {
  valid: [
    {
      name: "a shell-form CMD under an init or a user switcher, which runs it",
      code: `FROM python:3.12-slim
ENTRYPOINT ["tini", "--"]
CMD uvicorn app:app --host 0.0.0.0 --port \${PORT:-8000}
FROM python:3.12-slim
ENTRYPOINT ["/usr/local/bin/gosu", "app"]
CMD python -u main.py \${CLI_ARGS}
`,
    },
    {
      name: "the base image's ENTRYPOINT is unknown without its config",
      code: `FROM nginx:1.27
CMD nginx -g "daemon off;"
`,
    },
    {
      name: "exec CMD under the base image's exec ENTRYPOINT",
      code: `FROM nginx:1.27
CMD ["nginx", "-g", "daemon off;"]
`,
      imageConfigs: nginx,
    },
    {
      name: "the stage's own ENTRYPOINT replaces the base image's",
      code: `FROM nginx:1.27
ENTRYPOINT ["/app"]
CMD ["x"]
`,
      imageConfigs: nginx,
    },
    {
      name: "a base image with no ENTRYPOINT",
      code: `FROM alpine:3.20
CMD echo hello
`,
      imageConfigs: { alpine: { config: { Cmd: ["/bin/sh"] } } },
    },
    {
      name: "an ENTRYPOINT of an earlier stage replaces the image's",
      code: `FROM nginx:1.27 AS base
ENTRYPOINT ["/app"]
FROM base
CMD ["x"]
`,
      imageConfigs: nginx,
    },
    {
      name: "a sh -c entrypoint that reads its arguments",
      code: `FROM alpine:3.20
CMD ["x"]
`,
      imageConfigs: { "alpine:3.20": { config: { Entrypoint: ["/bin/sh", "-c", 'exec /app "$@"', "sh"] } } },
    },
    `FROM alpine:3.20
CMD ["sh"]
`,
    `FROM alpine:3.20
ENTRYPOINT ["/app"]
CMD ["--help"]
`,
    `FROM alpine:3.20
CMD echo hello
`,
    `FROM alpine:3.20
ENTRYPOINT []
CMD echo hello
`,
    `FROM alpine:3.20
CMD ["a"]
FROM alpine:3.20
CMD ["b"]
`,
    {
      name: "a shell entrypoint that passes its arguments on",
      code: `FROM alpine:3.20
ENTRYPOINT exec /app "$@"
`,
    },
    {
      name: "an ONBUILD CMD is the child image's",
      code: `FROM alpine:3.20
CMD ["a"]
ONBUILD CMD ["b"]
`,
    },
    {
      name: "the base image's CMD is unknown",
      code: `FROM node:22
ENTRYPOINT ["node"]
`,
    },
    {
      name: "CMD set before ENTRYPOINT is kept",
      code: `FROM alpine:3.20 AS base
CMD ["a"]
FROM base
CMD ["b"]
ENTRYPOINT ["/app"]
`,
    },
    {
      name: "the base stage has no CMD",
      code: `FROM alpine:3.20 AS base
RUN true
FROM base
ENTRYPOINT ["/app"]
`,
    },
    {
      name: "an empty inherited CMD",
      code: `FROM alpine:3.20 AS base
CMD []
FROM base
ENTRYPOINT ["/app"]
`,
    },
    {
      name: "template branches",
      code: `FROM alpine:3.20
<% if (a) { %>
CMD ["a"]
<% } else { %>
CMD ["b"]
<% } %>
`,
      allowSyntaxErrors: true,
    },
    {
      name: "a templated CMD",
      code: `FROM alpine:3.20
ENTRYPOINT ["/e.sh"]
CMD {{ env.cmd }}
`,
    },
    {
      name: "inherited exec entrypoint, exec CMD",
      code: `FROM alpine:3.20 AS base
ENTRYPOINT ["/app"]
FROM base
CMD ["x"]
`,
    },
    {
      name: "a repeated CMD is no-multiple-instructions' finding; only the last one is checked here",
      code: `FROM alpine:3.20
ENTRYPOINT ["/e.sh"]
CMD a
CMD ["b"]
`,
    },
    {
      name: 'a CMD that needs a shell, under an entrypoint script that as a rule ends in exec "$@"',
      code: `FROM python:3.12
ENV CLI_ARGS=""
ENTRYPOINT ["/docker/entrypoint.sh"]
CMD python -u webui.py --listen \${CLI_ARGS}
`,
    },
    {
      code: `FROM php:8.3-apache
ENTRYPOINT ["bash", "./Docker/entrypoint.sh"]
CMD ([ -z "$CRON_MIN" ] || cron) && . /etc/apache2/envvars && exec apache2 -D FOREGROUND
`,
    },
    {
      code: `FROM postgres:17
ENTRYPOINT ["/usr/local/bin/docker-entrypoint"]
CMD postgres -c max_connections=$MAX
`,
    },
  ],
  invalid: [
    {
      name: "a CMD that needs a shell under a program, not a script: the program gets /bin/sh -c as its arguments",
      code: `FROM alpine:3.20
ENTRYPOINT ["/usr/bin/app"]
CMD serve --port $PORT
`,
      errors: [{ messageId: "shellCmd", line: 3 }],
    },
    {
      name: "shell CMD under the base image's exec ENTRYPOINT (any spelling of its name)",
      code: `FROM docker.io/library/nginx:1.27
CMD nginx -g "daemon off;"
`,
      imageConfigs: nginx,
      errors: [
        {
          messageId: "shellCmdUnderImage",
          message:
            'This shell-form CMD reaches the ENTRYPOINT ["/docker-entrypoint.sh"] of the base image \'docker.io/library/nginx:1.27\' as the arguments `/bin/sh -c "…"`; write it in exec form (`CMD ["…"]`).',
          line: 2,
          column: 5,
        },
      ],
    },
    {
      name: "on a Windows base image the shell is cmd, or the SHELL",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base
ENTRYPOINT C:\\go\\bin\\go.exe

FROM base
SHELL ["powershell", "-Command"]
ENTRYPOINT ["C:\\\\app.exe"]
CMD serve --port 80
`,
      errors: [
        {
          messageId: "shellEntrypoint",
          message:
            'A shell-form ENTRYPOINT runs as `cmd /S /C "…"`, which ignores `docker run` arguments; write it in exec form (`ENTRYPOINT ["…"]`).',
          line: 2,
        },
        {
          messageId: "shellCmd",
          message:
            'This shell-form CMD reaches the exec-form ENTRYPOINT on line 6 as the arguments `powershell -Command "…"`; write it in exec form (`CMD ["…"]`).',
          line: 7,
        },
      ],
    },
    {
      name: "through a stage of this file, and a base named with a global ARG",
      code: `ARG TAG=1.27
FROM nginx:\${TAG} AS base
RUN true
FROM base
CMD run --fast
`,
      imageConfigs: nginx,
      errors: [{ messageId: "shellCmdUnderImage", line: 5 }],
    },
    {
      name: "a CMD the base image's sh -c entrypoint never reads",
      code: `FROM alpine:3.20
CMD ["--verbose"]
`,
      imageConfigs: shellEntrypoint,
      errors: [{ messageId: "ignoredCmd", line: 2, column: 6 }],
    },
    {
      code: `FROM alpine:3.20
ENTRYPOINT /usr/bin/app --serve
`,
      errors: [{ messageId: "shellEntrypoint", line: 2, column: 12, endColumn: 32 }],
    },
    {
      code: `FROM alpine:3.20
ENTRYPOINT /usr/bin/app
CMD ["--serve"]
`,
      errors: [
        {
          messageId: "shellEntrypoint",
          message:
            'A shell-form ENTRYPOINT runs as `/bin/sh -c "…"`, which ignores `docker run` arguments and the CMD on line 3; write it in exec form (`ENTRYPOINT ["…"]`).',
          line: 2,
          column: 12,
        },
      ],
    },
    {
      code: `FROM alpine:3.20
ENTRYPOINT ["/entrypoint.sh"]
CMD nginx -g "daemon off;"
`,
      errors: [{ messageId: "shellCmd", line: 3, column: 5, endColumn: 27 }],
    },
    {
      name: "shell CMD under an inherited exec ENTRYPOINT",
      code: `FROM alpine:3.20 AS base
ENTRYPOINT ["/entrypoint.sh"]
FROM base
CMD run --fast
`,
      errors: [
        {
          messageId: "shellCmd",
          message:
            'This shell-form CMD reaches the exec-form ENTRYPOINT on line 2 (inherited from stage \'base\') as the arguments `/bin/sh -c "…"`; write it in exec form (`CMD ["…"]`).',
          line: 4,
          column: 5,
        },
      ],
    },
    {
      code: `FROM alpine:3.20 AS Base
CMD ["serve"]
FROM base AS app
ENTRYPOINT ["/app"]
`,
      errors: [
        {
          messageId: "droppedCmd",
          message:
            "This ENTRYPOINT clears the CMD inherited from stage 'base' (line 2); set CMD again in this stage if the entrypoint needs it.",
          line: 4,
          column: 1,
          endColumn: 11,
        },
      ],
    },
    {
      name: "a CMD inherited over two stages",
      code: `FROM alpine:3.20 AS a
CMD ["serve"]
FROM a AS b
RUN true
FROM b
ENTRYPOINT ["/app"]
`,
      errors: [{ messageId: "droppedCmd", line: 6 }],
    },
  ],
});
