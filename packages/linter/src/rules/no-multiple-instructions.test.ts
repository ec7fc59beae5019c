import { describe, expect, it } from "vitest";
import { lint } from "../engine.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-multiple-instructions.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nCMD a\nENTRYPOINT b\nHEALTHCHECK NONE\n",
    { name: "one per stage", code: "FROM alpine AS a\nCMD a\nFROM a\nCMD b\n" },
    { name: "an ONBUILD trigger is not this stage's", code: "FROM alpine\nONBUILD CMD a\nCMD b\n" },
  ],
  invalid: [
    {
      code: "FROM alpine\nCMD a\nCMD b\n",
      errors: [
        {
          messageId: "multiple",
          message:
            "Multiple CMD instructions in the same stage: only the last one takes effect, so this one is ignored.",
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
        { messageId: "multiple", line: 2, column: 1 },
        { messageId: "multiple", line: 3, column: 1, endColumn: 12 },
        { messageId: "multiple", line: 4, column: 1 },
      ],
    },
  ],
});

describe("with cmd-overridden enabled", () => {
  const source = 'FROM node:22\nCMD ["a"]\nCMD ["b"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n';
  it("leaves repeated CMD to cmd-overridden and still reports HEALTHCHECK", () => {
    const { diagnostics } = lint(source, { preset: "recommended" });
    const ids = diagnostics.map((d) => `${d.ruleId}@${d.range.start.line}`);
    expect(ids).toContain("cmd-overridden@2");
    expect(ids).toContain("no-multiple-instructions@4");
    expect(ids).not.toContain("no-multiple-instructions@2");
  });
});
