import { ruleTester } from "../testing/rule-tester.js";
import rule from "./workdir-relative-path.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nWORKDIR /app\n",
    { name: "only the first WORKDIR counts", code: "FROM alpine\nWORKDIR /app\nWORKDIR src\n" },
    {
      name: "inherited from a base stage",
      code: "FROM alpine AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n",
    },
    {
      name: "inherited through two stages",
      code: "FROM alpine AS a\nWORKDIR /app\nFROM a AS b\nFROM b\nWORKDIR src\n",
    },
    {
      name: "Windows paths",
      code: 'FROM mcr.microsoft.com/windows/nanoserver\nWORKDIR C:\\app\nFROM alpine\nWORKDIR "C:/app"\nFROM alpine\nWORKDIR \\app\n',
    },
    { name: "a variable set in the stage", code: "FROM alpine\nARG DIR=/srv\nWORKDIR ${DIR}/app\n" },
    { name: "a variable this file does not set", code: "FROM golang\nWORKDIR $GOPATH/src/app\n" },
    {
      name: "a global ARG brought into the stage",
      code: "ARG DIR=/opt\nFROM alpine\nARG DIR\nWORKDIR $DIR\n",
    },
  ],
  invalid: [
    {
      code: "FROM alpine\nWORKDIR app\n",
      errors: [
        {
          messageId: "relative",
          message:
            "Relative WORKDIR 'app' depends on the base image's working directory; set an absolute path first.",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      name: "the first one only, even when later ones are relative too",
      code: "FROM alpine\nWORKDIR app\nWORKDIR src\n",
      errors: [{ messageId: "relative", line: 2 }],
    },
    {
      name: "a base stage that sets no WORKDIR",
      code: "FROM alpine AS base\nRUN true\nFROM base\nworkdir ./app\n",
      errors: [{ messageId: "relative", line: 4, column: 9 }],
    },
    {
      name: "a variable that expands to a relative path",
      code: "FROM alpine\nENV DIR=app\nWORKDIR $DIR/src\n",
      errors: [
        {
          messageId: "relative",
          message:
            "Relative WORKDIR 'app/src' depends on the base image's working directory; set an absolute path first.",
        },
      ],
    },
    {
      name: "each stage chain on its own",
      code: "FROM alpine AS a\nWORKDIR /app\nFROM alpine\nWORKDIR app\n",
      errors: [{ messageId: "relative", line: 4 }],
    },
  ],
});
