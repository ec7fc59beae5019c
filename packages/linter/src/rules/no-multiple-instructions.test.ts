import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-multiple-instructions.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nCMD a\nENTRYPOINT b\nHEALTHCHECK NONE\n",
    { name: "one per stage", code: "FROM alpine AS a\nCMD a\nFROM a\nCMD b\n" },
    { name: "an ONBUILD trigger is not this stage's", code: "FROM alpine\nONBUILD CMD a\nCMD b\n" },
    {
      name: "template branches",
      code: 'FROM alpine:3.20\n<% if (a) { %>\nCMD ["a"]\n<% } else { %>\nCMD ["b"]\n<% } %>\n',
      allowSyntaxErrors: true,
    },
    {
      name: "BuildKit's check name silences it",
      code: '# check=skip=MultipleInstructionsDisallowed\nFROM alpine\nCMD ["a"]\nCMD ["b"]\n',
    },
    {
      name: "hadolint's CMD code silences a repeated CMD",
      code: 'FROM alpine\n# hadolint ignore=DL4003\nCMD ["a"]\nCMD ["b"]\n',
    },
    {
      name: "hadolint's ENTRYPOINT code silences a repeated ENTRYPOINT",
      code: 'FROM alpine\n# hadolint ignore=DL4004\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
    },
  ],
  invalid: [
    {
      code: "FROM alpine\nCMD a\nCMD b\n",
      errors: [
        {
          messageId: "overridden",
          message: "This CMD has no effect: the CMD on line 3 replaces it.",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 4,
        },
      ],
    },
    {
      name: "every earlier one, each kind on its own",
      code: "FROM alpine\nENTRYPOINT a\nHEALTHCHECK CMD x\nentrypoint b\nHEALTHCHECK NONE\nENTRYPOINT c\n",
      errors: [
        {
          messageId: "overridden",
          message: "This ENTRYPOINT has no effect: the ENTRYPOINT on line 6 replaces it.",
          line: 2,
          column: 1,
        },
        { messageId: "overridden", line: 3, column: 1, endColumn: 12 },
        { messageId: "overridden", line: 4, column: 1 },
      ],
    },
    {
      code: 'FROM alpine:3.20\nCMD ["a"]\ncmd ["b"]\nCMD ["c"]\n',
      errors: [
        { messageId: "overridden", line: 2, column: 1, endColumn: 4 },
        { messageId: "overridden", line: 3, column: 1, endColumn: 4 },
      ],
    },
  ],
});
