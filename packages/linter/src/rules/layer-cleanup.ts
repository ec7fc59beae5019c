import {
  cleanSegments,
  flagNamed,
  globCovers,
  isGlob,
  pathMax,
  sourceKind,
  type Add,
  type Copy,
  type Run,
  type SemanticModel,
  type Stage,
} from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { hasFlag, operands, subcommand } from "../shell/options.js";
import { activeShell, windowsPath } from "../shell/dialect.js";
import { hasCacheMount, type RunShell, runShell, scriptCommands, scriptRange } from "../shell/run.js";
import { apkCacheDir, apkFillsCache } from "../shell/tools/apk.js";
import {
  aptArchivesDir,
  aptCleanVerbs,
  aptDownloadVerbs,
  aptFamily,
  aptListsCleanVerb,
  aptListsDir,
} from "../shell/tools/apt.js";
import { chocoCacheDir, chocoCleansCache, chocoFillsCache } from "../shell/tools/choco.js";
import { cmdRemovals } from "../shell/tools/cmd.js";
import { mkdirOptions } from "../shell/tools/coreutils.js";
import { downloadTarget, downloadTools, urlBasename } from "../shell/tools/curl.js";
import { gitCloneOptions } from "../shell/tools/git.js";
import { npmCacheDir, npmCacheVerbs, yarnCacheDirs, yarnOwnCacheFolder } from "../shell/tools/npm.js";
import {
  mayRunPip,
  type PipCommand,
  pipCacheDir,
  pipCleansCache,
  pipCommand,
  pipFillsCache,
  pipCacheOffBefore,
} from "../shell/tools/pip.js";
import { powershellDownloadTarget, powershellRemovals } from "../shell/tools/powershell.js";
import {
  type PackageAction,
  yumDnfAction,
  yumDnfCacheDirs,
  yumDnfFillsCache,
  yumDnfNames,
} from "../shell/tools/rpm.js";
import { extractDir, extractTools, isTarArchive } from "../shell/tools/tar.js";

/** Files a layer created, which a later layer may try to remove. */
interface Artifact {
  kind: "cache" | "download" | "buildDir" | "copied";
  /** Normalized path; a cache is a placeholder file inside its directory. */
  path: string;
  /** The instruction that created it. */
  keyword: string;
  /** Its line is read only when a finding names it: most files are never removed by a later layer. */
  node: Run | Add | Copy;
  /** Index of the creating instruction in the stage. */
  layer: number;
  /** For a copied file: what it was copied from; the rest is only worked out when a later RUN removes it. */
  copy?: CopiedFrom;
}

/** Where a copied file came from: its source as written, its file name, and the `--from` stage or image. */
interface CopiedFrom {
  source: string;
  base: string;
  from: string | null | undefined;
  weight: Weight;
}

/** The tools whose package caches the rule follows; a command is one of them at most. */
type Tool = "apt" | "apk" | "rpm" | "pip" | "npm" | "yarn";

/** A package cache: the directories a tool fills and the commands that empty them. */
interface CacheRow {
  tool: Tool;
  dirs: readonly string[];
  /** True when the command fills the cache. */
  fills(facts: Facts): boolean;
  /** True when the command empties the cache. */
  cleans(facts: Facts): boolean;
}

/**
 * A row with its directories as the rule compares them (normalized, and a placeholder file inside), and the mount
 * targets that keep them out of the layer: the same for every command, so made once.
 */
interface Cache extends CacheRow {
  roots: readonly string[];
  contents: readonly string[];
  mounts: readonly string[];
}

/**
 * What the cache table asks of one command, read once per command: each reader walks the arguments, and the
 * table asks up to fourteen questions of every command.
 */
interface Facts {
  command: ShellCommand;
  /** Which rows of the table apply: only that tool's. */
  tool: Tool;
  /** The sub-command, read only for the tools whose caches depend on it. */
  sub: string | null;
  /** The yum/dnf action, or null. */
  yumDnf: PackageAction | null;
  /** pip itself, not `uv pip`, whose cache lives elsewhere. */
  pip: PipCommand | null;
  /**
   * For pip: whether the stage's ENV or ARGs set PIP_NO_CACHE_DIR, which turns the cache off (false for a command
   * that fills none).
   */
  pipCacheOff: boolean;
}

/** Where the shell runs relative paths: a path, or null once a `cd` went somewhere unknown. */
type Cwd = string | null;

/** Files that weigh megabytes: archives, packages, disk images and binaries. Scripts and configs weigh nothing. */
const HEAVY =
  /\.(?:tar|t?gz|tbz2?|txz|tzst|bz2|xz|zst|lz4?|zip|7z|rar|deb|rpm|apk|whl|egg|jar|war|ear|nupkg|gem|iso|img|qcow2|bin|run|so|a|exe|msi|AppImage|dmg|pkg)$/i;

// A relative path in a stage whose WORKDIR is not known; it only has to compare equal to itself.
const UNKNOWN_WORKDIR = "/\u0000workdir";
const INSIDE = "/\u2026";
/** `~` spelled as a variable or as root's home; `normalize` folds them into `~`. */
const HOME = /^(?:\$\{HOME\}|\$HOME|\/root)(?=\/|$)/;
/** An empty, `.` or `..` segment, or a trailing slash: a path `normalize` must rewrite (`/.cache` it need not). */
const UNNORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** The cache tools known by their command's name (yum/dnf and pip are known by what `factsOf` reads). */
const TOOL_NAMES: ReadonlyMap<string, Tool> = new Map<string, Tool>([
  ...[...aptFamily].map((name): [string, Tool] => [name, "apt"]),
  ["apk", "apk"],
  ["npm", "npm"],
  ["yarn", "yarn"],
]);

/**
 * What the rule reads of each command it follows, by the command's name; pip and uv are known by what `factsOf`
 * reads (`mayRunPip`). A command plays one role at most, and any other command neither creates nor removes
 * anything the rule follows: it is passed over after one lookup.
 */
type Role = "cache" | "rm" | "mkdir" | "cd" | "download" | "unpack";
const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...[...TOOL_NAMES.keys(), ...yumDnfNames].map((name): [string, Role] => [name, "cache"]),
  ...[...downloadTools].map((name): [string, Role] => [name, "download"]),
  ...[...extractTools, "git"].map((name): [string, Role] => [name, "unpack"]),
  ["rm", "rm"],
  ["mkdir", "mkdir"],
  ["cd", "cd"],
]);

/**
 * The facts of a command, or null when it is none of the tools (most commands): it then skips the table. `node`
 * is the RUN, whose scope says whether PIP_NO_CACHE_DIR is set (asked for pip commands only).
 */
function factsOf(command: ShellCommand, name: string, node: Run, ctx: Context): Facts | null {
  const tool = TOOL_NAMES.get(name);
  if (tool !== undefined)
    return { command, tool, sub: subcommand(command), yumDnf: null, pip: null, pipCacheOff: false };
  const yumDnf = yumDnfAction(command);
  if (yumDnf !== null) return { command, tool: "rpm", sub: null, yumDnf, pip: null, pipCacheOff: false };
  const pip = pipCommand(command);
  if (pip?.runner !== "pip") return null;
  return {
    command,
    tool: "pip",
    sub: null,
    yumDnf: null,
    pip,
    // The stage's scope is asked only of a command that would fill the cache.
    pipCacheOff: pipFillsCache(pip) && pipCacheOffBefore(ctx.semantic, node),
  };
}

// Each tool's folders and verbs come from its reader in `shell/tools/`; this table only says which fill and clean.
// A row is asked only about its own tool's commands.
const ROWS: readonly CacheRow[] = [
  {
    tool: "apt",
    dirs: [aptListsDir],
    fills: (f) => f.sub === "update",
    cleans: (f) => f.sub === aptListsCleanVerb,
  },
  {
    tool: "apt",
    dirs: [aptArchivesDir],
    fills: (f) => aptDownloadVerbs.has(f.sub ?? ""),
    cleans: (f) => aptCleanVerbs.has(f.sub ?? ""),
  },
  {
    tool: "apk",
    dirs: [apkCacheDir],
    fills: (f) => apkFillsCache(f.command, f.sub ?? undefined),
    cleans: (f) => f.sub === "cache" && ["clean", "purge"].includes(operands(f.command)[1]?.value ?? ""),
  },
  {
    tool: "rpm",
    dirs: yumDnfCacheDirs,
    fills: (f) => f.yumDnf !== null && yumDnfFillsCache(f.yumDnf),
    cleans: (f) => f.yumDnf?.verb === "clean",
  },
  {
    tool: "pip",
    dirs: [pipCacheDir],
    fills: (f) => f.pip !== null && !f.pipCacheOff && pipFillsCache(f.pip),
    cleans: (f) => f.pip !== null && pipCleansCache(f.pip),
  },
  {
    tool: "npm",
    dirs: [npmCacheDir],
    fills: (f) => npmCacheVerbs.has(f.sub ?? ""),
    cleans: (f) => f.sub === "cache" && operands(f.command)[1]?.value === "clean",
  },
  {
    tool: "yarn",
    dirs: yarnCacheDirs,
    // A bare `yarn` installs too.
    fills: (f) => [null, "install", "add"].includes(f.sub) && !yarnOwnCacheFolder(f.command),
    cleans: (f) => f.sub === "cache" && operands(f.command)[1]?.value === "clean",
  },
];

/** The rows of each tool, in table order. */
const cachesOf = new Map<Tool, Cache[]>();
for (const row of ROWS) {
  const roots = row.dirs.map((d) => normalize(d, "/")!);
  const cache: Cache = {
    ...row,
    roots,
    contents: roots.map((d) => `${d}${INSIDE}`),
    mounts: row.dirs.flatMap(mountTargets),
  };
  const rows = cachesOf.get(cache.tool);
  if (rows) rows.push(cache);
  else cachesOf.set(cache.tool, [cache]);
}

const messages = {
  cache: (command: string, line: number) =>
    `'${command}' cleans a package cache that the RUN on line ${line} filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.`,
  download: (path: string, keyword: string, line: number) =>
    `'${path}' comes from the ${keyword} on line ${line}; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.`,
  copied: (path: string, keyword: string, line: number, mount: string) =>
    `'${path}' was put into the image by the ${keyword} on line ${line}; removing it in a later layer does not shrink the image. Mount it into the RUN that needs it instead (RUN ${mount}), or use it in a build stage.`,
  copiedArchive: (path: string, keyword: string, line: number, mount: string) =>
    `'${path}' was put into the image by the ${keyword} on line ${line}; removing it in a later layer does not shrink the image. Let ADD unpack it, mount it into the RUN that needs it (RUN ${mount}), or use it in a build stage.`,
  buildDir: (path: string, line: number) =>
    `'${path}' was created by the RUN on line ${line}; removing it in a later layer does not shrink the image. Remove it in the RUN that creates it, or build in a separate stage.`,
};

/** A COPY or ADD waiting to be followed, with the WORKDIR it ran in and its layer. */
interface PendingCopy {
  node: Add | Copy;
  workdir: string;
  layer: number;
}

/**
 * What the rule keeps of the stage being walked. Only a RUN removes files, so the rule handles RUNs alone: at each, it
 * first reads the stage's instructions since the last RUN (WORKDIR, COPY, ADD), and a stage without a RUN costs
 * nothing.
 */
interface State {
  /** The stage walked (undefined before the first RUN). */
  stage: Stage | undefined;
  /** The index in the stage's instructions of the first one not read yet. */
  next: number;
  /**
   * The files earlier layers of the stage created, by path, in the order the paths were first created. A path holds
   * no two artifacts that are the `same`: a later one would only ever be named after the earlier, and a stage whose
   * every RUN fills the same cache or clones the same repository made each removal read them all (quadratic).
   */
  held: Map<string, Artifact[]>;
  /**
   * The COPY and ADD instructions not yet followed, with the WORKDIR and layer of each: they are followed only when
   * a later RUN removes something (`settle`), and most stages never remove a file that a COPY brought in.
   */
  readonly pending: PendingCopy[];
  workdir: string;
  // What the POSIX RUN at hand created, and what its command at hand removes of earlier layers: made once per
  // file and emptied as they are used, rather than made for every RUN.
  readonly mine: Artifact[];
  readonly removed: { path: string; artifact: Artifact }[];
}

type Context = RuleContext<typeof messages, Record<string, unknown>, State>;

export default defineRule({
  id: "layer-cleanup",
  title: "Remove files in the same layer that creates them",
  severity: "warning",
  fixable: false,
  docs: {
    rationale:
      "Each RUN, COPY and ADD is a layer, and the image is all of its layers stacked. " +
      "Deleting a file in a later layer only hides it (a whiteout entry); its bytes stay in the layer that created it and are still pulled with the image. " +
      "Package caches, downloaded archives and build directories must be removed in the same RUN that creates them, " +
      "or kept out of the image with a cache mount (`RUN --mount=type=cache,…`) or a build stage. " +
      "A file that `COPY` or `ADD` brought in cannot be removed at all: mount it into the RUN that needs it (`RUN --mount=type=bind,source=…,target=…`) instead of copying it.",
    limitations:
      'In PowerShell and cmd scripts (a Windows base image, a PowerShell `SHELL`, `powershell -Command "…"`) it follows downloads (`Invoke-WebRequest -OutFile`, `DownloadFile`, `Start-BitsTransfer`, `curl.exe -o`), `ADD` of a URL, and Chocolatey\'s download cache (`%TEMP%\\chocolatey`, filled by `choco install`, emptied by `choco cache remove`), removed with `Remove-Item` (`rm`, `del`), `del`/`erase` or `rd`/`rmdir`; Windows paths are compared without case, with `C:` and `$env:TEMP`/`%TEMP%` understood. ' +
      "Other PowerShell variables in a path (`$dir\\a.zip`) are not followed. " +
      "Only the stages that end up in an image are checked: the last one, and those a later `FROM` builds on; a stage that only feeds `COPY --from` ships no layer.",
    bad: [
      `FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
`,
      `FROM debian:bookworm
RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt
RUN rm /tmp/app.tgz
`,
      `FROM python:3.12
COPY dist/app.whl /tmp/
RUN pip install --no-cache-dir /tmp/app.whl && rm /tmp/app.whl
`,
    ],
    good: [
      `FROM debian:bookworm
RUN apt-get update \\
 && apt-get install -y curl \\
 && rm -rf /var/lib/apt/lists/*
`,
      `FROM debian:bookworm
RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz \\
 && tar -xzf /tmp/app.tgz -C /opt \\
 && rm /tmp/app.tgz
`,
      `FROM python:3.12
RUN --mount=type=bind,source=dist/app.whl,target=/tmp/app.whl pip install --no-cache-dir /tmp/app.whl
`,
    ],
  },
  messages,
  state: (): State => ({
    stage: undefined,
    next: 0,
    held: new Map(),
    pending: [],
    workdir: UNKNOWN_WORKDIR,
    mine: [],
    removed: [],
  }),
  visitor: {
    Run(node, ctx) {
      // An ONBUILD trigger runs in another image's build; a stage that only feeds COPY --from ships no layer (and
      // a RUN before the first FROM is in no stage).
      const stage = ctx.currentStage();
      if (ctx.isTrigger(node) || stage === null || !ctx.semantic.isKept(stage)) return;
      const layer = catchUp(ctx, stage, node);
      const shell = runShell(node, ctx);
      if (shell.dialect === "powershell" || shell.dialect === "cmd") {
        windowsRun(ctx, shell, node, layer);
        return;
      }
      followRun(ctx, node, shell, ctx.state.workdir, layer);
    },
  },
});

/**
 * Reads the instructions of the RUN's stage from the last one read up to the RUN (a new stage starts empty), and
 * returns the RUN's layer: its place in the stage, which orders the layers as the stage does.
 */
function catchUp(ctx: Context, stage: Stage, node: Run): number {
  const { state } = ctx;
  if (stage !== state.stage) {
    state.stage = stage;
    state.next = 0;
    // Clearing a map makes it a new table: an empty one (most stages hold nothing) is left as it is.
    if (state.held.size > 0) state.held.clear();
    while (state.pending.length > 0) state.pending.pop();
    state.workdir = UNKNOWN_WORKDIR;
  }
  const { instructions } = stage;
  let i = state.next;
  for (; i < instructions.length; i++) {
    const instruction = instructions[i]!;
    if (instruction === node) break;
    const layer = i + 1;
    if (instruction.type === "Workdir") {
      if (!instruction.value) continue;
      const { workdir } = state;
      state.workdir =
        (windows(ctx.semantic, instruction)
          ? windowsPath(instruction.value.value, workdir)
          : normalize(instruction.value.value, workdir)) ?? UNKNOWN_WORKDIR;
    } else if ((instruction.type === "Copy" || instruction.type === "Add") && instruction.destination) {
      state.pending.push({ node: instruction, workdir: state.workdir, layer });
    }
  }
  state.next = i + 1;
  return i + 1;
}

/**
 * Follows a POSIX RUN in the order of its commands: what it removes of earlier layers (reported) and of its own,
 * and what it leaves in its layer.
 */
function followRun(ctx: Context, node: Run, shell: RunShell, workdir: string, layer: number): void {
  const { state } = ctx;
  // mine and removed are emptied as they are used.
  const { mine, removed } = state;
  // The caches this RUN filled and the directories it made, for the few RUNs that do.
  let filled: Cache[] | undefined;
  let cwd: Cwd = workdir;
  // `mkdir` commands are read only when a `cd` follows them (most RUNs that make a directory never enter it), each
  // once: those not read yet wait in `mkdirs`.
  let made: Set<string> | undefined;
  let mkdirs: { command: ShellCommand; cwd: Cwd }[] | undefined;
  for (const command of shell.commands) {
    const name = command.base;
    if (name === null) continue;
    const role = ROLES.get(name) ?? (mayRunPip(name) ? "cache" : undefined);
    if (role === undefined) continue;
    if (role === "cache") {
      const facts = factsOf(command, name, node, ctx);
      if (facts === null) continue;
      const caches = cachesOf.get(facts.tool)!;
      // Removals first: a command that cleans a cache an earlier layer filled.
      for (const cache of caches) {
        if (!cache.cleans(facts)) continue;
        for (const path of cache.contents) remove(ctx, path);
      }
      if (removed.length > 0) reportRemoval(ctx, shell, command, cwd, filled);
      // Then what it fills.
      for (const cache of caches) {
        if (!cache.fills(facts)) continue;
        if (filled === undefined) filled = [cache];
        else if (!filled.includes(cache)) filled.push(cache);
        if (node.mounts.length > 0 && hasCacheMount(node, ...cache.mounts)) continue;
        for (const path of cache.contents) mine.push({ kind: "cache", path, keyword: "RUN", node, layer });
      }
    } else if (role === "rm") {
      // Nothing created yet in the stage (the usual case): nothing an `rm` could remove.
      if (state.held.size === 0 && mine.length === 0 && state.pending.length === 0) continue;
      for (const w of operands(command)) {
        const path = normalize(w.value, cwd);
        if (path !== null) remove(ctx, path);
      }
      if (removed.length > 0) reportRemoval(ctx, shell, command, cwd, filled);
    } else if (role === "download") {
      const path = downloaded(command, cwd);
      if (path !== null) mine.push({ kind: "download", path, keyword: "RUN", node, layer });
    } else if (role === "unpack") {
      const path = builtIn(command, cwd);
      if (path !== null) mine.push({ kind: "buildDir", path, keyword: "RUN", node, layer });
    } else if (role === "mkdir") {
      (mkdirs ??= []).push({ command, cwd });
    } else {
      const target = operands(command)[0]?.value;
      cwd = target === undefined ? "~" : normalize(target, cwd);
      // A directory made and then entered in one RUN is a build directory.
      if (mkdirs !== undefined) {
        made ??= new Set();
        for (const m of mkdirs) {
          for (const w of operands(m.command, mkdirOptions)) {
            const path = normalize(w.value, m.cwd);
            if (path !== null) made.add(path);
          }
        }
        mkdirs = undefined;
      }
      if (cwd !== null && made?.has(cwd))
        mine.push({ kind: "buildDir", path: cwd, keyword: "RUN", node, layer });
    }
  }
  if (mine.length > 0) {
    for (const artifact of mine) hold(state, artifact);
    while (mine.length > 0) mine.pop();
  }
}

/**
 * Reports what a command removed of earlier layers (in `state.removed`), and empties that list. Of the files
 * removed, the one of the earliest layer is named.
 */
function reportRemoval(
  ctx: Context,
  shell: RunShell,
  command: ShellCommand,
  cwd: Cwd,
  filled: readonly Cache[] | undefined,
): void {
  const { removed } = ctx.state;
  const reported = removed.filter(({ artifact }) => {
    // A copied file counts when it is heavy, or may be a directory tree removed recursively (light ones are not
    // followed at all).
    if (artifact.kind === "copied") {
      const { weight } = artifact.copy!;
      return weight === "heavy" || (weight === "tree" && recursiveRm(command));
    }
    // A RUN that fills a cache and then cleans it is cleaning its own files; the earlier layer is another finding.
    if (artifact.kind !== "cache") return true;
    return !(filled ?? []).some((cache) => cache.roots.some((d) => artifact.path.startsWith(d)));
  });
  // Emptied by popping: setting an array's length calls into the runtime.
  while (removed.length > 0) removed.pop();
  // The earliest: a stage's layers are numbered in line order.
  const first = reported.sort((a, b) => a.artifact.layer - b.artifact.layer)[0];
  if (!first) return;
  const at = scriptRange(ctx, shell, command);
  const { artifact } = first;
  if (artifact.kind === "cache") {
    const text = command.base === "rm" ? `rm ${displayOperand(command, first.path, cwd)}` : words(command);
    ctx.report(at, "cache", text, lineOf(artifact));
  } else if (artifact.kind === "copied") {
    const { source, base, from } = artifact.copy!;
    // BuildKit reads no `~` in a mount target: the home folder is written out (`/root`, which `~` stands for here).
    const target = display(artifact.path).replace(/^~(?=\/|$)/, "/root");
    const mount = `--mount=type=bind,${from ? `from=${from},` : ""}source=${source},target=${target}`;
    ctx.report(
      at,
      isTarArchive(base) ? "copiedArchive" : "copied",
      displayOperand(command, artifact.path, cwd),
      artifact.keyword,
      lineOf(artifact),
      mount,
    );
  } else if (artifact.kind === "download") {
    ctx.report(
      at,
      "download",
      displayOperand(command, artifact.path, cwd),
      artifact.keyword,
      lineOf(artifact),
    );
  } else {
    ctx.report(at, "buildDir", displayOperand(command, artifact.path, cwd), lineOf(artifact));
  }
}

/** The line of the instruction that created an artifact. */
function lineOf(artifact: Artifact): number {
  return artifact.node.range.start.line;
}

/** Removes what `path` (maybe a glob) covers from the stage's files and the RUN's own, noting earlier layers'. */
function remove(ctx: Context, path: string): void {
  const { state } = ctx;
  settle(ctx);
  const { held, mine, removed } = state;
  // Nothing created yet in the stage: nothing to remove (the usual case).
  if (held.size === 0 && mine.length === 0) return;
  // One test per path, compiled once and applied once to each path held.
  const covered = covers(path);
  for (const at of held.keys()) {
    if (!covered(at)) continue;
    for (const artifact of held.get(at)!) removed.push({ path, artifact });
    held.delete(at);
  }
  // The RUN's own files are removed without a finding.
  for (let i = mine.length - 1; i >= 0; i--) if (covered(mine[i]!.path)) mine.splice(i, 1);
}

/**
 * True when two artifacts at the same path are the same to the rule: the same kind of file (and, copied, of the same
 * weight). Everything a removal reports of one it would report of the other, and of the earlier first.
 */
function same(a: Artifact, b: Artifact): boolean {
  return a.kind === b.kind && a.copy?.weight === b.copy?.weight;
}

/** Adds an artifact to the stage's, unless the stage holds the same one from an earlier layer. */
function hold(state: State, artifact: Artifact): void {
  const atPath = state.held.get(artifact.path);
  if (atPath === undefined) {
    state.held.set(artifact.path, [artifact]);
    return;
  }
  const i = atPath.findIndex((a) => same(a, artifact));
  if (i < 0) atPath.push(artifact);
  // The earlier of the two is kept: a COPY is followed late (`settle`), after RUNs of later layers were.
  else if (atPath[i]!.layer > artifact.layer) atPath[i] = artifact;
}

/**
 * Follows the COPY and ADD instructions still pending, before a removal looks at what the stage holds: the stage
 * then holds what it would have held had each been followed when it was walked (`hold` keeps the earliest).
 */
function settle(ctx: Context): void {
  const { pending } = ctx.state;
  if (pending.length === 0) return;
  for (const { node, workdir, layer } of pending) follow(ctx, node, workdir, layer);
  while (pending.length > 0) pending.pop();
}

/** Holds what a COPY or ADD brings into the stage that a later removal could report. */
function follow(ctx: Context, node: Add | Copy, workdir: string, layer: number): void {
  const { state } = ctx;
  const dest = node.destination!.value;
  // Whether the stage runs PowerShell or cmd, and whether the destination is a directory: asked once per node,
  // and only when a source needs it.
  let windowsNode: boolean | undefined;
  let intoDir: boolean | undefined;
  for (const source of node.sources) {
    const kind = sourceKind(source.value);
    if (node.type === "Add" && (kind !== "local" || isTarArchive(source.value))) {
      windowsNode ??= windows(ctx.semantic, node);
      // A downloaded file lands at the destination (or inside it, for a directory); a repository is cloned into the
      // destination, and a local archive unpacked there.
      const target =
        kind === "url" && (dest.endsWith("/") || node.sources.length > 1)
          ? `${dest}/${urlBasename(source.value)}`
          : dest;
      const path = windowsNode ? windowsPath(target, workdir) : normalize(target, workdir);
      if (path !== null) hold(state, { kind: "download", path, keyword: "ADD", node, layer });
      continue;
    }
    // A file from the context or another stage lands in the destination directory, or is the destination.
    // Heredocs and the whole context are nothing a RUN could mount instead; a COPY of a URL or a repository fails.
    if (kind !== "local" || source.value.startsWith("<<") || /^\.?\/?$/.test(source.value)) continue;
    // The file name: the last segment, trailing slashes aside.
    const value = source.value;
    let end = value.length;
    while (end > 0 && value.charCodeAt(end - 1) === 0x2f /* / */) end--;
    const base = value.slice(value.lastIndexOf("/", end - 1) + 1, end);
    if (base === "" || /[*?[$]/.test(base)) continue;
    // A script or config file weighs a few bytes: removing it later is never reported, so it is not followed.
    const weight = weightOf(base);
    if (weight === "light") continue;
    // Files copied into a Windows image are not followed (their removal is read with Windows paths). Asked last,
    // of the few files followed: it looks up the stage's shell.
    windowsNode ??= windows(ctx.semantic, node);
    if (windowsNode) continue;
    intoDir ??= /(?:^|\/)\.{0,2}$/.test(dest) || node.sources.length > 1;
    // A source written as a directory (`patches/`) puts what it holds into the destination, not itself.
    const directory = end < value.length;
    const path = normalize(intoDir && !directory ? `${dest}/${base}` : dest, workdir);
    if (path === null) continue;
    hold(state, {
      kind: "copied",
      path,
      keyword: node.type === "Add" ? "ADD" : "COPY",
      node,
      layer,
      copy: { source: source.value, base, from: flagNamed(node, "from")?.value, weight },
    });
  }
}

// A stage whose RUNs go to PowerShell or cmd has Windows paths.
function windows(semantic: SemanticModel, node: Parameters<typeof activeShell>[1]): boolean {
  const dialect = activeShell(semantic, node).dialect;
  return dialect === "powershell" || dialect === "cmd";
}

/** A PowerShell or cmd RUN: downloads, Chocolatey's cache, and what `Remove-Item`, `del` and `rd` remove. */
function windowsRun(ctx: Context, shell: RunShell, node: Run, layer: number): void {
  const { state } = ctx;
  const { workdir } = state;
  const mine: Artifact[] = [];
  for (const command of scriptCommands(shell)) {
    const removals = shell.dialect === "powershell" ? powershellRemovals(command) : cmdRemovals(command);
    const cleansChoco = chocoCleansCache(command);
    // Most commands remove nothing, and most stages hold nothing yet: no paths, no tests and no filtering for them.
    const anything = state.held.size > 0 || state.pending.length > 0 || mine.length > 0;
    if (anything && (removals.length > 0 || cleansChoco)) {
      settle(ctx);
      const paths = removals.map((p) => windowsPath(p, workdir)).filter((p): p is string => p !== null);
      if (cleansChoco) paths.push(`${chocoCacheDir}${INSIDE}`);
      const tests = paths.map(covers);
      const removed: Artifact[] = [];
      for (const [at, artifacts] of state.held) {
        if (!tests.some((test) => test(at))) continue;
        removed.push(...artifacts);
        state.held.delete(at);
      }
      const first = removed.sort((a, b) => a.layer - b.layer)[0];
      if (first) {
        const at = scriptRange(ctx, shell, command);
        if (first.kind === "cache") ctx.report(at, "cache", words(command), lineOf(first));
        else ctx.report(at, "download", removals[0] ?? words(command), first.keyword, lineOf(first));
      }
      for (let i = mine.length - 1; i >= 0; i--) {
        if (tests.some((test) => test(mine[i]!.path))) mine.splice(i, 1);
      }
    }
    if (chocoFillsCache(command))
      mine.push({
        kind: "cache",
        path: `${chocoCacheDir}${INSIDE}`,
        keyword: "RUN",
        node,
        layer,
      });
    const target = powershellDownloadTarget(command) ?? downloadTarget(command);
    const path = target === null || target === "-" ? null : windowsPath(target, workdir);
    if (path !== null) mine.push({ kind: "download", path, keyword: "RUN", node, layer });
  }
  for (const artifact of mine) hold(state, artifact);
}

type Weight = "heavy" | "tree" | "light";

/** Whether a copied file weighs enough to matter, or may be a whole directory tree (a name without an extension). */
function weightOf(base: string): Weight {
  if (HEAVY.test(base)) return "heavy";
  // A name without an extension is most likely a directory, unless it is one of the usual files.
  return base.includes(".") || /(?:file|LICENSE|README|NOTICE|VERSION|CHANGELOG)$/i.test(base)
    ? "light"
    : "tree";
}

/** True for `rm -r`, `rm -R` and `rm --recursive`. */
function recursiveRm(command: ShellCommand): boolean {
  return command.base === "rm" && (hasFlag(command, "r", "recursive") || hasFlag(command, "R"));
}

/** The mount targets that keep a cache directory out of the layer: the directory itself or a parent. */
function mountTargets(dir: string): string[] {
  const result: string[] = [];
  const parts = dir.split("/");
  for (let i = parts.length; i > 1; i--) {
    const path = parts.slice(0, i).join("/");
    if (path !== "/var" && path !== "~") result.push(path.replace(/^~/, "/root"));
  }
  return result;
}

/** The file a `curl` or `wget` command writes, or null. */
function downloaded(command: ShellCommand, cwd: Cwd): string | null {
  const target = downloadTarget(command);
  if (target === null || target === "-" || target === "/dev/null" || target === "") return null;
  return normalize(target, cwd);
}

/** The directory a `git clone`, `tar -C` or `unzip -d` fills, or null. */
function builtIn(command: ShellCommand, cwd: Cwd): string | null {
  const name = command.base ?? "";
  let target: string | null;
  if (name === "git" && subcommand(command) === "clone") {
    const rest = operands(command, gitCloneOptions).slice(1);
    const url = rest[0]?.value;
    if (!url) return null;
    target = rest[1]?.value ?? urlBasename(url).replace(/\.git$/, "");
  } else {
    target = extractDir(command);
  }
  if (target === null || target === "") return null;
  const path = normalize(target, cwd);
  // Unpacking into a top-level system directory is installing, not building.
  if (path === null || /^\/[^/]*$/.test(path) || /^\/usr(?:\/local)?(?:\/[^/]+)?$/.test(path)) return null;
  return path;
}

/** A path made absolute against `cwd`, with `~`, `$HOME` and `/root` folded into `~`; null when it cannot be known. */
function normalize(path: string, cwd: Cwd): string | null {
  const first = path.charCodeAt(0);
  let p =
    first === 0x24 /* $ */ || (first === 0x2f /* / */ && path.startsWith("/root"))
      ? path.replace(HOME, "~")
      : path;
  if (p === "" || p.startsWith("-")) return null;
  if (!p.startsWith("/") && !p.startsWith("~")) {
    if (cwd === null || p.startsWith("$")) return null;
    // Past Linux's PATH_MAX a chain of `cd`s into subdirectories is not followed: each step would copy the whole
    // path (a generated RUN of 50,000 once ran out of memory).
    if (cwd.length + p.length > pathMax) return null;
    p = `${cwd}/${p.startsWith("./") ? p.slice(2) : p}`;
  }
  // A directory's trailing slashes (`COPY x /app/`) go without a split.
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 0x2f /* / */) end--;
  if (end < p.length) p = p.slice(0, end);
  // Most paths are already in normal form; only the others are split and joined.
  if ((p.startsWith("/") || p === "~" || p.startsWith("~/")) && !UNNORMAL.test(p)) return p;
  const clean = cleanSegments(p);
  return clean === "~" || clean.startsWith("~/") ? clean : `/${clean}`;
}

/**
 * The tests of glob removals made so far: the same few (`/var/lib/apt/lists/*`) recur in most files, and each
 * compiles a regex. Emptied when it grows large, so that a long-lived process (the language server) stays small.
 * A removal without a glob compiles nothing: its test is made each time, and the table holds only globs.
 */
const globTests = new Map<string, (created: string) => boolean>();

/** A test of whether removing `removal` (a path, maybe with globs) removes a given path. */
function covers(removal: string): (created: string) => boolean {
  if (!isGlob(removal)) return literalTest(removal);
  let test = globTests.get(removal);
  if (!test) {
    if (globTests.size >= 1000) globTests.clear();
    // A malformed bracket class (`rm [`, `rm [z-a]`) matches nothing, so the shell passes the word on as written.
    test = globCovers(removal, "shell") ?? literalTest(removal);
    globTests.set(removal, test);
  }
  return test;
}

function literalTest(removal: string): (created: string) => boolean {
  // Made once: a template in the test would build and flatten a new string for every path tested.
  const inside = `${removal}/`;
  return (created) => created === removal || created.startsWith(inside) || removal === "/";
}

function display(path: string): string {
  return path.replace(UNKNOWN_WORKDIR, ".").replace(/^\.\//, "");
}

function words(command: ShellCommand): string {
  const text = [command.name ?? "", ...command.args.map((a) => a.value)].join(" ");
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The operand of an `rm` that names `path`, as written, or else the path. */
function displayOperand(command: ShellCommand, path: string, cwd: Cwd): string {
  const match = operands(command).find((w) => normalize(w.value, cwd) === path);
  return match ? match.value : display(path);
}
