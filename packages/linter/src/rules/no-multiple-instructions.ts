import type { Instruction } from "@hull/parser";
import { defineRule } from "../rule.js";

const once = new Set(["Cmd", "Entrypoint", "Healthcheck"]);

export default defineRule({
  id: "no-multiple-instructions",
  title: "Use CMD, ENTRYPOINT and HEALTHCHECK at most once per stage",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: ["DL4003", "DL4004", "DL3012"],
    buildkit: "MultipleInstructionsDisallowed",
    trivy: ["DS-0007", "DS-0016", "DS-0023"],
    semgrep: ["multiple-entrypoint-instructions", "multiple-cmd-instructions"],
  },
  docs: {
    rationale:
      "`CMD`, `ENTRYPOINT` and `HEALTHCHECK` each set one field of the image config, so only the last one of a stage takes effect and the earlier ones are dead code. " +
      "This is BuildKit's check exactly: it reports every earlier one of the same kind in the same stage, and nothing else. " +
      "`cmd-overridden` goes further for `CMD` and `ENTRYPOINT`: it also reports a shell-form `ENTRYPOINT` that ignores `CMD`, a shell-form `CMD` passed to an exec-form `ENTRYPOINT`, and an `ENTRYPOINT` that drops an inherited `CMD`. " +
      "When `cmd-overridden` runs, it reports repeated `CMD` and `ENTRYPOINT` (naming the one that wins) and this rule reports only repeated `HEALTHCHECK`, so one mistake gives one finding.",
    bad: [
      'FROM node:22\nCMD ["node", "server.js"]\nCMD ["node", "worker.js"]\n',
      "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n",
    ],
    good: [
      'FROM node:22\nCMD ["node", "server.js"]\n',
      'FROM node:22 AS base\nCMD ["node", "server.js"]\n\nFROM base\nCMD ["node", "worker.js"]\n',
    ],
    seeAlso: ["cmd-overridden"],
  },
  messages: {
    multiple: (keyword: string) =>
      `Multiple ${keyword} instructions in the same stage: only the last one takes effect, so this one is ignored.`,
  },
  create(ctx) {
    // cmd-overridden reports dead CMD and ENTRYPOINT itself, with the line of the one that wins.
    const kinds = ctx.isEnabled("cmd-overridden") ? new Set(["Healthcheck"]) : once;
    return {
      Stage(stage) {
        // Only the stage's own instructions: ONBUILD triggers run in the stages that build on this one.
        const last = new Map<string, Instruction>();
        for (const node of stage.instructions) {
          if (!kinds.has(node.type)) continue;
          const previous = last.get(node.type);
          if (previous) ctx.report(previous.keyword, "multiple", node.keyword.name);
          last.set(node.type, node);
        }
      },
    };
  },
});
