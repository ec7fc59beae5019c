import { type Instruction, proxyArgs, type Run, type SemanticModel } from "@hull/parser";
import type { Severity } from "../rule.js";
import {
  basename,
  commandSubstitutions,
  enclosingGroups,
  parseShell,
  type ShellCommand,
  type ShellGroup,
  type ShellRedirect,
  type ShellWord,
} from "../shell/lexer.js";
import { activeShell, binShOf } from "../shell/dialect.js";
import { runShell } from "../shell/run.js";
import { onScratch } from "../rules/utils/stages.js";

/** What the caller's ShellCheck runner is asked to do: run `shellcheck ARGS FILE…`, one file per script. */
export interface ShellcheckRequest {
  /** The options to pass before the file names. */
  args: readonly string[];
  /** The text of each file, in order. */
  scripts: readonly string[];
}

/** What the runner returns: the file names it used (same order as the scripts) and ShellCheck's standard output. */
export interface ShellcheckOutput {
  files: readonly string[];
  stdout: string;
}

/**
 * Runs ShellCheck once for a whole Dockerfile; the CLI (or editor) provides it, so the linter itself never starts
 * a process. Returns null when ShellCheck could not be run.
 */
export type ShellcheckRunner = (request: ShellcheckRequest) => ShellcheckOutput | null;

/** The prefix of the ids under which ShellCheck's findings are reported, e.g. `shellcheck/SC2086`. */
export const shellcheckPrefix = "shellcheck/";

/**
 * Codes never reported: as in hadolint, `source`d files cannot be followed from a Dockerfile (SC1090, SC1091), and
 * SC2187 (ash is read as dash) is about ShellCheck, not about the script; SC1103 (an unknown `shell=` directive) is
 * how ShellCheck before 0.10 answers the `shell=busybox` of a script run on BusyBox (`scriptOf`).
 */
export const shellcheckExcluded = ["SC1090", "SC1091", "SC1103", "SC2187"] as const;

/** ShellCheck's options: JSON output with tabs counted as one column, and hadolint's exclusions. */
export const shellcheckArgs: readonly string[] = [
  "--format=json1",
  `--exclude=${shellcheckExcluded.join(",")}`,
];

/** The shell dialects ShellCheck reads, by the program name of a SHELL or `#!` line. */
const dialects: Readonly<Record<string, string>> = {
  sh: "sh",
  ash: "sh",
  bash: "bash",
  dash: "dash",
  ksh: "ksh",
  mksh: "ksh",
};

/** A piece of a script and where it came from. */
interface Piece {
  /** Offsets in the script file, end exclusive. */
  from: number;
  to: number;
  /** The Dockerfile offset of a script offset inside the piece. */
  source(offset: number): number;
}

/** One RUN script as ShellCheck will read it, with the map back to the Dockerfile. */
export interface ShellcheckScript {
  run: Run;
  /** The file ShellCheck reads: a `#!` line for the dialect, an `export` line for ARG and ENV names, the script. */
  text: string;
  pieces: readonly Piece[];
}

/**
 * What lint asks ShellCheck about a file, or null when it asks nothing: the file has no POSIX RUN script, or
 * `rules` turns every ShellCheck code off. A caller that lints many files can run ShellCheck once on the requests
 * of them all and hand each lint its share of the output (`LintOptions.shellcheck`), rather than start ShellCheck
 * for every file.
 */
export function shellcheckRequest(
  semantic: SemanticModel,
  rules: Readonly<Record<string, Severity | "off" | readonly [Severity | "off", Record<string, unknown>?]>>,
): ShellcheckRequest | null {
  if (shellcheckSetting("", rules) === "off" && !Object.keys(rules).some((k) => /SC\d{4}$/i.test(k)))
    return null;
  const scripts = shellcheckScripts(semantic);
  return scripts.length === 0 ? null : { args: shellcheckArgs, scripts: scripts.map((s) => s.text) };
}

/** Each model's scripts, made once: the caller that asks for a file's request and lint read the same model. */
const scriptsOf = new WeakMap<SemanticModel, readonly ShellcheckScript[]>();

/**
 * The scripts ShellCheck should check in a file: every shell-form RUN (ONBUILD triggers too) in a POSIX shell.
 * Read through the file's semantic model; inside lint, the engine's, whose stage bases and SHELLs the rules have
 * already worked out.
 */
export function shellcheckScripts(semantic: SemanticModel): readonly ShellcheckScript[] {
  let scripts = scriptsOf.get(semantic);
  if (!scripts) scriptsOf.set(semantic, (scripts = readScripts(semantic)));
  return scripts;
}

function readScripts(semantic: SemanticModel): ShellcheckScript[] {
  const { ast } = semantic;
  const scripts: ShellcheckScript[] = [];
  const byName = new Map<string, Set<string>>();
  for (const stage of ast.stages) {
    const parent = stage.from.image ? byName.get(stage.from.image.value.toLowerCase()) : undefined;
    const names = new Set<string>(parent ?? proxyArgs);
    const visit = (node: Instruction) => {
      if (node.type === "Arg") {
        for (const d of node.declarations) names.add(d.name.value.replace(/["']/g, ""));
      } else if (node.type === "Env") {
        for (const pair of node.pairs) names.add(pair.key.value.replace(/["']/g, ""));
      } else if (node.type === "Run") {
        const script = scriptOf(semantic, node, names);
        if (script) scripts.push(script);
      } else if (node.type === "Onbuild" && node.trigger?.type === "Run") {
        const script = scriptOf(semantic, node.trigger, names);
        if (script) scripts.push(script);
      }
    };
    for (const node of stage.instructions) visit(node);
    if (stage.name !== null) byName.set(stage.name, names);
  }
  return scripts;
}

/** The ShellCheck dialect of a shell program path, or null for shells it cannot read (PowerShell, cmd, zsh…). */
function dialectOf(program: string): string | null {
  return dialects[basename(program).toLowerCase()] ?? null;
}

const shebangPattern = /^#!\s*(\S+)(?:[ \t]+(\S+))?[^\n]*(?:\n|$)/;

function scriptOf(semantic: SemanticModel, node: Run, names: ReadonlySet<string>): ShellcheckScript | null {
  if (node.form !== "shell" || !node.args[0]) return null;
  // The stage's SHELL (or a Windows base image's cmd) decides; PowerShell and cmd scripts are not ShellCheck's.
  const active = activeShell(semantic, node);
  const shell = active.dialect === "posix" ? dialectOf(active.argv[0] ?? "") : null;
  const pieces: Piece[] = [];
  let body = "";
  const add = (text: string, source: (offset: number) => number) => {
    pieces.push({ from: body.length, to: body.length + text.length, source });
    body += text;
  };
  const line = node.args[0].value;
  const whole = wholeHeredoc(node, line);
  let dialect = shell;
  if (whole) {
    // `RUN <<EOF` (or `RUN bash <<EOF`): the heredoc's body is the script, and its own `#!` line picks the shell.
    let text = whole.heredoc.body;
    let start = whole.heredoc.bodyRange.start.offset;
    if (whole.program !== null) dialect = dialectOf(whole.program);
    const shebang = shebangPattern.exec(text);
    if (shebang) {
      const program = basename(shebang[1]!) === "env" ? (shebang[2] ?? "") : shebang[1]!;
      dialect = dialectOf(program);
      text = text.slice(shebang[0].length);
      start += shebang[0].length;
    }
    add(text, (o) => start + o);
  } else {
    const shell = runShell(node, { semantic });
    // `RUN pwsh -c "…"`: the line is a PowerShell script.
    if (shell.dialect !== "posix") return null;
    const end = line.length;
    add(line, (o) => (o >= end ? shell.span(end - 1, end)[1] : shell.span(o, o + 1)[0]));
    // The heredocs of the command follow it as the shell receives them: bodies and terminator lines.
    for (const heredoc of node.heredocs) {
      const start = heredoc.bodyRange.start.offset;
      const stop = heredoc.terminatorRange ? heredoc.terminatorRange.end.offset : start + heredoc.body.length;
      add("\n", () => start);
      const text =
        heredoc.body + (heredoc.terminatorRange ? terminatorText(heredoc.name, heredoc.chomp) : "");
      add(text, (o) => Math.min(start + o, stop));
    }
  }
  if (dialect === null) return null;
  // `/bin/sh` is bash, dash or BusyBox's ash on some images: what they allow there (bash's `{a,b}` and `[[ ]]`,
  // dash's and BusyBox's `local`) is no portability problem. ShellCheck reads BusyBox's dialect from 0.10 on, named
  // by a directive (a `#!/bin/busybox sh` line would make older versions read dash, which lacks `[[ ]]`); older
  // versions do not know the name (SC1103, excluded) and read the script as bash, which allows more: what BusyBox
  // lacks of bash (`{a,b}`) then goes unreported, where reading it as POSIX sh reported all it has.
  let shebang = dialect;
  let directive = "";
  if (dialect === "sh") {
    const binSh = binShOf(semantic, node);
    if (binSh === "busybox") directive = "# shellcheck shell=busybox\n";
    else if (binSh !== null) shebang = binSh;
    // A stage built FROM scratch runs the /bin/sh a COPY put there (a system's root filesystem, Arch's bash as
    // often as BusyBox): which one is not known, so its script is read as bash, which reports no dialect's gaps.
    else if (onScratch(semantic, semantic.stageOf(node.onbuild ?? node))) shebang = "bash";
  }
  const declared = [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
  const header = `#!/bin/${shebang}\n${directive}${declared.length ? `export ${declared.map((n) => `${n}=1`).join(" ")}` : ""}\n`;
  return {
    run: node,
    text: header + body,
    pieces: pieces.map((p) => ({
      from: p.from + header.length,
      to: p.to + header.length,
      source: (o) => p.source(o - p.from - header.length),
    })),
  };
}

function terminatorText(name: string, chomp: boolean): string {
  return chomp ? `\t${name}` : name;
}

/** The heredoc that is the whole script: `<<EOF` alone, or fed to a shell that reads stdin (`bash -e <<EOF`). */
function wholeHeredoc(
  node: Run,
  line: string,
): { heredoc: Run["heredocs"][number]; program: string | null } | null {
  if (node.heredocs.length === 0) return null;
  const commands = parseShell(line);
  if (commands.length !== 1) return null;
  const command = commands[0]!;
  const redirect = command.redirects.find((r) => r.op === "<<" || r.op === "<<-");
  const heredoc = redirect && node.heredocs.find((h) => h.name === redirect.target?.value);
  if (!heredoc) return null;
  if (command.name === null) return { heredoc, program: null };
  if (dialects[basename(command.name)] && command.args.every((a) => a.value.startsWith("-")))
    return { heredoc, program: command.name };
  return null;
}

/** One finding of ShellCheck's `json1` output. */
/** A comment of ShellCheck's `json1` output, as ShellCheck writes it (not checked: read with care). */
export interface ShellcheckComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/**
 * The comments of ShellCheck's `json1` output by file: at `i`, those on `output.files[i]`, in ShellCheck's order.
 * Null when the output is not `json1`.
 */
export function shellcheckComments(output: ShellcheckOutput): ShellcheckComment[][] | null {
  let comments: unknown;
  try {
    comments = (JSON.parse(output.stdout) as { comments?: unknown } | null)?.comments;
  } catch {
    return null;
  }
  if (!Array.isArray(comments)) return null;
  const indexOf = new Map(output.files.map((file, i) => [file, i]));
  const byFile = output.files.map((): ShellcheckComment[] => []);
  for (const comment of comments as (ShellcheckComment | null)[]) {
    const i = indexOf.get(comment?.file as string);
    if (i !== undefined) byFile[i]!.push(comment!);
  }
  return byFile;
}

/** A ShellCheck finding mapped back to the Dockerfile. */
export interface ShellcheckFinding {
  /** `SC2086`. */
  code: string;
  severity: Severity;
  message: string;
  /** Dockerfile offsets, end exclusive. */
  start: number;
  end: number;
}

const levels: Readonly<Record<string, Severity>> = {
  error: "error",
  warning: "warning",
  info: "info",
  style: "style",
};

/** Reads ShellCheck's `json1` output and maps each finding to the Dockerfile; unreadable output gives none. */
export function shellcheckFindings(
  scripts: readonly ShellcheckScript[],
  output: ShellcheckOutput,
): ShellcheckFinding[] {
  const findings: ShellcheckFinding[] = [];
  (shellcheckComments(output) ?? []).forEach((comments, index) => {
    const script = scripts[index];
    if (!script || comments.length === 0) return;
    const starts = lineOffsets(script.text);
    const shell = new ScriptCommands(script.text);
    // A parse error (an SC1xxx error) may come from a separator missing before a reserved word: SC1010 stays then.
    const parsed = !comments.some((c) => c.level === "error" && c.code < 2000);
    for (const comment of comments) {
      if (!Number.isInteger(comment.code)) continue;
      const from = offsetOf(starts, comment.line, comment.column);
      if (ECHO_FLAG_CODES.has(comment.code) && echoByPath(script.text, starts, comment.line, from)) continue;
      const to = offsetOf(starts, comment.endLine, comment.endColumn);
      if (comment.code === REPEATED_SPACES && onlyJoinedBlanks(script, from, to)) continue;
      if (comment.code === SINGLE_QUOTED_EXPANSION && literalOnPurpose(shell, from, to)) continue;
      if (comment.code === KEYWORD_AS_ARGUMENT && parsed && literalKeyword(shell, from)) continue;
      if (comment.code === LITERAL_BRACE && placeholderBrace(shell, from)) continue;
      const start = sourceOffset(script, from);
      // A finding on the header lines (none is expected) has no place in the Dockerfile.
      if (start === null) continue;
      const end = to > from ? sourceOffset(script, to - 1, true) : start;
      findings.push({
        code: `SC${comment.code}`,
        severity: levels[comment.level] ?? "warning",
        message: comment.message,
        start,
        end: Math.max(start, end ?? start),
      });
    }
  });
  return findings;
}

/** "Quote repeated spaces to avoid them collapsing into one." */
const REPEATED_SPACES = 2291;

/**
 * True when every run of repeated blanks in a command (ShellCheck's SC2291 covers the whole command) spans a line
 * continuation: the indentation of the next line, which BuildKit joins to this one, not spaces the author meant
 * to keep.
 */
function onlyJoinedBlanks(script: ShellcheckScript, from: number, to: number): boolean {
  const text = script.text.slice(from, to);
  for (const run of text.matchAll(/[ \t]{2,}/g)) {
    const first = sourceOffset(script, from + run.index);
    const last = sourceOffset(script, from + run.index + run[0].length - 1);
    if (first === null || last === null || last - first === run[0].length - 1) return false;
  }
  return true;
}

/** A ShellCheck script split into commands by hull's lexer, once and only when a finding needs it. */
class ScriptCommands {
  private list: ShellCommand[] | undefined;
  private substitutions: ShellCommand[][] | undefined;
  constructor(readonly text: string) {}

  /** The script's commands, as `parseShell` reads them. */
  get commands(): ShellCommand[] {
    return (this.list ??= parseShell(this.text));
  }

  /**
   * The innermost command holding the offset and the list it is in: the script's (`top`) or a command
   * substitution's; null when the offset is in no command.
   */
  at(offset: number): { list: readonly ShellCommand[]; index: number; top: boolean } | null {
    this.substitutions ??= commandSubstitutions(this.text, this.commands);
    let found: { list: readonly ShellCommand[]; index: number; top: boolean } | null = null;
    for (const list of [this.commands, ...this.substitutions]) {
      const index = list.findIndex((c) => c.start <= offset && offset < c.end);
      if (index >= 0 && (!found || list[index]!.start >= found.list[found.index]!.start))
        found = { list, index, top: list === this.commands };
    }
    return found;
  }

  /** The word (argument, name or redirection target) at the offset, with its command; null outside any word. */
  wordAt(offset: number): { command: ShellCommand; word: ShellWord } | null {
    const found = this.at(offset);
    if (!found) return null;
    const command = found.list[found.index]!;
    const inside = (w: ShellWord | null): w is ShellWord => w !== null && w.start <= offset && offset < w.end;
    const word = command.words.find(inside) ?? command.redirects.map((r) => r.target).find(inside);
    return word ? { command, word } : null;
  }
}

/** "Expressions don't expand in single quotes, use double quotes for that." */
const SINGLE_QUOTED_EXPANSION = 2016;

/**
 * True when the single-quoted text at `from` is meant to stay as written: text that echo, printf or cat writes to a
 * file (`echo 'export PATH="$PATH:/opt/bin"' >> ~/.bashrc`, through `| tee -a /etc/profile`, or from a brace group
 * or subshell whose output goes to the file, `{ echo 'a=${A}'; } > php.ini`), which a later shell or the program
 * that reads the file expands, or a script given to another user's shell (`su app -c '…'`, `runuser -l app -c
 * '…'`), which expands it when it runs; a sed script; or the dynamic linker's `$ORIGIN`, `$LIB` and `$PLATFORM` in
 * an rpath, which `ld.so` expands. ShellCheck already leaves `sh -c '…'` and `sudo '…'` alone.
 */
function literalOnPurpose(shell: ScriptCommands, from: number, to: number): boolean {
  const { text } = shell;
  // The dynamic linker's own tokens, which an rpath keeps as written (`-Wl,-rpath,'$ORIGIN/../lib'`).
  const names = [...text.slice(from, to).matchAll(/\$\{?(\w*)/g)].map((m) => m[1]);
  if (names.length > 0 && names.every((n) => n === "ORIGIN" || n === "LIB" || n === "PLATFORM")) return true;
  const found = shell.at(from);
  if (!found) return false;
  const command = found.list[found.index]!;
  if (command.base === "su" || command.base === "runuser") {
    const word = command.args.findIndex((a) => a.start <= from && from < a.end);
    const flag = command.args[word - 1]?.value;
    return flag === "-c" || flag === "--command";
  }
  // A sed script's `$` is sed's (`$` the last line, `s/x$//` the end of a line) or text it writes into a file
  // (`s!/var/www!${APACHE_ROOT}!`, which Apache expands).
  if (command.base === "sed") return true;
  if (command.base !== "echo" && command.base !== "printf" && command.base !== "cat") return false;
  return outputToFile(
    command,
    found.list[found.index + 1],
    found.top ? enclosingGroups(text, found.list, found.index) : [],
  );
}

/**
 * True when what a command writes to its standard output ends in a file: its own `> f`, a `| tee f`, or the
 * redirection or tee of a brace group or subshell around it (`groups`, innermost first). A pipe into any other
 * command (`echo '…' | pecl install`) means a program reads it instead.
 */
function outputToFile(
  command: ShellCommand,
  next: ShellCommand | undefined,
  groups: readonly ShellGroup[],
): boolean {
  let redirects = command.redirects;
  for (let k = -1; k < groups.length; k++) {
    if (redirects.some(writesFile)) return true;
    if (next?.operator === "|" || next?.operator === "|&") return next.base === "tee";
    // `>&2`, `> /dev/null`: the output goes somewhere the group's redirection does not apply to.
    if (redirects.some(redirectsOutput)) return false;
    const group = groups[k + 1];
    if (!group) return false;
    redirects = group.redirects;
    next = group.next ?? undefined;
  }
  return false;
}

/** `> f`, `>> f`, `1> f`, `&> f`: the standard output goes to a file, and not to `/dev/null`. */
function writesFile(redirect: ShellRedirect): boolean {
  return redirectsOutput(redirect) && redirect.op !== ">&" && redirect.target?.value !== "/dev/null";
}

/** True when the redirection sends the standard output elsewhere (`> f`, `>&2`, `&>> f`). */
function redirectsOutput(redirect: ShellRedirect): boolean {
  if (
    ![">", ">>", ">|", "&>", "&>>", ">&"].includes(redirect.op) ||
    (redirect.fd !== null && redirect.fd !== 1)
  )
    return false;
  return redirect.target !== null;
}

/** "Use semicolon or linefeed before 'do' (or quote to make it literal)." */
const KEYWORD_AS_ARGUMENT = 1010;

/** The headers whose condition a reserved word ends: `do` those of loops, `then` those of `if` and `elif`. */
const headersEndedBy: Readonly<Record<string, ReadonlySet<string>>> = {
  do: new Set(["while", "until", "for", "select"]),
  then: new Set(["if", "elif"]),
};

/**
 * True when the reserved word at `from` is an argument of a command, which the shell reads as a plain word
 * (`mix do deps.get, deps.compile`, Elixir's `mix do`), and not in the condition of a header it would end
 * (`while true do …`, where the separator is missing). A missing separator before a word that closes a compound
 * command (`done`, `fi`) leaves it unclosed, which ShellCheck's parser reports as an error: the caller keeps the
 * finding then.
 */
function literalKeyword(shell: ScriptCommands, from: number): boolean {
  const found = shell.wordAt(from);
  if (!found || !found.command.args.includes(found.word)) return false;
  const { command, word } = found;
  const headers = headersEndedBy[word.raw];
  const name = command.words.length - command.args.length - 1;
  return !headers || !command.words.slice(0, name).some((w) => headers.has(w.raw));
}

/** "This { is literal. Check expression (missing ;/\n?) or quote it." (and the same of `}`). */
const LITERAL_BRACE = 1083;

/**
 * True when the brace at `from` is one of a template placeholder's `{{…}}` inside a word (`--file {{.app}}`, which
 * the program expands): with no `,` and no `..` between them, no shell brace-expands it, and the braces are the
 * literal text ShellCheck asks to check. `${{…}}` is left to ShellCheck.
 */
function placeholderBrace(shell: ScriptCommands, from: number): boolean {
  const found = shell.wordAt(from);
  if (!found) return false;
  const { word } = found;
  for (const m of word.raw.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const start = word.start + m.index;
    const end = start + m[0].length;
    if (from < start || from >= end || (from >= start + 2 && from < end - 2)) continue;
    return word.raw[m.index - 1] !== "$" && !m[1]!.includes(",") && !m[1]!.includes("..");
  }
  return false;
}

/** "In POSIX sh, echo flags are undefined" (SC3037) and "In dash, echo flags besides -n not supported" (SC3036). */
const ECHO_FLAG_CODES: ReadonlySet<number> = new Set([3036, 3037]);

/**
 * True when the flag at `offset` is given to `echo` called by its path (`/bin/echo -e`): that is the system's echo
 * program (GNU coreutils' or BusyBox's, both of which take `-n` and `-e`), not the shell's builtin that ShellCheck's
 * warnings are about, though ShellCheck reads any command name ending in `/echo` as the builtin.
 */
function echoByPath(text: string, starts: readonly number[], line: number, offset: number): boolean {
  const head = text.slice(starts[Math.max(0, line - 1)] ?? 0, offset);
  const command = /(\S+)(?:\s+-[A-Za-z]+)*\s+$/.exec(head)?.[1];
  return command !== undefined && /.\/echo$/.test(command);
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[Math.max(0, line - 1)] ?? starts[starts.length - 1]!) + Math.max(0, column - 1);
}

/** The Dockerfile offset of a script offset; with `after`, the offset just past that character. */
function sourceOffset(script: ShellcheckScript, offset: number, after = false): number | null {
  for (const piece of script.pieces) {
    if (offset >= piece.from && offset < piece.to) return piece.source(offset) + (after ? 1 : 0);
  }
  const last = script.pieces[script.pieces.length - 1];
  if (last && offset >= last.to && last.to > last.from) return last.source(last.to - 1) + 1;
  return null;
}

/**
 * The severity a config gives one ShellCheck code, or undefined for ShellCheck's own level; "off" turns it off.
 * Keys: `shellcheck` (every code), `SC2086` (as in hadolint's config) and `shellcheck/SC2086`; later keys win.
 */
export function shellcheckSetting(
  code: string,
  rules: Readonly<Record<string, Severity | "off" | readonly [Severity | "off", Record<string, unknown>?]>>,
): Severity | "off" | undefined {
  let chosen: Severity | "off" | undefined;
  for (const [name, setting] of Object.entries(rules)) {
    const key = name.startsWith(shellcheckPrefix) ? name.slice(shellcheckPrefix.length) : name;
    if (key.toUpperCase() !== code && name !== "shellcheck") continue;
    chosen = typeof setting === "string" ? setting : setting[0];
  }
  return chosen;
}

/** True for a name that stands for ShellCheck codes in config and ignore comments. */
export function isShellcheckName(name: string): boolean {
  return name === "shellcheck" || /^(shellcheck\/)?SC\d{4}$/i.test(name);
}
