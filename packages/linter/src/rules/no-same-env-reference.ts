import { PersistentSet, type SemanticModel, type Stage, type Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { findVarRefs, locateRefs } from "./utils/stage-env.js";
import { unquote } from "./utils/instruction-text.js";

/** A name without the quotes BuildKit would remove (names with variables stay as written). */
function nameOf(word: Word): string {
  return unquote(word.value);
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
  // Made on the first reference to a name of the same ENV, and kept for the file: each stage is read once.
  state: (): Defined => ({ own: new Map(), chains: new Map() }),
  visitor: {
    Env(node, ctx) {
      if (node.pairs.length < 2 || !node.pairs.some((p) => p.value.value.includes("$"))) return;
      const stage = ctx.currentStage();
      if (stage === null || ctx.isTrigger(node)) return;
      const escape = ctx.ast.escapeChar;
      const names = node.pairs.map((p) => nameOf(p.key));
      node.pairs.forEach((pair, i) => {
        const value = pair.value;
        // Cheap test first: the value must contain another name of this ENV at all.
        if (!value.value.includes("$") || !names.some((n, j) => j !== i && value.value.includes(n))) return;
        const refs = findVarRefs(value.value, escape).filter((ref) => {
          // `PATH=$PATH:/a` reads the old PATH, as meant; an earlier `PATH=…` in the same ENV is not seen yet.
          if (!names.includes(ref.name) || (ref.name === names[i] && !names.slice(0, i).includes(ref.name)))
            return false;
          return !definedBefore(ctx.state, ctx.semantic, stage, node.range.start.offset, ref.name);
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

/** What the rule knows of the file's definitions, read once per stage when first needed. */
interface Defined {
  /** For each stage read so far, the offset of the first ENV or ARG that sets each name in it. */
  own: Map<Stage, Map<string, number>>;
  /** For each stage, the names its ENVs and ARGs and those of the stages it builds on set. */
  chains: Map<Stage, PersistentSet>;
}

/**
 * True when an ARG or ENV sets `name` before `offset`: earlier in its stage, or anywhere in the stages it builds on.
 * Each stage's names are read once, and each chain's set is made from its base's: a file of many ENVs that refer to
 * their own names, or a long chain of stages, costs no more than one reading of each.
 */
function definedBefore(
  state: Defined,
  semantic: SemanticModel,
  stage: Stage,
  offset: number,
  name: string,
): boolean {
  const first = ownNames(state, stage).get(name);
  if (first !== undefined && first < offset) return true;
  const base = semantic.baseOf(stage);
  return base !== null && chainNames(state, semantic, base).has(name);
}

/** The names a stage's own ENVs and ARGs set, each with the offset of its first setting. */
function ownNames(state: Defined, stage: Stage): Map<string, number> {
  let names = state.own.get(stage);
  if (!names) {
    names = new Map();
    for (const i of stage.instructions) {
      const keys =
        i.type === "Env"
          ? i.pairs.map((p) => p.key)
          : i.type === "Arg"
            ? i.declarations.map((d) => d.name)
            : [];
      for (const key of keys) {
        const n = nameOf(key);
        if (!names.has(n)) names.set(n, i.range.start.offset);
      }
    }
    state.own.set(stage, names);
  }
  return names;
}

/** The names set in a stage and in the stages it builds on; the chain is walked from its oldest stage, without recursion. */
function chainNames(state: Defined, semantic: SemanticModel, stage: Stage): PersistentSet {
  const pending: Stage[] = [];
  for (let s: Stage | null = stage; s && !state.chains.has(s); s = semantic.baseOf(s)) pending.push(s);
  for (let k = pending.length - 1; k >= 0; k--) {
    const s = pending[k]!;
    const base = semantic.baseOf(s);
    let names = base ? state.chains.get(base)! : PersistentSet.empty();
    for (const n of ownNames(state, s).keys()) names = names.add(n);
    state.chains.set(s, names);
  }
  return state.chains.get(stage)!;
}
