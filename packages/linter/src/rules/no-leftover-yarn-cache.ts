import { defineRule } from "../rule.js";
import { commandWord } from "../shell/lexer.js";
import { hasCacheMount, runShell, scriptCommands, scriptRange } from "../shell/run.js";
import { yarnCacheMounts, yarnCommands, yarnOwnCacheFolder } from "../shell/tools/npm.js";

export default defineRule({
  id: "no-leftover-yarn-cache",
  title: "Clean the yarn cache in the RUN that installs",
  severity: "info",
  fixable: false,
  markupReach: "rest-of-instruction",
  aliases: { hadolint: "DL3060" },
  docs: {
    rationale:
      "`yarn install` copies every package it downloads into its global cache, which stays in the layer: the image carries each dependency twice. " +
      "End the `RUN` with `yarn cache clean`, or mount a cache on the cache directory.",
    limitations:
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on.",
    hadolintDifferences:
      "hadolint also checks a stage that a later `FROM` builds on when that chain of stages only feeds `COPY --from`; hull does not, since those files reach no image. A cache mount on a project's own berry cache (`…/.yarn/cache`) counts too.",
    bad: [
      `FROM node:22
RUN yarn install --frozen-lockfile
`,
    ],
    good: [
      `FROM node:22
RUN yarn install --frozen-lockfile && yarn cache clean
`,
      `FROM node:22
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
`,
      `FROM node:22 AS build
RUN yarn install --frozen-lockfile && yarn build
FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
`,
    ],
  },
  messages: {
    cache: () =>
      "'yarn install' leaves its package cache in the layer; run 'yarn cache clean' in the same RUN.",
  },
  visitor: {
    Run(node, ctx) {
      if (!ctx.isTrigger(node) && !ctx.semantic.isKept(ctx.currentStage())) return;
      if (hasCacheMount(node, ...yarnCacheMounts)) return;
      const shell = runShell(node, ctx);
      const yarns = yarnCommands(scriptCommands(shell));
      // A clean empties what the installs before it put in the cache: only the installs after the last one stay.
      const lastClean = yarns.findLastIndex(
        (c) => c.verb?.value === "cache" && c.operands[0]?.value === "clean",
      );
      for (const { command, verb } of yarns.slice(lastClean + 1)) {
        if (verb?.value !== "install") continue;
        if (yarnOwnCacheFolder(command)) continue;
        const name = commandWord(command)!;
        ctx.report(scriptRange(ctx, shell, { start: name.start, end: verb.end }), "cache");
      }
    },
  },
});
