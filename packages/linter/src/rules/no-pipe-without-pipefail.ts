import { defineRule } from "../rule.js";
import { activeShell, programName } from "../shell/dialect.js";
import { type ShellCommand, shellNames, testedBy } from "../shell/lexer.js";
import { operands, type OptionSpec } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";
import { extractsFromStdin } from "../shell/tools/tar.js";

/**
 * Commands whose failure a pipe cannot hide: `echo` and `printf` do not fail, and `yes` only ends by the broken
 * pipe, so with pipefail `yes | apt-get install …` would fail the build instead of protecting it.
 */
const harmlessFeeders: ReadonlySet<string> = new Set(["echo", "printf", "yes"]);

export default defineRule({
  id: "no-pipe-without-pipefail",
  title: "Set pipefail before using a pipe in RUN",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL4006", kics: "efbf148a-67e9-42d2-ac47-02fa1c0d0b22", semgrep: "set-pipefail" },
  docs: {
    rationale:
      "A pipeline's status is that of its last command, so in `RUN wget -O - https://example.com/install.sh | sh` a failed download still builds successfully, with nothing installed. " +
      'With `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the `RUN` (or `set -o pipefail` at the start of the script, in a shell that has it), any failing command fails the build.',
    limitations:
      "Pipes fed only by `echo` or `printf` (alone or in a brace group `{ echo a; printf b; } | …`), which cannot fail, or by `yes`, which pipefail would turn into a failure, are accepted, and so are pipes that ask a question: the condition of an `if` or a loop, or a `grep` whose answer `&&` or `||` reads (`ldd x | grep 'not found' && exit 1`). " +
      "Nor is a pipe into a command that fails on empty input, so that a writer failing before it writes fails the RUN anyway: `grep PATTERN` (not `-v`), `tar x` of the pipe, `apt-key add -`, `gpg --import`, `sha256sum -c` (`helm version | grep v3.16`, `curl … | tar xz`); a writer that fails after writing part of its output is then not caught. " +
      'PowerShell and cmd scripts (under such a `SHELL`, on a Windows base image, or run as `powershell -Command "…"`) are not checked: neither has `pipefail`. ' +
      'In PowerShell a failing cmdlet anywhere in a pipeline stops the script when `$ErrorActionPreference = \'Stop\'` is set (as the usual `SHELL ["powershell", "-Command", "$ErrorActionPreference = \'Stop\';"]` does); the exit code of a native program (`curl.exe`) is not checked either way.',
    hadolintDifferences:
      "`set -o pipefail` (or `set -eo pipefail`…) at the start of the RUN counts, as does a `SHELL` with it; pipes fed only by `echo` or `printf` are accepted, and the `|` between `case` patterns is no pipe. hadolint reports all of these, which its users report as false positives.",
    bad: [
      `FROM debian:12
RUN wget -O - https://example.com/install.sh | sh
`,
    ],
    good: [
      `FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -O - https://example.com/install.sh | sh
`,
      `FROM debian:12
RUN set -eux -o pipefail; wget -O - https://example.com/install.sh | sh
`,
    ],
  },
  messages: {
    pipe: () =>
      "This pipe hides failures of the commands before the last one; set -o pipefail first (e.g. with SHELL).",
  },
  visitor: {
    Run(node, ctx) {
      if (ctx.isTrigger(node) || execPipefail(activeShell(ctx.semantic, node).argv)) return;
      const shell = runShell(node, ctx);
      // PowerShell and cmd have no pipefail: their pipes are left alone (see `limitations`).
      if (shell.dialect !== "posix") return;
      if (node.form === "exec" && execPipefail(node.args.map((a) => a.value))) return;
      const commands = shell.commands;
      for (let i = 0; i < commands.length; i++) {
        if (setsPipefail(commands[i]!)) return;
        if (commands[i + 1]?.operator !== "|" && commands[i + 1]?.operator !== "|&") continue;
        // A pipeline: commands i … j joined by `|`.
        let j = i + 1;
        while (commands[j + 1]?.operator === "|" || commands[j + 1]?.operator === "|&") j++;
        // `echo x | sha256sum -c -`: only the last command can fail, so pipefail changes nothing.
        // A brace group `{ echo a; echo b; } | …` feeds the pipe with every command inside it.
        let first = i;
        if (commands[i]!.words[0]?.value === "}" && commands[i]!.name === null) {
          while (first > 0 && commands[first]!.words[0]?.value !== "{") first--;
        }
        const feeders = commands
          .slice(first, j)
          .filter((c) => !(c.name === null && c.words.every((w) => w.value === "{" || w.value === "}")));
        // `case $arch in amd64|arm64)`: the bar separates patterns.
        const before = commands[i - 1];
        const pattern =
          commands[i]!.words[0]?.value === "case" ||
          commands[i]!.operator === ";;" ||
          (before?.words[0]?.value === "case" && before.words[before.words.length - 1]?.value === "in");
        // `… | xargs rm || true`: the pipeline's status is thrown away, so pipefail changes nothing.
        const after = commands[j + 1];
        const ignored = after?.operator === "||" && discardsStatus(after);
        // A pipe that asks a question: an `if`'s or a loop's condition, or a grep whose answer `&&` or `||` reads
        // (`ldd x | grep 'not found' && exit 1`). Its status is an answer, not a failure to stop on, and pipefail
        // would turn a writer stopped early by `grep -q` into the answer "no".
        const question =
          testedBy.has(commands[first]!.words[0]?.value ?? "") ||
          (grepNames.has(commands[j]!.name ?? "") && (after?.operator === "&&" || after?.operator === "||"));
        const checked = failsOnEmptyInput(commands[j]!);
        if (
          !pattern &&
          !ignored &&
          !question &&
          !checked &&
          !feeders.every((c) => harmlessFeeders.has(c.name ?? ""))
        ) {
          const bar = shell.script.indexOf("|", commands[i]!.end);
          ctx.report(scriptRange(ctx, shell, { start: bar, end: bar + 1 }), "pipe");
          return;
        }
        i = j;
      }
    },
  },
});

const grepNames: ReadonlySet<string> = new Set(["grep", "egrep", "fgrep"]);

/** grep's options that take a value in the next word. */
const grepOptions: OptionSpec = {
  values: ["-e", "-f", "-m", "-A", "-B", "-C", "-d", "-D", "--regexp", "--file", "--max-count", "--label"],
};

/**
 * True when the last command of a pipeline fails on empty input, so that a writer that fails before writing fails
 * the RUN all the same: `grep PATTERN` reading the pipe (not `-v`), `tar x` of the pipe, `apt-key add -`,
 * `gpg --import`, `sha256sum -c`. (A version check, `helm version | grep 3.16`, is a test of its own.)
 */
function failsOnEmptyInput(command: ShellCommand): boolean {
  const args = command.args.map((a) => a.value);
  const base = command.base ?? "";
  if (grepNames.has(base)) {
    if (args.some((a) => a === "--invert-match" || /^-[a-zA-Z]*v/.test(a))) return false;
    const explicit = args.some((a) => /^-[a-zA-Z]*[ef]$/.test(a) || /^--(?:regexp|file)(?:=|$)/.test(a));
    const files = operands(command, grepOptions).slice(explicit ? 0 : 1);
    return files.every((f) => f.value === "-");
  }
  if (base === "tar") return extractsFromStdin(command);
  if (base === "apt-key") return args[0] === "add" && args[1] === "-";
  if (base === "gpg") return args.includes("--import") && operands(command).length === 0;
  if (/^(?:sha\d+|md5|b2)sum$/.test(base))
    return args.some((a) => a === "-c" || a === "--check") && operands(command).every((f) => f.value === "-");
  return false;
}

/** `true`, `:` or `exit 0`: a command after `||` that makes any failure a success. */
function discardsStatus(command: ShellCommand): boolean {
  if (command.name === "true" || command.name === ":") return command.args.length === 0;
  return command.name === "exit" && command.args.length === 1 && command.args[0]!.value === "0";
}

/** `["bash", "-o", "pipefail", "-c", …]` and the like. */
function execPipefail(argv: readonly string[]): boolean {
  const program = programName(argv[0] ?? "");
  // POSIX sh and dash have no `pipefail` option.
  if (!shellNames.has(program) || program === "sh" || program === "dash") return false;
  return argv.some((a, i) => a === "pipefail" && /^-[a-zA-Z]*o$/.test(argv[i - 1] ?? ""));
}

/** `set -o pipefail`, `set -euxo pipefail`, `set -eu -o pipefail`. */
function setsPipefail(command: ShellCommand): boolean {
  if (command.name !== "set") return false;
  return command.args.some(
    (a, i) => a.value === "pipefail" && /^-[a-zA-Z]*o$/.test(command.args[i - 1]?.value ?? ""),
  );
}
