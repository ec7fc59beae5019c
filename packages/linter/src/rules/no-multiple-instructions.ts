import type { Cmd, Entrypoint, Healthcheck } from "@hull/parser";
import { defineRule, type HadolintCode } from "../rule.js";

type Once = Cmd | Entrypoint | Healthcheck;

/** A line that opens with template markup (`{% if %}`, `{{ if }}`, `<% } %>`). */
const markupLine = /^[ \t]*(?:\{%|\{\{|<%)/gm;
/** The same markup at a given offset. */
const markupAt = /[ \t]*(?:\{%|\{\{|<%)/y;

/** Each instruction's keyword and hadolint's code for repeating it. */
const kinds: Readonly<Record<Once["type"], { keyword: string; hadolint: HadolintCode }>> = {
  Cmd: { keyword: "CMD", hadolint: "DL4003" },
  Entrypoint: { keyword: "ENTRYPOINT", hadolint: "DL4004" },
  Healthcheck: { keyword: "HEALTHCHECK", hadolint: "DL3012" },
};

export default defineRule({
  id: "no-multiple-instructions",
  title: "Use CMD, ENTRYPOINT and HEALTHCHECK at most once per stage",
  severity: "warning",
  fixable: false,
  markupReach: "control-lines",
  aliases: {
    hadolint: ["DL4003", "DL4004", "DL3012"],
    buildkit: "MultipleInstructionsDisallowed",
    trivy: ["DS-0007", "DS-0016", "DS-0023"],
    semgrep: ["multiple-entrypoint-instructions", "multiple-cmd-instructions"],
  },
  docs: {
    rationale:
      "`CMD`, `ENTRYPOINT` and `HEALTHCHECK` each set one field of the image config, so only the last one of a stage takes effect and the earlier ones are dead code. " +
      "Every earlier one of the same kind in the same stage is reported, with the line of the one that wins.",
    bad: [
      `FROM node:22
CMD ["node", "server.js"]
CMD ["node", "worker.js"]
`,
      `FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/
HEALTHCHECK NONE
`,
    ],
    good: [
      `FROM node:22
CMD ["node", "server.js"]
`,
      `FROM node:22 AS base
CMD ["node", "server.js"]

FROM base
CMD ["node", "worker.js"]
`,
    ],
    seeAlso: ["cmd-overridden"],
  },
  messages: {
    overridden: (keyword: string, winner: number) =>
      `This ${keyword} has no effect: the ${keyword} on line ${winner} replaces it.`,
  },
  visitor: {
    Stage(stage, ctx) {
      // Only the stage's own instructions: ONBUILD triggers run in the stages that build on this one.
      const byType = new Map<Once["type"], Once[]>();
      const branches: number[] = [];
      for (const node of stage.instructions) {
        if (node.type === "Unknown") branches.push(node.range.start.offset);
        if (node.type !== "Cmd" && node.type !== "Entrypoint" && node.type !== "Healthcheck") continue;
        const list = byType.get(node.type) ?? [];
        list.push(node);
        byType.set(node.type, list);
      }
      // In a template (`{% if %}`, `<% else %>` lines are unknown instructions), two of a kind may be alternatives.
      // The engine masks a detected template's control lines as comments; the source still shows them.
      for (const [type, nodes] of byType) {
        const winner = nodes[nodes.length - 1]!;
        const before = winner.range.start.offset;
        // The last branch and the last markup line before the winner, found once: an earlier node is an
        // alternative when one of them follows it. Asking per node scanned the text up to the winner each time.
        let lastBranch = -1;
        for (const at of branches) if (at < before) lastBranch = Math.max(lastBranch, at);
        const from = nodes[0]!.range.end.offset;
        let lastMarkup = -1;
        for (const m of ctx.source.slice(from, before).matchAll(markupLine)) lastMarkup = from + m.index;
        const alternative = (dead: Once) => {
          const end = dead.range.end.offset;
          if (lastBranch > dead.range.start.offset || lastMarkup >= end) return true;
          // Right after the node counts as a line start too, as it did when the text after it was tested alone.
          markupAt.lastIndex = end;
          const m = markupAt.exec(ctx.source);
          return m !== null && end + m[0].length <= before;
        };
        for (const dead of nodes.slice(0, -1)) {
          if (!alternative(dead))
            ctx.report(
              { at: dead.keyword, hadolint: kinds[type].hadolint },
              "overridden",
              kinds[type].keyword,
              winner.range.start.line,
            );
        }
      }
    },
  },
});
