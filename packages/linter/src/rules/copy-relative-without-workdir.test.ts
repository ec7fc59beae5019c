import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-relative-without-workdir.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nCOPY a /a\n",
    "FROM alpine\nWORKDIR /app\nCOPY a .\n",
    'FROM alpine\nCOPY a "/a"\n',
    "FROM alpine\nCOPY a $HOME/\n",
    "FROM alpine\nCOPY a ${APP_DIR}\n",
    "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a C:/app/\n",
    "FROM alpine AS base\nWORKDIR /app\nFROM base AS mid\nFROM mid\nCOPY a .\n",
    "FROM alpine AS base\nCOPY a /a\nWORKDIR /app\nFROM base\nCOPY b b\n",
    "FROM alpine\nONBUILD COPY a .\n",
    'FROM alpine\nCOPY ["a", "/a/"]\n',
    'FROM alpine\nCOPY a "$APP"/config\n',
    "FROM scratch\nCOPY a .\n",
    "FROM scratch AS base\nFROM base\nFROM alpine\nWORKDIR /x\nFROM base\nCOPY a b\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nCOPY a .\n",
      errors: [
        {
          messageId: "relative",
          message:
            "COPY to the relative destination '.' with no WORKDIR set in this stage; set WORKDIR or use an absolute path.",
          line: 2,
          column: 8,
          endColumn: 9,
        },
      ],
    },
    {
      name: "WORKDIR after the COPY does not help",
      code: "FROM alpine\nADD a.tgz app/\nWORKDIR /app\n",
      errors: [{ messageId: "relative", line: 2, column: 11, endColumn: 15 }],
    },
    {
      name: "a WORKDIR in an unrelated stage does not count",
      code: "FROM alpine AS a\nWORKDIR /app\nFROM alpine\nCOPY --from=a x x\n",
      errors: [{ messageId: "relative", line: 4, column: 17 }],
    },
    {
      name: "a WORKDIR inside ONBUILD does not count",
      code: "FROM alpine\nONBUILD WORKDIR /app\nCOPY a ./\n",
      errors: [{ messageId: "relative", line: 3, column: 8 }],
    },
    {
      code: 'FROM alpine\nCOPY ["a", "app/"]\n',
      errors: [{ messageId: "relative", line: 2, column: 12, endColumn: 18 }],
    },
  ],
});
