import { defineRule } from "../rule.js";
import { commandWord, isShell, shellArgs, type ShellCommand, type ShellWord } from "../shell/lexer.js";
import { hasFlag, optionValues } from "../shell/options.js";
import { type RunShell, runCommands, scriptCommands, scriptRange } from "../shell/run.js";
import { inlineProgramOptionsOf, interpreterOf } from "../shell/tools/interpreters.js";
import { downloadIn, powershellDownloaders, runsCode } from "../shell/tools/powershell.js";
import { windowsScripts } from "./utils/windows-scripts.js";

/** True when a shell or interpreter reads its program from standard input (`sh`, `bash -s -- x`, `python3 -`). */
function readsScriptFromStdin(command: ShellCommand): boolean {
  if (command.name === null) return false;
  const shellArguments = shellArgs(command);
  const shell = shellArguments !== null;
  const interpreter = interpreterOf(command.name);
  if (!shell && interpreter === null) return false;
  const programOptions = shell ? ["-c"] : inlineProgramOptionsOf(interpreter!);
  const args = shellArguments ?? command.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (programOptions.includes(v) || (shell && /^-[a-z]*c[a-z]*$/.test(v))) return false;
    if (shell && /^-[a-z]*s[a-z]*$/.test(v)) return true;
    if (v === "--") return args[i + 1] === undefined || isStdin(args[i + 1]!.value);
    if (shell && (v === "-o" || v === "+o")) i++;
    else if (!v.startsWith("-") && !v.startsWith("+")) return isStdin(v);
    else if (v === "-") return true;
  }
  return true;
}

function isStdin(operand: string): boolean {
  return operand === "-" || operand === "/dev/stdin";
}

/** True when the command is curl or wget writing what it downloads to standard output. */
function downloadsToStdout(command: ShellCommand): boolean {
  const name = command.base ?? "";
  if (name === "curl") {
    return !(
      optionValues(command, "o", "output").some((v) => !isStdin(v.value)) ||
      hasFlag(command, "O", "remote-name", "remote-name-all")
    );
  }
  if (name === "wget") {
    return optionValues(command, "O", "output-document").some(
      (v) => isStdin(v.value) || v.value === "/dev/stdout",
    );
  }
  return false;
}

export default defineRule({
  id: "no-curl-pipe-shell",
  title: "Do not pipe downloaded scripts into a shell",
  severity: "warning",
  fixable: false,
  security: "high",
  docs: {
    rationale:
      "`curl … | sh` runs whatever the server sends at build time, unread and unchecked: a compromised or hijacked host, a changed script or a truncated download all run as root in the build. " +
      "The script is also not pinned, so two builds of the same Dockerfile can install different things. " +
      "Download the script to a file, verify it against a known checksum or signature, then run it; better still, install a pinned release or a package.",
    limitations:
      'In PowerShell it reports `Invoke-Expression` (`iex`) or `[scriptblock]::Create` given a download (`iex ((New-Object Net.WebClient).DownloadString(…))`, `iex (iwr …)`) or fed one by a pipe (`irm … | iex`), also inside `powershell -Command "…"`. ' +
      'The rule reports `curl` or `wget` output piped into a shell or interpreter that reads its program from standard input (`sh`, `bash -s --`, `python3 -`), and `sh -c "$(curl …)"`. ' +
      "None of the scanners studied (Trivy, Checkov, KICS, Semgrep) has this check.",
    bad: [
      `FROM debian:12
RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
`,
      `FROM alpine:3.20
RUN wget -qO- https://example.com/install.sh | sh -s -- --version 1.2.3
`,
      `FROM debian:12
RUN sh -c "$(curl -fsSL https://example.com/install.sh)"
`,
      `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command "iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))"
`,
    ],
    good: [
      `FROM debian:12
RUN curl -fsSLo /tmp/install.sh https://example.com/v1.2.3/install.sh \\
 && echo "0f3c…  /tmp/install.sh" | sha256sum -c - \\
 && sh /tmp/install.sh
`,
      `FROM debian:12
RUN curl -fsSL https://api.github.com/repos/o/r/releases/latest | python3 -c 'import json,sys; print(json.load(sys.stdin)["tag_name"])'
`,
    ],
  },
  messages: {
    pipe: (downloader: string, shell: string) =>
      `Output of '${downloader}' is run by '${shell}' without being checked; download it to a file and verify it first.`,
    substitution: (downloader: string, shell: string) =>
      `'${shell}' runs the output of '${downloader}' without it being checked; download it to a file and verify it first.`,
  },
  visitor: {
    Run(node, ctx) {
      const { shell, lists } = runCommands(node, ctx);
      for (const script of windowsScripts(shell)) {
        if (script.dialect !== "powershell") continue;
        for (const found of powershellRuns(script))
          ctx.report(scriptRange(ctx, script, found.at), found.kind, found.downloader, found.runner);
      }
      if (lists[0]!.length === 0) return;
      for (const commands of lists) {
        // A pipeline is a run of commands joined by `|`.
        let downloader: ShellCommand | null = null;
        for (const command of commands) {
          if (command.operator !== "|" && command.operator !== "|&") downloader = null;
          if (downloader && readsScriptFromStdin(command)) {
            ctx.report(
              scriptRange(ctx, shell, commandWord(command)!),
              "pipe",
              downloader.base!,
              command.base!,
            );
            downloader = null;
          }
          if (downloadsToStdout(command)) downloader = command;
        }
      }
      // `sh -c "$(curl …)"` and `eval "$(curl …)"`.
      for (const command of lists[0]!) {
        const runs =
          (isShell(command) && command.args.some((a) => /^-[a-z]*c[a-z]*$/.test(a.value))) ||
          command.name === "eval";
        if (!runs) continue;
        for (const arg of command.args) {
          const m = /^\$\(\s*(curl|wget)\s/.exec(arg.value);
          if (!m) continue;
          const inner = lists.slice(1).find((l) => l[0]!.start >= arg.start && l[0]!.end <= arg.end);
          const first = inner?.[0];
          if (first && inner.length === 1 && downloadsToStdout(first))
            ctx.report(scriptRange(ctx, shell, commandWord(first)!), "substitution", m[1]!, command.base!);
        }
      }
    },
  },
});

/** `iex (… DownloadString …)`, `iex (iwr …)` and `irm … | iex` in a PowerShell script. */
function powershellRuns(
  script: RunShell,
): { at: ShellWord; kind: "pipe" | "substitution"; downloader: string; runner: string }[] {
  const found: { at: ShellWord; kind: "pipe" | "substitution"; downloader: string; runner: string }[] = [];
  let downloader: string | null = null;
  for (const command of scriptCommands(script)) {
    if (command.operator !== "|") downloader = null;
    const word = commandWord(command) ?? command.words[0]!;
    if (runsCode(command)) {
      const inside = downloadIn([word, ...command.args].map((a) => a.raw).join(" "));
      if (inside) found.push({ at: word, kind: "substitution", downloader: inside, runner: word.value });
      else if (downloader) found.push({ at: word, kind: "pipe", downloader, runner: word.value });
    }
    if (command.base !== null && powershellDownloaders.has(command.base)) downloader = command.name;
    else if (command.name === null && command.words[0])
      downloader = downloadIn(command.words[0].raw) ?? downloader;
  }
  return found;
}
