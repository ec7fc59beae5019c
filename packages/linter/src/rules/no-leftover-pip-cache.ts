import type { Stage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { hasCacheMount, runShell, scriptCommands } from "../shell/run.js";
import { pipCommand } from "../shell/tools/pip.js";

const TRUTHY = /^(?:1|true|yes|on|y)$/i;

export default defineRule({
  id: "no-leftover-pip-cache",
  title: "Run pip install with --no-cache-dir",
  severity: "warning",
  fixable: "unsafe",
  aliases: {
    hadolint: "DL3042",
    kics: "f2f903fb-b977-461e-98d7-b3e2185c6118",
    semgrep: "missing-pip-no-cache-dir",
  },
  docs: {
    rationale:
      "pip keeps every wheel it downloads or builds in `~/.cache/pip`. " +
      "In an image that cache is never used again, but it stays in the layer and can add hundreds of megabytes. " +
      "Pass `--no-cache-dir`, set `PIP_NO_CACHE_DIR=1` with `ENV` or `ARG` (inherited by stages built on this one), or mount a cache on the cache directory.",
    hadolintDifferences:
      "`PIP_NO_CACHE_DIR` set by an `ARG` counts as well as one set by `ENV`, since a RUN sees the stage's ARGs in its environment.",
    bad: [
      `FROM python:3.12
RUN pip install -r requirements.txt
`,
    ],
    good: [
      `FROM python:3.12
RUN pip install --no-cache-dir -r requirements.txt
`,
      `FROM python:3.12
ENV PIP_NO_CACHE_DIR=1
RUN pip install -r requirements.txt
`,
      `FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
`,
    ],
  },
  messages: {
    cache: () => "'pip install' keeps its download cache in the layer; add --no-cache-dir.",
  },
  state: () => ({
    /** Whether PIP_NO_CACHE_DIR is set, per stage index (inherited from the stage a FROM names). */
    noCache: new Map<number, boolean>(),
  }),
  visitor: {
    Stage(stage, ctx) {
      // An ARG before the first FROM is not visible to RUN, so every stage starts unset unless it inherits.
      const preamble = false;
      const parent = ctx.semantic.baseOf(stage);
      ctx.state.noCache.set(stage.index, parent ? (ctx.state.noCache.get(parent.index) ?? false) : preamble);
    },
    Env(node, ctx) {
      if (ctx.isTrigger(node)) return;
      for (const pair of node.pairs)
        if (pair.key.value === "PIP_NO_CACHE_DIR") set(ctx, TRUTHY.test(pair.value.value));
    },
    Arg(node, ctx) {
      if (ctx.isTrigger(node)) return;
      for (const d of node.declarations) {
        if (d.name.value === "PIP_NO_CACHE_DIR" && d.defaultValue)
          set(ctx, TRUTHY.test(d.defaultValue.value));
      }
    },
    Run(node, ctx) {
      const stage = ctx.currentStage();
      if (stage && ctx.state.noCache.get(stage.index) && !ctx.isTrigger(node)) return;
      if (hasCacheMount(node, /\/\.cache\/pip$/, /\/\.cache$/)) return;
      const shell = runShell(node, ctx);
      let exported = false;
      for (const command of scriptCommands(shell)) {
        if (
          command.name === "export" &&
          command.args.some((a) => /^PIP_NO_CACHE_DIR=(?:1|true|yes|on)$/i.test(a.value))
        )
          exported = true;
        const pip = pipCommand(command);
        // `uv pip` keeps its own cache, which `--no-cache-dir` does not address.
        if (!pip || pip.runner === "uv" || exported) continue;
        const { verb } = pip;
        if (verb?.value !== "install") continue;
        const inline = command.words.some(
          (w) => /^PIP_NO_CACHE_DIR=/.test(w.value) && TRUTHY.test(w.value.slice(17)),
        );
        if (
          inline ||
          pip.args.some((a) => a.value === "--no-cache-dir" || a.value.startsWith("--no-cache-dir="))
        )
          continue;
        const [start, end] = shell.span(verb.start, verb.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === verb.raw;
        ctx.report(
          {
            at: ctx.rangeOf(start, end),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " --no-cache-dir" } : undefined,
          },
          "cache",
        );
      }
    },
  },
});

/** Records whether PIP_NO_CACHE_DIR is set in the current stage. */
function set(
  ctx: { readonly state: { noCache: Map<number, boolean> }; currentStage(): Stage | null },
  value: boolean,
): void {
  const stage = ctx.currentStage();
  if (stage) ctx.state.noCache.set(stage.index, value);
}
