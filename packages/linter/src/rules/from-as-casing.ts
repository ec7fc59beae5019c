import { defineRule } from "../rule.js";

export default defineRule({
  id: "from-as-casing",
  title: "Write AS in the same case as FROM",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "FromAsCasing" },
  docs: {
    rationale:
      "Instruction keywords are case-insensitive, and so is `AS`, but mixing cases (`FROM x as y`, `from x AS y`) makes a file harder to read and to search. " +
      "When `FROM` is all uppercase or all lowercase, `AS` should be too. " +
      "A mixed-case keyword such as `From` is left to `consistent-instruction-casing`.",
    bad: ["FROM node:22 as build\n", "from node:22 AS build\n"],
    good: ["FROM node:22 AS build\n", "from node:22 as build\n"],
    seeAlso: ["consistent-instruction-casing"],
  },
  messages: {
    mismatch: (as: string, from: string) => `'${as}' and '${from}' keywords' casing do not match.`,
  },
  visitor: {
    From(node, ctx) {
      const as = node.asKeyword;
      // Without `as` in any case the line is a syntax error (often a template placeholder), reported by syntax-error.
      if (!as || as.value.toLowerCase() !== "as" || !node.stageName || ctx.isTrigger(node)) return;
      const from = node.keyword.text;
      const lower = from === from.toLowerCase();
      const upper = from === from.toUpperCase();
      if (!lower && !upper) return;
      const wanted = lower ? as.value.toLowerCase() : as.value.toUpperCase();
      if (as.value === wanted) return;
      const raw = ctx.source.slice(as.range.start.offset, as.range.end.offset);
      const fix = raw === as.value ? { range: as.range, text: wanted } : undefined;
      ctx.report({ at: as, fix }, "mismatch", as.value, from);
    },
  },
});
