import { ruleTester } from "../testing/rule-tester.js";
import rule from "./cmd-overridden.js";

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nCMD ["sh"]\n',
    'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["--help"]\n',
    "FROM alpine:3.20\nCMD echo hello\n",
    "FROM alpine:3.20\nENTRYPOINT []\nCMD echo hello\n",
    'FROM alpine:3.20\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n',
    {
      name: "a shell entrypoint that passes its arguments on",
      code: 'FROM alpine:3.20\nENTRYPOINT exec /app "$@"\n',
    },
    { name: "an ONBUILD CMD is the child image's", code: 'FROM alpine:3.20\nCMD ["a"]\nONBUILD CMD ["b"]\n' },
    { name: "the base image's CMD is unknown", code: 'FROM node:22\nENTRYPOINT ["node"]\n' },
    {
      name: "CMD set before ENTRYPOINT is kept",
      code: 'FROM alpine:3.20 AS base\nCMD ["a"]\nFROM base\nCMD ["b"]\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "the base stage has no CMD",
      code: 'FROM alpine:3.20 AS base\nRUN true\nFROM base\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "an empty inherited CMD",
      code: 'FROM alpine:3.20 AS base\nCMD []\nFROM base\nENTRYPOINT ["/app"]\n',
    },
    {
      name: "template branches",
      code: 'FROM alpine:3.20\n<% if (a) { %>\nCMD ["a"]\n<% } else { %>\nCMD ["b"]\n<% } %>\n',
      allowSyntaxErrors: true,
    },
    { name: "a templated CMD", code: 'FROM alpine:3.20\nENTRYPOINT ["/e.sh"]\nCMD {{ env.cmd }}\n' },
    {
      name: "inherited exec entrypoint, exec CMD",
      code: 'FROM alpine:3.20 AS base\nENTRYPOINT ["/app"]\nFROM base\nCMD ["x"]\n',
    },
    {
      name: "a repeated CMD is no-multiple-instructions' finding; only the last one is checked here",
      code: 'FROM alpine:3.20\nENTRYPOINT ["/e.sh"]\nCMD a\nCMD ["b"]\n',
    },
  ],
  invalid: [
    {
      code: "FROM alpine:3.20\nENTRYPOINT /usr/bin/app --serve\n",
      errors: [{ messageId: "shellEntrypoint", line: 2, column: 12, endColumn: 32 }],
    },
    {
      code: 'FROM alpine:3.20\nENTRYPOINT /usr/bin/app\nCMD ["--serve"]\n',
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
      code: 'FROM alpine:3.20\nENTRYPOINT ["/entrypoint.sh"]\nCMD nginx -g "daemon off;"\n',
      errors: [{ messageId: "shellCmd", line: 3, column: 5, endColumn: 27 }],
    },
    {
      name: "shell CMD under an inherited exec ENTRYPOINT",
      code: 'FROM alpine:3.20 AS base\nENTRYPOINT ["/entrypoint.sh"]\nFROM base\nCMD run --fast\n',
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
      code: 'FROM alpine:3.20 AS Base\nCMD ["serve"]\nFROM base AS app\nENTRYPOINT ["/app"]\n',
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
      code: 'FROM alpine:3.20 AS a\nCMD ["serve"]\nFROM a AS b\nRUN true\nFROM b\nENTRYPOINT ["/app"]\n',
      errors: [{ messageId: "droppedCmd", line: 6 }],
    },
  ],
});
