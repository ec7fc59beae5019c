import type { Heredoc, Range, Run, SemanticModel } from "@hull/parser";
import {
  type ActiveShell,
  activeShell,
  type Dialect,
  posixDefault,
  programDialect,
  programName,
  useFileShellTables,
} from "./dialect.js";
import {
  basename,
  commandSubstitutions,
  parseShell,
  type ScriptSpan,
  runsShell,
  shellArgs,
  shellNames,
  type ShellCommand,
  type ShellWord,
} from "./lexer.js";
import { parseCmd } from "./tools/cmd.js";
import { parsePowershell } from "./tools/powershell.js";

/**
 * Where the pieces of a RUN's script come from in the Dockerfile: four numbers per piece, in script order, the pieces
 * following each other without gaps: the piece's start in the script, its start and end in the source, and 1 when
 * the piece is the source text itself (each offset in it maps to one in the source) or 0 when the whole piece maps
 * to its source span. Numbers in one list rather than an object per piece: a RUN of 100,000 continuation lines has
 * as many pieces. A plain array read by functions rather than an instance of a class: V8 drops the hidden class of
 * a class's instances once none lives (after a full GC between files), and with it the optimized code of every
 * function that read one.
 */
type ScriptMap = number[];

/** Adds a piece to a script map. */
function addPiece(map: ScriptMap, from: number, source: number, sourceEnd: number, exact: boolean): void {
  map.push(from, source, sourceEnd, exact ? 1 : 0);
}

/** The source offsets `[start, end)` of the script text between `start` and `end` (see `RunShell.span`). */
function mapSpan(p: ScriptMap, start: number, end: number): [number, number] {
  if (p.length === 0) return [0, 0];
  const i = pieceAt(p, start);
  const from = p[i + 3] === 1 ? p[i + 1]! + (start - p[i]!) : p[i + 1]!;
  if (end <= start) return [from, from];
  const j = pieceAt(p, end - 1);
  const to = p[j + 3] === 1 ? p[j + 1]! + (end - p[j]!) : p[j + 2]!;
  return [from, Math.max(from, to)];
}

/**
 * The index of the piece holding `offset`: the last that starts at or before it (the pieces follow each other,
 * so no other can hold it; an empty piece is never the last such one but where the script ends), else the first.
 */
function pieceAt(p: ScriptMap, offset: number): number {
  let lo = 0;
  let hi = p.length / 4 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p[mid * 4]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo * 4;
}

/**
 * The map of a shell-form RUN's script (its argument's `value`, then a line break and the body of each heredoc in
 * `fed`): the argument's text tokens give where each piece of the value stands in the source. They are checked
 * against the value in place rather than copied and joined again.
 */
function shellFormMap(
  node: Run,
  start: number,
  end: number,
  value: string,
  fed: readonly Heredoc[],
  text: string | null,
): ScriptMap {
  let map: ScriptMap = [];
  // An argument that stands in the source exactly as its value (on one line, most do) is one exact piece: its
  // tokens, scanned again to be read, would say the same.
  if (text !== null && end - start === value.length && text.startsWith(value, start)) {
    addPiece(map, 0, start, end, true);
    return withHeredocs(map, start, end, value, fed);
  }
  const own = node.tokens;
  const tokens = own.length > 0 ? own : (node.onbuild?.tokens ?? []);
  let spelled = 0;
  for (const t of tokens) {
    if (t.kind !== "text") continue;
    const from = Math.max(t.offset, start);
    const to = Math.min(t.offset + t.text.length, end);
    if (to <= from) continue;
    if (!spells(value, spelled, t.text, from - t.offset, to - from)) {
      spelled = -1;
      break;
    }
    addPiece(map, spelled, from, to, true);
    spelled += to - from;
  }
  if (spelled !== value.length) {
    // The tokens do not spell the command (should not happen): map everything to the whole argument.
    map = [];
    addPiece(map, 0, start, end, false);
  }
  return withHeredocs(map, start, end, value, fed);
}

/** Adds the heredoc bodies a shell reads after the argument: each after a line break that stands for the argument. */
function withHeredocs(
  map: ScriptMap,
  start: number,
  end: number,
  value: string,
  fed: readonly Heredoc[],
): ScriptMap {
  let at = value.length;
  for (const heredoc of fed) {
    addPiece(map, at, start, end, false);
    const body = heredoc.bodyRange.start.offset;
    addPiece(map, at + 1, body, body + heredoc.body.length, true);
    at += 1 + heredoc.body.length;
  }
  return map;
}

/** The shell script of a RUN, split into commands, with a map from script offsets back to the Dockerfile. */
export interface RunShell {
  /**
   * The language of `script`: the active SHELL's (see `activeShell`), or that of the program the RUN hands its
   * whole script to (`powershell -Command "…"`, `cmd /S /C …`, `["pwsh", "-c", "…"]`).
   */
  dialect: Dialect;
  /** The shell the stage runs the RUN with (its SHELL, or the base image's default). */
  active: ActiveShell;
  /**
   * The lines the shell runs: the shell-form command and heredoc bodies fed to a shell, or an exec form's argv;
   * for a RUN that only starts PowerShell or cmd with a script, that script.
   */
  script: string;
  /**
   * The POSIX shell commands of the script; empty when the script is not POSIX shell, so that rules about POSIX
   * tools stay silent on PowerShell and cmd (read those with `tools/powershell.ts` and `tools/cmd.ts`).
   */
  commands: ShellCommand[];
  /**
   * The source offsets `[start, end)` of the script text between `start` and `end` (e.g. a word's `start`/`end`),
   * across line continuations and comment lines; spread it into `ctx.rangeOf`.
   */
  span(start: number, end: number): [number, number];
}

/** What `runShell` needs of the file a RUN is in: the rule context gives it. */
export interface ShellScope {
  readonly semantic: SemanticModel;
  /** The Dockerfile's text (a rule context's `source`): a one-line script is then mapped without its tokens. */
  readonly source?: string;
}

/**
 * Splits a RUN into shell commands and keeps where each piece came from. Heredoc bodies are included only when a
 * shell runs them (`RUN <<EOF`, `RUN bash <<EOF`), not when they are data (`cat <<EOF > f`), and a body starting
 * with a non-shell `#!` line is left out. `scope` gives the stage's SHELL; null reads the RUN as `/bin/sh` would.
 */
export function runShell(node: Run, scope: ShellScope | null): RunShell {
  if (!caches)
    return splitRun(node, scope ? activeShell(scope.semantic, node) : posixDefault, scope?.source ?? null);
  // The engine hands a RUN to every rule in turn, so the last answer is nearly always the one asked for again.
  const semantic = scope ? scope.semantic : null;
  if (caches.lastNode === node && caches.lastSemantic === semantic && caches.lastShell)
    return caches.lastShell;
  // Every RUN rule reads the same script: split it once per node, shell and file.
  const active = semantic ? activeShell(semantic, node) : posixDefault;
  let byShell = caches.shells.get(node);
  if (!byShell) {
    caches.shells.set(node, (byShell = new Map()));
    if (caches.shells.size > keptRunSplits) forget(caches, caches.shells.keys().next().value!);
  } else if (caches.lastNode !== node) {
    // Most recently used last: the RUNs rules look back at are the last few.
    caches.shells.delete(node);
    caches.shells.set(node, byShell);
  }
  let shell = byShell.get(active);
  if (!shell) {
    shell = splitRun(node, active, scope?.source ?? null);
    byShell.set(active, shell);
  }
  caches.lastNode = node;
  caches.lastSemantic = semantic;
  caches.lastShell = shell;
  return shell;
}

/**
 * How many RUNs' splits a file's caches keep, the most recently read: rules read a RUN's split while the RUN is
 * walked and look back at the RUNs of its stage, so a few dozen cover what the corpus asks for again (128: every
 * split of the corpus made once; 16 made 1.5% more), while a file of a million RUNs no longer keeps every split
 * until its end (a generated 5 MB file: 80 MB, a third of lint's peak heap). A RUN read again after it was
 * dropped is split afresh, with the same result.
 */
export const keptRunSplits = 128;

/** Drops the splits of `node` and what was read from them. */
function forget(caches: RunCaches, node: Run): void {
  const byShell = caches.shells.get(node);
  caches.shells.delete(node);
  if (!byShell) return;
  for (const shell of byShell.values()) {
    caches.commands.delete(shell);
    caches.dialectCommands.delete(shell);
    for (const inner of caches.embedded.get(shell) ?? []) caches.dialectCommands.delete(inner);
    caches.embedded.delete(shell);
  }
  if (caches.lastNode === node) {
    caches.lastNode = null;
    caches.lastShell = null;
  }
}

/**
 * The splits of the file being linted, kept while `withRunCaches` runs. Not a module-level WeakMap keyed by node:
 * V8's young-generation GC keeps the entries of such a map alive, so every RUN node and split outlived the file
 * and was copied into the old generation (measured on the corpus: 3% of all allocation promoted, and full
 * mark-compacts to collect it). These maps die with the file instead.
 */
let caches: RunCaches | null = null;

interface RunCaches {
  shells: Map<Run, Map<ActiveShell, RunShell>>;
  /** The last split `runShell` returned, and the node and file it was for. */
  lastNode: Run | null;
  lastSemantic: SemanticModel | null;
  lastShell: RunShell | null;
  commands: Map<RunShell, RunCommands>;
  embedded: Map<RunShell, RunShell[]>;
  /** The PowerShell or cmd commands of a script in another dialect than POSIX shell (see `scriptCommands`). */
  dialectCommands: Map<RunShell, ShellCommand[]>;
}

/**
 * Runs `fn` (the linting of one file) with fresh caches, so that every rule shares one split per RUN. Outside it,
 * `runShell`, `runCommands`, `embeddedScripts` and `scriptCommands` read again on each call.
 */
export function withRunCaches<T>(fn: () => T): T {
  const outer = caches;
  const outerTables = useFileShellTables(new Map());
  caches = {
    shells: new Map(),
    lastNode: null,
    lastSemantic: null,
    lastShell: null,
    commands: new Map(),
    embedded: new Map(),
    dialectCommands: new Map(),
  };
  try {
    return fn();
  } finally {
    caches = outer;
    useFileShellTables(outerTables);
  }
}

/**
 * A RUN's script as `splitRun` and `scriptIn` make it. An object literal made in one place whose `span` is one
 * module-level function rather than a closure per RUN, and whose hidden class V8 keeps (a class's instances or a
 * closure per RUN would have their optimized code dropped after each full GC once none of them lives).
 */
interface Script extends RunShell {
  /** The map back to the Dockerfile, or null while it is not made (a shell form's, made from `lazy`). */
  map: ScriptMap | null;
  /** What `shellFormMap` makes the map of, when it is made on first use. */
  lazy: ShellFormPieces | null;
  /** For an inline script (see `scriptIn`), the script its offsets are in from `from`. */
  outer: RunShell | null;
  from: number;
}

/** The arguments of `shellFormMap` for a shell-form RUN whose map is made when first asked for. */
interface ShellFormPieces {
  node: Run;
  start: number;
  end: number;
  value: string;
  fed: readonly Heredoc[];
  /** The Dockerfile's text, when the caller gave it. */
  text: string | null;
}

function makeScript(
  dialect: Dialect,
  active: ActiveShell,
  script: string,
  commands: ShellCommand[],
  map: ScriptMap | null,
  lazy: ShellFormPieces | null,
  outer: RunShell | null,
  from: number,
): Script {
  return { dialect, active, script, commands, span: scriptSpan, map, lazy, outer, from };
}

/** `RunShell.span` of a `Script`. */
function scriptSpan(this: Script, start: number, end: number): [number, number] {
  if (this.outer !== null) return this.outer.span(start + this.from, end + this.from);
  if (this.map === null) {
    const l = this.lazy!;
    this.map = shellFormMap(l.node, l.start, l.end, l.value, l.fed, l.text);
  }
  return mapSpan(this.map, start, end);
}

/** A script put together piece by piece (an exec form's argv, a heredoc body), and its map. */
interface ScriptBuilder {
  script: string;
  map: ScriptMap;
}

/** Adds `text`, which stands at `[source, sourceEnd)` in the Dockerfile, to the script being put together. */
function append(to: ScriptBuilder, text: string, source: number, sourceEnd: number, exact: boolean): void {
  addPiece(to.map, to.script.length, source, sourceEnd, exact);
  to.script += text;
}

function splitRun(node: Run, active: ActiveShell, text: string | null): RunShell {
  let dialect = active.dialect;
  /** The POSIX commands of the script when they are known already. */
  let commands: ShellCommand[] | null = null;
  let script = "";
  let lazy: ShellFormPieces | null = null;
  /** An exec form's script and map, or a PowerShell or cmd heredoc body's. */
  let made: ScriptBuilder | null = null;
  if (node.form === "shell" && node.args[0]) {
    const arg = node.args[0];
    const start = arg.range.start.offset;
    const end = arg.range.end.offset;
    // The script is the argument's value, then the heredoc bodies a shell reads; where each piece stands in the
    // source is read from the tokens only when a span is asked for (`shellFormMap`), which most RUNs never are.
    const value = arg.value;
    script = value;
    const fed: Heredoc[] = [];
    if (dialect === "posix") {
      const line = parseShell(script);
      commands = line;
      for (const heredoc of node.heredocs) {
        if (!feedsShell(line, heredoc.name, heredoc.body)) continue;
        commands = null;
        fed.push(heredoc);
        script += "\n" + heredoc.body;
      }
    }
    // `RUN <<EOF` under PowerShell or cmd: the body is the script.
    const whole = dialect === "posix" ? null : /^\s*<<-?\s*["']?([^\s"']+)["']?\s*$/.exec(script);
    const heredoc = whole ? heredocNamed(node.heredocs, whole[1]!) : undefined;
    if (heredoc) {
      made = { script: "", map: [] };
      const at = heredoc.bodyRange.start.offset;
      append(made, heredoc.body, at, at + heredoc.body.length, true);
    } else {
      lazy = { node, start, end, value, fed, text };
    }
  } else if (node.form === "exec") {
    made = { script: "", map: [] };
    const argv: string[] = [];
    for (const a of node.args) argv.push(a.value);
    const c = argv.indexOf("-c");
    const inline = programDialect(argv[0] ?? "") !== "posix" ? inlineScriptIndex(argv) : -1;
    if (inline >= 0 && node.args[inline]) {
      dialect = programDialect(argv[0]!);
      addJsonString(node.args[inline], made);
    } else if (runsShell(argv) && c >= 0 && node.args[c + 1]) {
      dialect = "posix";
      addJsonString(node.args[c + 1]!, made);
    } else {
      dialect = "posix";
      for (let i = 0; i < node.args.length; i++) {
        const a = node.args[i]!;
        const at = a.range.start.offset;
        if (i > 0) append(made, " ", at, at, false);
        if (/[\s"'$\\;&|<>()`#]/.test(a.value) || a.value === "") {
          append(made, `'${a.value.replaceAll("'", "'\\''")}'`, at, a.range.end.offset, false);
        } else {
          addJsonString(a, made);
        }
      }
    }
  }
  if (made) script = made.script;
  const shell = makeScript(
    dialect,
    active,
    script,
    dialect === "posix" ? (commands ?? parseShell(script)) : [],
    lazy ? null : (made?.map ?? []),
    lazy,
    null,
    0,
  );
  return node.form === "shell" ? (innerScript(shell) ?? shell) : shell;
}

/** The heredoc of `heredocs` named `name`, if any. */
function heredocNamed(heredocs: readonly Heredoc[], name: string): Heredoc | undefined {
  for (const h of heredocs) if (h.name === name) return h;
  return undefined;
}

/**
 * The index of the argument where the script a PowerShell or cmd argv runs inline starts (after `-Command`/`-c`,
 * `/C`/`/K`, or the first operand of `powershell`), or -1 when it runs a file or nothing.
 */
export function inlineScriptIndex(argv: readonly string[]): number {
  const dialect = programDialect(argv[0] ?? "");
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!.toLowerCase();
    if (dialect === "cmd") {
      if (a === "/c" || a === "/k") return i + 1 < argv.length ? i + 1 : -1;
      if (!a.startsWith("/")) return -1;
    } else if (dialect === "powershell") {
      // PowerShell accepts any unambiguous prefix of a parameter name (`-Com`, `-c`).
      if (/^-c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?$/.test(a)) return i + 1 < argv.length ? i + 1 : -1;
      if (/^-(?:f|fi|fil|file|e|ec|en|encodedcommand)$/.test(a)) return -1;
      // Without a parameter name, Windows PowerShell reads the rest as the command, PowerShell 7 as a file.
      if (!a.startsWith("-")) return programName(argv[0]!) === "powershell" ? i : -1;
      // Parameters with a value.
      if (
        /^-(?:executionpolicy|ex|ep|windowstyle|w|inputformat|outputformat|of|if|version|v|configurationname)$/.test(
          a,
        )
      )
        i++;
    } else {
      return -1;
    }
  }
  return -1;
}

/**
 * When the whole script of a shell-form RUN is one command that starts PowerShell or cmd with an inline script
 * (`powershell -Command "iwr …"`, `cmd /S /C "…"`), that script in its own dialect; null otherwise.
 */
function innerScript(outer: RunShell): RunShell | null {
  const words = commandWords(outer);
  return words ? scriptIn(outer, words) : null;
}

/**
 * The scripts that commands of a script hand to PowerShell or cmd inline, each in its own dialect with its map
 * back to the Dockerfile: `pwsh -c "…"` after other commands, `powershell -Command "…" && SET …` in cmd.
 */
export function embeddedScripts(shell: RunShell): RunShell[] {
  // Several rules ask for the same RUN's: read them once per file.
  let result = caches?.embedded.get(shell);
  if (result) return result;
  result = [];
  for (const command of scriptCommands(shell)) {
    if (command.name === null) continue;
    const dialect = programDialect(command.name);
    if (dialect !== "powershell" && dialect !== "cmd") continue;
    const inner = scriptIn(shell, command.words.slice(command.words.length - command.args.length - 1));
    if (inner) result.push(inner);
  }
  caches?.embedded.set(shell, result);
  return result;
}

/** The inline script of a command line (`words[0]` is the program) that starts PowerShell or cmd, or null. */
function scriptIn(outer: RunShell, words: readonly ShellWord[]): RunShell | null {
  if (words.length < 2) return null;
  const dialect = programDialect(words[0]!.value);
  if (dialect !== "powershell" && dialect !== "cmd") return null;
  const argv: string[] = [];
  for (const w of words) argv.push(w.value);
  const index = inlineScriptIndex(argv);
  if (index < 0) return null;
  let from = words[index]!.start;
  let to = words[words.length - 1]!.end;
  // `-Command "a; b"`: the quotes belong to the command line, not to the script.
  const text = outer.script.slice(from, to);
  if (
    index === words.length - 1 &&
    (/^"[^"]*"$/.test(text) || (outer.dialect === "posix" && /^'[^']*'$/.test(text)))
  ) {
    from++;
    to--;
  }
  return makeScript(dialect, outer.active, outer.script.slice(from, to), [], null, null, outer, from);
}

/** The words of the script when it is a single command, read in the script's dialect; null otherwise. */
function commandWords(shell: RunShell): readonly ShellWord[] | null {
  if (shell.dialect === "posix") {
    return shell.commands.length === 1 && shell.commands[0]!.redirects.length === 0
      ? shell.commands[0]!.words
      : null;
  }
  if (shell.dialect !== "cmd" && shell.dialect !== "powershell") return null;
  // A minimal split on blanks and double quotes; a separator outside quotes means more than one command.
  const separators = shell.dialect === "cmd" ? "&|<>\n" : ";&|<>\n";
  const words: ShellWord[] = [];
  const s = shell.script;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && (s[i] === " " || s[i] === "\t" || s[i] === "\r")) i++;
    if (i >= s.length) break;
    const start = i;
    let quoted = false;
    while (i < s.length && (quoted || !" \t\r".includes(s[i]!))) {
      if (s[i] === '"') quoted = !quoted;
      else if (!quoted && separators.includes(s[i]!)) return null;
      i++;
    }
    const raw = s.slice(start, i);
    words.push({ value: raw.replaceAll('"', ""), raw, start, end: i });
  }
  return words;
}

/**
 * The commands of a RUN's script read in its own dialect: the POSIX commands, or those of the PowerShell or cmd
 * reader (whose `base` is the cmdlet or program, aliases resolved); empty for a program hull does not read.
 */
export function scriptCommands(shell: RunShell): readonly ShellCommand[] {
  if (shell.dialect === "posix") return shell.commands;
  let commands = caches?.dialectCommands.get(shell);
  if (!commands) {
    commands =
      shell.dialect === "powershell"
        ? parsePowershell(
            shell.script,
            shell.active.windowsPowershell || shell.active.dialect !== "powershell",
          )
        : shell.dialect === "cmd"
          ? parseCmd(shell.script)
          : [];
    caches?.dialectCommands.set(shell, commands);
  }
  return commands;
}

/** A JSON string element of an exec form: exact when the literal has no escapes, else mapped as a whole. */
function addJsonString(
  arg: { value: string; range: { start: { offset: number }; end: { offset: number } } },
  to: ScriptBuilder,
): void {
  const range = arg.range;
  const start = range.start.offset;
  const end = range.end.offset;
  const exact = end - start === arg.value.length + 2;
  append(to, arg.value, exact ? start + 1 : start, exact ? end - 1 : end, exact);
}

/** True when `value` has the `length` characters of `text` from `from` at `at`. */
function spells(value: string, at: number, text: string, from: number, length: number): boolean {
  if (at + length > value.length) return false;
  if (from === 0 && length === text.length) return value.startsWith(text, at);
  for (let i = 0; i < length; i++) if (value.charCodeAt(at + i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/** True when the heredoc `name` is the stdin of a shell (or is the whole command), so its body is a script. */
function feedsShell(line: readonly ShellCommand[], name: string, body: string): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (shebang) {
    const program = basename(shebang[1]!) === "env" ? (shebang[2] ?? "") : basename(shebang[1]!);
    if (!shellNames.has(program)) return false;
  }
  for (const command of line) {
    if (!readsHeredoc(command, name)) continue;
    if (command.name === null) return true;
    // `bash -ex <<EOF` reads the script from stdin; `bash script.sh <<EOF` does not.
    const args = shellArgs(command);
    if (args === null) return false;
    for (const a of args) if (!a.value.startsWith("-")) return false;
    return true;
  }
  return false;
}

/** True when `command` has the heredoc `name` as its standard input. */
function readsHeredoc(command: ShellCommand, name: string): boolean {
  for (const r of command.redirects)
    if ((r.op === "<<" || r.op === "<<-") && r.target?.value === name) return true;
  return false;
}

/**
 * True when a command after `index` runs a script whose content the Dockerfile does not show and which may clean up
 * after the commands before it: a shell script of the project (`/scripts/cleanup.sh`, `bash /tmp/install.sh`), or a
 * program named for cleaning (`docker-clean`, phusion's `install_clean`). An installer the same RUN downloads
 * (`curl -O https://…/install.sh && sh install.sh`) is another project's, which cleans up nothing of this one.
 */
export function runsOpaqueScriptAfter(commands: readonly ShellCommand[], index: number): boolean {
  // What the RUN downloads, read once, when a first script asks.
  let downloads: string | undefined;
  for (let i = index + 1; i < commands.length; i++) {
    const { name, base, args } = commands[i]!;
    if (name === null || base === null) continue;
    const script = shellNames.has(base) ? args.find((a) => !a.value.startsWith("-"))?.value : name;
    if (/clean/i.test(base) && !shellNames.has(base)) return true;
    if (script === undefined || !SCRIPT_FILE.test(script)) continue;
    downloads ??= commands
      .filter((c) => c.base === "curl" || c.base === "wget")
      .flatMap((c) => c.args.map((a) => a.value))
      .join("\n");
    if (!downloads.includes(basename(script))) return true;
  }
  return false;
}

const SCRIPT_FILE = /\.(?:sh|bash)$/;

/** True when the RUN has a cache or tmpfs mount whose target is one of `targets` (trailing slashes ignored). */
export function hasCacheMount(
  node: { mounts?: readonly { mountType: string; target: string | null }[] },
  ...targets: (string | RegExp)[]
): boolean {
  const mounts = node.mounts;
  if (mounts === undefined) return false;
  for (const m of mounts) {
    if ((m.mountType !== "cache" && m.mountType !== "tmpfs") || m.target === null) continue;
    const target = m.target.replace(/\/+$/, "");
    for (const t of targets)
      if (typeof t === "string" ? t.replace(/\/+$/, "") === target : t.test(target)) return true;
  }
  return false;
}

/**
 * True when a cache or tmpfs mount of the RUN holds `dir`: its target (variables expanded by `expand`, as BuildKit
 * expands a mount's options) is `dir` or a folder above it.
 */
export function mountedCacheHolds(
  node: { mounts?: readonly { mountType: string; target: string | null }[] },
  dir: string,
  expand: (text: string) => string | null,
): boolean {
  const path = dir.replace(/\/+$/, "");
  for (const m of node.mounts ?? []) {
    if ((m.mountType !== "cache" && m.mountType !== "tmpfs") || m.target === null) continue;
    const target = expand(m.target)?.replace(/\/+$/, "");
    if (target && (path === target || path.startsWith(`${target}/`))) return true;
  }
  return false;
}

/** The shell of a RUN and its POSIX command lists: the script's own, then one per command substitution. */
export interface RunCommands {
  shell: RunShell;
  /** Each list is one script, so that `|` and `&&` operators relate commands of the same list only. */
  lists: ShellCommand[][];
  /** Every command of every list. */
  all: ShellCommand[];
}

/** Splits a RUN into its commands, those inside `$(…)` and backquotes included. */
export function runCommands(node: Run, scope: ShellScope | null): RunCommands {
  // Rules share one split per RUN and shell; the AST is not mutated after parsing, so the cache cannot go stale.
  const shell = runShell(node, scope);
  let commands = caches?.commands.get(shell);
  if (!commands) {
    const lists = [shell.commands];
    for (const list of commandSubstitutions(shell.script, shell.commands)) lists.push(list);
    commands = { shell, lists, all: lists.length === 1 ? shell.commands : lists.flat() };
    caches?.commands.set(shell, commands);
  }
  return commands;
}

/** The Dockerfile range of a piece of a RUN script. */
export function scriptRange(
  ctx: { rangeOf(start: number, end: number): Range },
  shell: RunShell,
  at: ScriptSpan,
): Range {
  const span = shell.span(at.start, at.end);
  return ctx.rangeOf(span[0], span[1]);
}

/**
 * True when a word or redirection target of the script holds a command substitution (`$(…)` or backquotes) whose
 * raw text passes `test`, e.g. mentions `wget`: only then can `runCommands` find more of those commands than
 * `runShell`, so a rule can skip splitting the substitutions (a cost it would otherwise pay for every RUN).
 */
export function substitutionMentions(shell: RunShell, test: (raw: string) => boolean): boolean {
  if (!shell.script.includes("$(") && !shell.script.includes("`")) return false;
  for (const c of shell.commands) {
    for (const w of c.words) if (holds(w, test)) return true;
    for (const r of c.redirects) if (r.target !== null && holds(r.target, test)) return true;
  }
  return false;
}

/** True when the word holds a command substitution and its raw text passes `test`. */
function holds(w: ShellWord, test: (raw: string) => boolean): boolean {
  return (w.raw.includes("$(") || w.raw.includes("`")) && test(w.raw);
}
