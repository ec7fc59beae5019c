import { expandWord, type Range } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { findVarRefs, guardedForm, locateRefs } from "./utils/stage-env.js";
import { nearMiss } from "./utils/near-miss.js";

const messages = {
  undeclared: (name: string) =>
    `'$${name}' is not a global ARG: declare 'ARG ${name}' before the first FROM, or it expands to an empty string.`,
  undeclaredGuarded: (name: string, form: string) =>
    `'$${name}' is not a global ARG, so '${form}' always takes its unset branch; declare 'ARG ${name}' before the first FROM if a build should set it.`,
  typo: (name: string, suggestion: string) =>
    `'$${name}' is not a global ARG; did you mean '$${suggestion}'?`,
};

export default defineRule({
  id: "undefined-arg-in-from",
  title: "Declare the ARGs that FROM uses before the first FROM",
  severity: "warning",
  fixable: false,
  markupReach: "control-lines",
  aliases: { buildkit: "UndefinedArgInFrom" },
  docs: {
    rationale:
      "`FROM` (its image and its `--platform`) can only use global ARGs, declared before the first `FROM`, and the ARGs BuildKit predefines (`BUILDPLATFORM`, `TARGETPLATFORM`, `TARGETARCH`, …). " +
      "Any other variable expands to an empty string, and `--build-arg` cannot set it either, since BuildKit ignores build arguments that no ARG declares. " +
      "ARGs and ENVs declared inside a stage are not visible to any `FROM`.",
    limitations:
      "Near misses are looked for among the first 100 undeclared names of a file; later ones are reported without a suggestion.",
    bad: [
      "FROM node:${NODE_VERSION}-alpine\n",
      `ARG VARIANT=alpine
FROM python:3.12-\${VARIANT}
ARG PLATFORM
FROM --platform=$PLATFORM python:3.12
`,
      "FROM --platform=$BUILDPLATFROM golang:1.23 AS build\n",
    ],
    good: [
      `ARG NODE_VERSION=22
FROM node:\${NODE_VERSION}-alpine
`,
      "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
      `ARG DEBUG
FROM alpine\${DEBUG}:3.20
`,
    ],
    seeAlso: ["undefined-var", "invalid-default-arg-in-from"],
  },
  messages,
  state: makeState,
  visitor: {
    From(node, ctx) {
      if (ctx.isTrigger(node)) return;
      // Ranges are made when read: only a value with a variable needs one.
      for (const flag of node.flags) {
        if (flag.name === "platform" && flag.value?.includes("$") && flag.valueRange)
          check(ctx, flag.value, flag.valueRange);
      }
      if (node.image?.value.includes("$")) check(ctx, node.image.value, node.image.range);
    },
  },
});

/** What the rule keeps of one file. */
function makeState() {
  return {
    // The names FROM may use: made on the first FROM that uses a variable (most files have none).
    known: undefined as Set<string> | undefined,
    /** Near-miss searches so far (`nearMiss`). */
    searches: 0,
  };
}

type State = ReturnType<typeof makeState>;

/** Reports the variables in `text` (a FROM's image or platform, at `range`) that are not global ARGs. */
function check(
  ctx: RuleContext<typeof messages, Record<string, unknown>, State>,
  text: string,
  range: Range,
): void {
  if (!text.includes("$")) return;
  const meta = ctx.semantic.globals;
  const names = (ctx.state.known ??= new Set([...meta.declared, ...meta.env.keys()]));
  const result = expandWord(text, meta.env, { escape: ctx.ast.escapeChar });
  const missing = new Set(result.missing.filter((name) => !names.has(name)));
  if (missing.size === 0) return;
  const source = ctx.source.slice(range.start.offset, range.end.offset);
  const located = locateRefs(text, findVarRefs(text, ctx.ast.escapeChar), source, range.start.offset);
  for (const name of missing) {
    const use = located.find((l) => l.ref.name === name && l.start !== null);
    const at = use ? ctx.rangeOf(use.start!, use.end!) : range;
    const suggestion = nearMiss(ctx.state, name, () =>
      [...meta.declared, ...ctx.semantic.predefined.keys()].sort(),
    );
    const form = guardedForm(
      located.filter((l) => l.ref.name === name),
      text,
    );
    if (suggestion) ctx.report(at, "typo", name, suggestion);
    else if (form !== null) ctx.report(at, "undeclaredGuarded", name, form);
    else ctx.report(at, "undeclared", name);
  }
}
