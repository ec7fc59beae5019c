import type { Env, SemanticModel, Stage, Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { findVarRefs, locateRefs } from "./utils/stage-env.js";

/** A name without the quotes BuildKit would remove (names with variables stay as written). */
function nameOf(word: Word): string {
  return word.value.replace(/^(["'])(.*)\1$/s, "$2");
}

export default defineRule({
  id: "no-same-env-reference",
  title: "Do not use a variable in the ENV that defines it",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL3044" },
  docs: {
    rationale:
      "All values of one `ENV` are expanded before any of its variables is set, so in `ENV APP_HOME=/app APP_BIN=$APP_HOME/bin` the `$APP_HOME` is the old value (usually empty), not `/app`. " +
      "Split the `ENV` in two, so that the second one sees the first.",
    limitations:
      "A variable already defined by an earlier `ENV` or `ARG` of the stage (or of a stage it builds on) is not reported, and neither is a variable that refers to itself (`ENV PATH=/opt/bin:$PATH`).",
    bad: [
      `FROM alpine:3.20
ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
`,
    ],
    good: [
      `FROM alpine:3.20
ENV APP_HOME=/app
ENV APP_BIN=$APP_HOME/bin
`,
      `FROM alpine:3.20
ENV PATH=/opt/bin:$PATH LANG=C.UTF-8
`,
    ],
  },
  messages: {
    sameEnv: (name: string) =>
      `'$${name}' is set by this same ENV, which expands it before setting it; move '${name}' to an earlier ENV.`,
  },
  visitor: {
    Env(node, ctx) {
      if (node.pairs.length < 2 || !node.pairs.some((p) => p.value.value.includes("$"))) return;
      const stage = ctx.currentStage();
      if (stage === null || ctx.isTrigger(node)) return;
      const escape = ctx.ast.escapeChar;
      const names = node.pairs.map((p) => nameOf(p.key));
      let defined: Set<string> | undefined;
      node.pairs.forEach((pair, i) => {
        const value = pair.value;
        // Cheap test first: the value must contain another name of this ENV at all.
        if (!value.value.includes("$") || !names.some((n, j) => j !== i && value.value.includes(n))) return;
        const refs = findVarRefs(value.value, escape).filter((ref) => {
          // `PATH=$PATH:/a` reads the old PATH, as meant; an earlier `PATH=…` in the same ENV is not seen yet.
          if (!names.includes(ref.name) || (ref.name === names[i] && !names.slice(0, i).includes(ref.name)))
            return false;
          defined ??= definedBefore(ctx.semantic, stage, node);
          return !defined.has(ref.name);
        });
        if (refs.length === 0) return;
        const start = value.range.start.offset;
        const source = ctx.source.slice(start, value.range.end.offset);
        for (const { ref, start: s, end: e } of locateRefs(value.value, refs, source, start))
          ctx.report(s === null ? value : ctx.rangeOf(s, e), "sameEnv", ref.name);
      });
    },
  },
});

/** The ARG and ENV names set before `node`: earlier in its stage, or anywhere in the stages it builds on. */
function definedBefore(semantic: SemanticModel, stage: Stage, node: Env): Set<string> {
  const names = new Set<string>();
  for (const s of [...semantic.chain(stage), stage]) {
    for (const i of s.instructions) {
      if (i === node) break;
      if (i.type === "Env") for (const p of i.pairs) names.add(nameOf(p.key));
      else if (i.type === "Arg") for (const d of i.declarations) names.add(nameOf(d.name));
    }
  }
  return names;
}
