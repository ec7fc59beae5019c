import { defineRule } from "../rule.js";
import { findCommands } from "../shell/lexer.js";
import { operands } from "../shell/options.js";
import { hasCacheMount, runShell } from "../shell/run.js";
import { apkCacheDir, apkCacheMounts, apkCommands, apkFillsCache } from "../shell/tools/apk.js";

export default defineRule({
  id: "no-leftover-apk-cache",
  title: "Run apk add with --no-cache",
  severity: "info",
  fixable: "unsafe",
  markupReach: "rest-of-instruction",
  aliases: {
    hadolint: "DL3019",
    trivy: "DS-0025",
    kics: "ae9c56a6-3ed1-4ac0-9b54-31267f51151d",
    semgrep: "missing-apk-no-cache",
  },
  docs: {
    rationale:
      "`apk add` keeps the package index it downloads in `/var/cache/apk`, which then stays in the layer. " +
      "`apk add --no-cache` fetches the index, installs, and keeps nothing, so there is no need for `apk update` or for removing the cache afterwards.",
    limitations:
      "A `RUN` that removes `/var/cache/apk/*` itself, or mounts a cache there, is accepted. " +
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on (an ONBUILD trigger always).",
    hadolintDifferences:
      "an `apk update` whose index no command of the RUN removes is reported too, even when every `apk add` has `--no-cache`, since the index it fetched stays in the layer. " +
      "A stage that only feeds `COPY --from` is not checked, since its index reaches no image.",
    bad: [
      `FROM alpine:3.20
RUN apk update && apk add curl=8.9.1-r1
`,
      `FROM alpine:3.20
RUN apk update && apk add --no-cache curl=8.9.1-r1
`,
    ],
    good: [
      `FROM alpine:3.20
RUN apk add --no-cache curl=8.9.1-r1
`,
      `FROM alpine:3.20
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r1
`,
    ],
  },
  messages: {
    cache: () => "'apk add' keeps the package index in the layer; add --no-cache.",
    update: () =>
      "'apk update' leaves the package index in the layer; drop it and use 'apk add --no-cache', or remove /var/cache/apk/* in the same RUN.",
  },
  visitor: {
    Run(node, ctx) {
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, ...apkCacheMounts)) return;
      const shell = runShell(node, ctx);
      const cleaned = findCommands(shell.commands, "rm").some((rm) =>
        operands(rm).some(
          (w) =>
            w.value === apkCacheDir ||
            w.value.startsWith(`${apkCacheDir}/`) ||
            /^\/var\/cache\/?\*?$/.test(w.value),
        ),
      );
      if (cleaned) return;
      const apks = apkCommands(shell.commands);
      let reported = false;
      for (const { command, verb } of apks) {
        if (verb?.value !== "add" || !apkFillsCache(command, verb.value)) continue;
        const [start, end] = shell.span(verb.start, verb.end);
        const exact = node.form === "shell" && ctx.source.slice(start, end) === verb.raw;
        ctx.report(
          {
            at: ctx.rangeOf(start, end),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " --no-cache" } : undefined,
          },
          "cache",
        );
        reported = true;
      }
      // `apk update` writes the index on its own; once an `apk add` is reported, that finding covers it.
      if (reported) return;
      for (const { command, verb } of apks) {
        // `apk update --no-cache` reads the index from the repository and writes none.
        if (verb?.value !== "update" || !apkFillsCache(command, verb.value)) continue;
        const [start, end] = shell.span(verb.start, verb.end);
        ctx.report(ctx.rangeOf(start, end), "update");
      }
    },
  },
});
