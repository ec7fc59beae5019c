import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { runCommands, type RunShell, runShell, scriptRange, substitutionMentions } from "../shell/run.js";
import { apkCommands } from "../shell/tools/apk.js";
import { wgetIsQuiet } from "../shell/tools/curl.js";

export default defineRule({
  id: "no-wget-progress-bar",
  title: "Run wget quietly or with a coarse progress display",
  severity: "info",
  fixable: false,
  aliases: { hadolint: "DL3047" },
  docs: {
    rationale:
      "When its output is not a terminal, as in a build, GNU wget draws its progress as one dot per kilobyte, so a large download writes thousands of lines into the build log and can hit the log limit of BuildKit or a CI system. " +
      "Pass `-q` (`--quiet`, which BusyBox wget also knows), `-nv` (`--no-verbose`) or `--progress=dot:giga`, or send the log elsewhere with `-o file`.",
    limitations:
      "A `wget` whose standard error goes to a file or `/dev/null` (`2>/dev/null`, `>/dev/null 2>&1`) is accepted, and so are `--spider`, `--version` and `--help`, which download nothing. " +
      "BusyBox wget, the default on Alpine, prints at most one line per second, so stages based on an `alpine` or `busybox` image are not checked until they install GNU wget (`apk add wget`).",
    hadolintDifferences:
      "BusyBox wget on `alpine` and `busybox` images, a `wget` whose standard error is redirected, and `--spider`, `--version` and `--help` are not reported, since none of them fills the log with progress.",
    bad: [
      `FROM debian:12
RUN wget https://example.com/app.tar.gz
`,
    ],
    good: [
      `FROM debian:12
RUN wget -q https://example.com/app.tar.gz
`,
      `FROM debian:12
RUN wget --progress=dot:giga https://example.com/app.tar.gz
`,
      `FROM debian:12
RUN wget -qO- https://example.com/app.tar.gz | tar -xz
`,
      `FROM alpine:3.20
RUN wget https://example.com/app.tar.gz
`,
    ],
  },
  messages: {
    progress: () => "wget fills the build log with its progress display; add -q, -nv or --progress=dot:giga.",
  },
  state: () => ({
    /** Per stage index: true while `wget` is BusyBox's (an Alpine or BusyBox base without GNU wget installed). */
    busybox: new Map<number, boolean>(),
  }),
  visitor: {
    Stage(stage, ctx) {
      const { busybox } = ctx.state;
      // The name with the global ARGs filled in (`ARG IMAGE=alpine:3.21` then `FROM $IMAGE`).
      const image = (ctx.semantic.baseName(stage) ?? stage.from.image?.value ?? "").toLowerCase();
      const parent = ctx.semantic.baseOf(stage);
      busybox.set(stage.index, parent ? (busybox.get(parent.index) ?? false) : /alpine|busybox/.test(image));
    },
    Run(node, ctx) {
      const own = runShell(node, ctx);
      if (!own.script.includes("wget")) return;
      const { shell, all } = substitutionMentions(own, (raw) => raw.includes("wget"))
        ? runCommands(node, ctx)
        : { shell: own, all: own.commands };
      const stage = ctx.currentStage();
      const { busybox } = ctx.state;
      if (stage && !ctx.isTrigger(node) && busybox.get(stage.index)) {
        if (!all.some(installsGnuWget)) return;
        busybox.set(stage.index, false);
      }
      for (const command of all) {
        if (command.base !== "wget" || wgetIsQuiet(command) || stderrRedirected(shell, command)) continue;
        ctx.report(scriptRange(ctx, shell, commandWord(command)!), "progress");
      }
    },
  },
});

/** `apk add wget` replaces BusyBox's wget with GNU wget. */
function installsGnuWget(command: ShellCommand): boolean {
  const [apk] = apkCommands([command]);
  return apk?.verb?.value === "add" && apk.operands.some((a) => /^wget(?:[=~<>].*)?$/.test(a.value));
}

/**
 * True when the command's standard error goes to a file or `/dev/null` (`2>/dev/null`, `&>log`), or where its
 * standard output went before (`>/dev/null 2>&1`).
 */
function stderrRedirected(shell: RunShell, command: ShellCommand): boolean {
  let stdoutAway = false;
  for (const r of command.redirects) {
    if (r.op === "&>" || r.op === "&>>") return true;
    const fd = shell.script[r.start];
    const toFile = (r.op === ">" || r.op === ">>") && r.target !== null;
    if (fd === "2" && toFile) return true;
    if (fd === "2" && r.op === ">&" && r.target?.value === "1" && stdoutAway) return true;
    if (fd !== "2" && toFile) stdoutAway = true;
  }
  return false;
}
