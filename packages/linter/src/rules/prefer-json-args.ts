import type { Cmd, Entrypoint, Stage } from "@hull/parser";
import { defineRule, type TextEdit } from "../rule.js";
import { activeShell } from "../shell/dialect.js";
import { execsLast, parseShell } from "../shell/lexer.js";
import { execArgv } from "./utils/instruction-text.js";
import { hasEntrypoint } from "./utils/stages.js";

export default defineRule({
  id: "prefer-json-args",
  title: "Write CMD and ENTRYPOINT in JSON (exec) form",
  severity: "warning",
  fixable: "unsafe",
  aliases: { hadolint: "DL3025", buildkit: "JSONArgsRecommended", semgrep: "prefer-json-notation" },
  docs: {
    rationale:
      "In shell form, `CMD my-app --serve` runs as `/bin/sh -c 'my-app --serve'`. Where the shell stays PID 1 (dash, Debian's and Ubuntu's `/bin/sh`, does; BusyBox's and bash exec a lone command in their place, but not a list of commands) it does not pass `SIGTERM` on, so `docker stop` waits and then kills the program without a clean shutdown; and a shell-form `ENTRYPOINT` never receives `CMD` or `docker run`'s arguments. " +
      'The JSON form `CMD ["my-app", "--serve"]` runs the program itself.',
    limitations:
      "As in BuildKit, a stage that sets `SHELL` (or builds on a stage of this file that does) is taken to want a shell, and is not reported; so is a stage whose base image sets `SHELL` when its config is given (`hull lint --resolve` or `--image-config`), and only then. " +
      "The fix rewrites a single-line `CMD` whose words the shell would pass through unchanged, and only when no `ENTRYPOINT` of this file receives it.",
    hadolintDifferences:
      "a `HEALTHCHECK CMD` in shell form is not reported: the check runs as a short-lived process that receives no stop signal, so the shell in between does no harm (BuildKit does not report it either). " +
      "Nor is a command that ends by `exec`ing its program (`CMD exec gunicorn --bind :$PORT app:app`, `ENTRYPOINT cd /app && exec ./server`), which hadolint and BuildKit report: the program replaces the shell as PID 1 and receives the signals itself, the way Docker's reference writes a shell-form ENTRYPOINT.",
    bad: [
      `FROM node:22
CMD node server.js
`,
      `FROM alpine:3.20
ENTRYPOINT my-program start
`,
    ],
    good: [
      `FROM node:22
CMD ["node", "server.js"]
`,
      `FROM alpine:3.20
RUN apk add bash
SHELL ["/bin/bash", "-c"]
ENTRYPOINT echo "hello world"
`,
    ],
  },
  messages: {
    shellForm: (keyword: string, shell: string) =>
      `Use the JSON form for ${keyword}: in shell form the program runs under '${shell}', which can stay PID 1 and not pass signals such as SIGTERM to it.`,
  },
  state: () => ({
    // Per base stage: does it set SHELL through an ONBUILD trigger (which runs in the stages built on it)?
    triggersShell: new Map<Stage, boolean>(),
  }),
  visitor: {
    Stage(stage, ctx) {
      const base = ctx.semantic.baseOf(stage);
      // BuildKit checks the SHELL in effect, which includes one the base image's config sets.
      let shell = ctx.semantic.someBase(stage, setsShell) || !!ctx.baseImage(stage)?.config.Shell?.length;
      if (!shell && base) {
        const { triggersShell } = ctx.state;
        let viaTrigger = triggersShell.get(base);
        if (viaTrigger === undefined) {
          viaTrigger = base.instructions.some((n) => n.type === "Onbuild" && n.trigger?.type === "Shell");
          triggersShell.set(base, viaTrigger);
        }
        shell = viaTrigger;
      }
      const entrypoint = hasEntrypoint(stage) || ctx.semantic.someBase(stage, hasEntrypoint);
      for (const node of stage.instructions) {
        if (node.type === "Shell") shell = true;
        if ((node.type !== "Cmd" && node.type !== "Entrypoint") || node.form !== "shell" || shell) continue;
        const first = node.args[0];
        const last = node.args[node.args.length - 1];
        if (!first || !last) continue;
        // `CMD exec my-app` hands PID 1 to the program: the form Docker's reference gives for a shell-form ENTRYPOINT.
        if (execsLast(parseShell(node.args.map((a) => a.value).join(" ")))) continue;
        const at = { start: first.range.start, end: last.range.end };
        const fix = node.type === "Cmd" && !entrypoint ? execFix(node) : null;
        const shellArgv = activeShell(ctx.semantic, node).argv.join(" ");
        ctx.report({ at, fix: fix ?? undefined }, "shellForm", node.keyword.name, shellArgv);
      }
    },
  },
});

const setsShell = (stage: Stage) => stage.instructions.some((n) => n.type === "Shell");

/** The exec form of a one-line shell-form command whose words the shell would not change; null otherwise. */
function execFix(node: Cmd | Entrypoint): TextEdit | null {
  const plain = execArgv(node);
  return (
    plain && { range: plain.word.range, text: `[${plain.argv.map((w) => JSON.stringify(w)).join(", ")}]` }
  );
}
