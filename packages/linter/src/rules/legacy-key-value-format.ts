import type { KeyValue } from "@hull/parser";
import { defineRule, type RuleContext, type TextEdit } from "../rule.js";

const messages = {
  legacy: (keyword: string) =>
    `"${keyword} key=value" should be used instead of the legacy "${keyword} key value" format.`,
};

export default defineRule({
  id: "legacy-key-value-format",
  title: "Write ENV and LABEL as key=value",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "LegacyKeyValueFormat" },
  docs: {
    rationale:
      "The whitespace form `ENV key value` takes everything after the key as the value, so `ENV A 1 B 2` sets one variable `A` to `1 B 2`. " +
      "It allows only one pair per instruction and is deprecated; the `key=value` form is unambiguous.",
    bad: [
      `FROM alpine:3.20
ENV PORT 8080
`,
      `FROM alpine:3.20
LABEL maintainer "Jane Doe"
`,
    ],
    good: [
      `FROM alpine:3.20
ENV PORT=8080
`,
      `FROM alpine:3.20
LABEL maintainer="Jane Doe"
`,
    ],
  },
  messages,
  visitor: { Env: check, Label: check },
});

/** Reports each pair of an ENV or LABEL written in the legacy `key value` form. */
function check(
  node: { legacy: boolean; pairs: readonly KeyValue[]; keyword: { name: string } },
  ctx: RuleContext<typeof messages>,
): void {
  if (!node.legacy) return;
  for (const pair of node.pairs) {
    const fix = ctx.ast.escapeChar === "\\" ? equalsFix(pair, ctx.source) : null;
    ctx.report({ at: pair, fix: fix ?? undefined }, "legacy", node.keyword.name);
  }
}

/** Joins key and value with `=`, quoting the value when it holds spaces; null when that could change its meaning. */
function equalsFix(pair: KeyValue, source: string): TextEdit[] | null {
  const value = source.slice(pair.value.range.start.offset, pair.value.range.end.offset);
  const between = source.slice(pair.key.range.end.offset, pair.value.range.start.offset);
  if (!/^[ \t]+$/.test(between) || value === "") return null;
  const gap = { start: pair.key.range.end, end: pair.value.range.start };
  if (!/\s/.test(value)) return [{ range: gap, text: "=" }];
  // A value with spaces is taken whole by the legacy form; quote it, unless quoting could interact with its own quotes or escapes.
  if (/["'\\\r\n]/.test(value)) return null;
  return [
    { range: gap, text: '="' },
    { range: { start: pair.value.range.end, end: pair.value.range.end }, text: '"' },
  ];
}
