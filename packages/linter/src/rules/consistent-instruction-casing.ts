import type { Instruction } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "consistent-instruction-casing",
  title: "Write all instruction keywords in the same case",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "ConsistentInstructionCasing" },
  docs: {
    rationale:
      "Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to read and to search.",
    limitations:
      "The file's own majority decides, as in BuildKit: keywords written all in uppercase or all in lowercase are counted, lowercase wins only with a strict majority, and a mixed-case keyword such as `Run` is always reported. " +
      "Like BuildKit, the rule looks at the instructions of the stages (from each `FROM` on), not at `ARG`s before the first `FROM` or the instructions inside `ONBUILD`.",
    bad: [
      `FROM alpine:3.20
RUN apk add curl
run echo done
CMD ["sh"]
`,
      `FROM alpine:3.20
Workdir /app
`,
    ],
    good: [
      `FROM alpine:3.20
RUN apk add curl
CMD ["sh"]
`,
      `from alpine:3.20
run apk add curl
cmd ["sh"]
`,
    ],
    seeAlso: ["from-as-casing"],
  },
  messages: {
    inconsistent: (keyword: string, casing: "lowercase" | "uppercase") =>
      `Instruction '${keyword}' should be ${casing} like the majority of instructions in this file.`,
  },
  visitor: {
    Dockerfile(ast, ctx) {
      const keywords: Instruction["keyword"][] = [];
      for (const stage of ast.stages) {
        keywords.push(stage.from.keyword);
        // Unknown keywords make BuildKit stop before its checks; ONBUILD triggers stay nested, as in BuildKit.
        for (const node of stage.instructions) if (node.type !== "Unknown") keywords.push(node.keyword);
      }
      let lower = 0;
      let upper = 0;
      for (const { text } of keywords) {
        if (text === text.toLowerCase()) lower++;
        else if (text === text.toUpperCase()) upper++;
      }
      const majorityLower = lower > upper;
      for (const keyword of keywords) {
        const wanted = majorityLower ? keyword.text.toLowerCase() : keyword.text.toUpperCase();
        if (keyword.text === wanted) continue;
        ctx.report(
          { at: keyword, fix: { range: keyword.range, text: wanted } },
          "inconsistent",
          keyword.text,
          majorityLower ? "lowercase" : "uppercase",
        );
      }
    },
  },
});
