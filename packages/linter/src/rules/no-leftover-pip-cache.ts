import { defineRule } from "../rule.js";
import { hasCacheMount, mountedCacheHolds, runShell, scriptCommands } from "../shell/run.js";
import { removesMatching } from "../shell/tools/coreutils.js";
import {
  pipCacheOffBefore,
  pipCacheDirOf,
  pipCachePath,
  pipCleansCache,
  pipCommand,
  pipFillsCache,
  setsPipNoCacheDir,
} from "../shell/tools/pip.js";

export default defineRule({
  id: "no-leftover-pip-cache",
  title: "Run pip install with --no-cache-dir",
  severity: "warning",
  fixable: "unsafe",
  markupReach: "rest-of-instruction",
  aliases: {
    hadolint: "DL3042",
    kics: "f2f903fb-b977-461e-98d7-b3e2185c6118",
    semgrep: "missing-pip-no-cache-dir",
  },
  docs: {
    rationale:
      "pip keeps every wheel it downloads or builds in `~/.cache/pip`. " +
      "In an image that cache is never used again, but it stays in the layer and can add hundreds of megabytes. " +
      "Pass `--no-cache-dir`, set `PIP_NO_CACHE_DIR=1` with `ENV` or `ARG` (inherited by stages built on this one; pip reads any boolean there, `off` too, as no cache), mount a cache on the cache directory, or empty it before the `RUN` ends (`pip cache purge`, `rm -rf ~/.cache/pip`).",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on (an ONBUILD trigger always). " +
      "A cache folder named by `PIP_CACHE_DIR` or `--cache-dir` counts when a cache or tmpfs mount holds it; an install of the image's own wheel files with `--no-deps` (`pip install --no-deps /wheels/*.whl`) downloads and builds nothing, and is not reported.",
    hadolintDifferences:
      "`PIP_NO_CACHE_DIR` set by an `ARG` counts as well as one set by `ENV`, since a RUN sees the stage's ARGs in its environment. " +
      "A stage that only feeds `COPY --from` is not checked, since its cache reaches no image. " +
      "`PIP_NO_CACHE_DIR=0` (or `off`, `no`, `false`) turns the cache off, as pip reads it (it keeps that inversion for compatibility, pypa/pip#5735), where hadolint takes it for the cache left on. " +
      "A `RUN` that empties the cache before it ends (`pip cache purge`, `rm -rf ~/.cache/pip`) is not reported.",
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
  visitor: {
    Run(node, ctx) {
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, /\/\.cache\/pip$/, /\/\.cache$/)) return;
      const shell = runShell(node, ctx);
      let exported = false;
      // The installs that filled the cache since it was last emptied in this RUN.
      let pending: { start: number; end: number; exact: boolean }[] = [];
      for (const command of scriptCommands(shell)) {
        if (command.name === "export" && command.args.some(setsPipNoCacheDir)) exported = true;
        const pip = pipCommand(command);
        if ((pip && pipCleansCache(pip)) || removesMatching(command, pipCachePath)) pending = [];
        if (!pip || exported || !pipFillsCache(pip)) continue;
        // The stage's ENV and ARGs (its base stages' too), read for the few RUNs that install with pip; a trigger
        // runs in a build whose environment is not known here.
        if (!ctx.isTrigger(node) && pipCacheOffBefore(ctx.semantic, node)) return;
        // PIP_CACHE_DIR or --cache-dir pointing into a cache mount (`target=${PIP_CACHE_DIR}`) leaves nothing behind.
        const env = ctx.isTrigger(node) ? undefined : ctx.semantic.scopeBefore(node)?.env;
        const dir = pipCacheDirOf(pip, env);
        if (
          dir !== null &&
          mountedCacheHolds(node, dir, (t) => ctx.semantic.valueBefore(node, t, { argDefaults: true }))
        )
          continue;
        const verb = pip.verb!;
        const [start, end] = shell.span(verb.start, verb.end);
        pending.push({
          start,
          end,
          exact: node.form === "shell" && ctx.source.slice(start, end) === verb.raw,
        });
      }
      for (const { start, end, exact } of pending)
        ctx.report(
          {
            at: ctx.rangeOf(start, end),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " --no-cache-dir" } : undefined,
          },
          "cache",
        );
    },
  },
});
