import { ruleTester } from "../testing/rule-tester.js";
import rule from "./prefer-json-args.js";

ruleTester.run(rule, {
  valid: [
    'FROM alpine\nCMD ["a", "b"]\nENTRYPOINT ["c"]\n',
    { name: "SHELL set before", code: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n' },
    {
      name: "SHELL inherited from a base stage",
      code: 'FROM alpine AS base\nCMD ["x"]\nSHELL ["/bin/ash", "-c"]\nFROM base\nENTRYPOINT echo hi\n',
    },
    {
      name: "SHELL from the base stage's ONBUILD",
      code: 'FROM alpine AS base\nONBUILD SHELL ["/bin/ash", "-c"]\nFROM base\nCMD echo hi\n',
    },
    { name: "an ONBUILD trigger runs elsewhere", code: "FROM alpine\nONBUILD CMD echo hi\n" },
    {
      name: "RUN and HEALTHCHECK are not checked",
      code: "FROM alpine\nRUN echo hi\nHEALTHCHECK CMD curl -f http://x/\n",
    },
  ],
  invalid: [
    {
      code: "FROM alpine\nCMD node server.js\n",
      errors: [
        {
          messageId: "shellForm",
          message:
            "Use the JSON form for CMD: in shell form, /bin/sh is PID 1 and does not pass signals such as SIGTERM to the program.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
        },
      ],
      output: 'FROM alpine\nCMD ["node", "server.js"]\n',
    },
    {
      name: "SHELL after the CMD does not count",
      code: 'FROM alpine\nCMD run --port=8080\nSHELL ["/bin/ash", "-c"]\n',
      errors: [{ messageId: "shellForm", line: 2, column: 5 }],
      output: 'FROM alpine\nCMD ["run", "--port=8080"]\nSHELL ["/bin/ash", "-c"]\n',
    },
    {
      name: "a SHELL in another stage that is not the base",
      code: 'FROM alpine AS a\nSHELL ["/bin/ash", "-c"]\nFROM alpine\nentrypoint my-program start\n',
      errors: [
        {
          messageId: "shellForm",
          message:
            "Use the JSON form for ENTRYPOINT: in shell form, /bin/sh is PID 1 and does not pass signals such as SIGTERM to the program.",
          line: 4,
          column: 12,
        },
      ],
      output: null,
    },
    {
      name: "no fix for shell syntax",
      code: 'FROM alpine\nCMD echo "$HOME" && exec app\n',
      errors: [{ messageId: "shellForm", line: 2 }],
      output: null,
    },
    { name: "no fix for a shell builtin", code: "FROM alpine\nCMD exec app\n", errors: 1, output: null },
    { name: "no fix for an env assignment", code: "FROM alpine\nCMD DEBUG=1 app\n", errors: 1, output: null },
    {
      name: "no fix when an ENTRYPOINT receives the CMD",
      code: 'FROM alpine\nENTRYPOINT ["tini", "--"]\nCMD app serve\n',
      errors: 1,
      output: null,
    },
    {
      name: "no fix over continuation lines",
      code: "FROM alpine\nCMD app \\\n  serve\n",
      errors: [{ messageId: "shellForm", line: 2, column: 5, endLine: 3, endColumn: 8 }],
      output: null,
    },
    {
      name: "a stage built on a stage without SHELL",
      code: "FROM alpine AS base\nFROM base\nCMD app\n",
      errors: 1,
      output: 'FROM alpine AS base\nFROM base\nCMD ["app"]\n',
    },
  ],
});
