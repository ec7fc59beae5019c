import type { ArgDeclaration, Instruction, Stage, Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { runShell, type ShellScope } from "../shell/run.js";
import { cmdEnvNames } from "../shell/tools/cmd.js";
import { powershellEnvNames } from "../shell/tools/powershell.js";
import { switchLiteral, switchTests } from "../shell/tools/test.js";
import { textOf, unquote } from "./utils/instruction-text.js";

/** ARG names whose value tools read from the environment, so the RUNs before the first `$NAME` may use them too. */
const ENVIRONMENT_ARG =
  /^(?:DEBIAN_FRONTEND|NODE_ENV|NODE_OPTIONS|[A-Za-z]+_PROXY|[a-z]+_proxy|PIP_\w+|PYTHON\w*|UV_\w+|POETRY_\w+|NPM_\w+|npm_config_\w+|YARN_\w+|PNPM_\w+|GO\w+|CGO_\w+|CARGO_\w+|RUST\w+|MAVEN_\w+|MVN_\w+|GRADLE_\w+|JAVA_\w+|JDK_\w+|BUNDLE_\w+|GEM_\w+|COMPOSER_\w+|LANG|LANGUAGE|LC_\w+|TZ|HOME|PATH|USER|SHELL|CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH|LD_LIBRARY_PATH|SOURCE_DATE_EPOCH|CI|(?:TARGET|BUILD)(?:PLATFORM|OS|ARCH|VARIANT)|DOCKER_\w+|BUILDKIT_\w+|\w*TOKEN\w*|\w*SECRET\w*|\w*PASSWORD\w*|\w*_KEY)$/;

/** What a name says about how its value varies, by the words it is made of (`HELM_VERSION`, `gitCommit`). */
const VARYING_NAMES: readonly [RegExp, string][] = [
  // A commit's SHA or hash is a revision (`COMMIT_SHA`, `GITHUB_SHA`, `GIT_HASH`), but a SHA-256 named for git is
  // the checksum of a download (`GIT_SHA256`).
  [
    /^(?=(?:\w*_)?(?:COMMIT|REV|REVISION|GIT|GITHUB)(?:_|$))(?=(?:\w*_)?(?:SHA1?|HASH)(?:_|$))/,
    "a source revision",
  ],
  [/(?:^|_)(?:SHA\d*(?:SUM)?|CHECKSUM|HASH|DIGEST|MD5)(?:_|$)/, "a checksum"],
  [/VERSION|(?:^|_)(?:VER|V|REL|RELEASE|TAG)(?:_|$)/, "a version"],
  [/(?:^|_)(?:COMMIT|REF|REV|REVISION|BRANCH|GIT_?(?:SHA|HASH))(?:_|$)/, "a source revision"],
  [/(?:^|_)(?:DATE|TIME|TIMESTAMP|EPOCH|NIGHTLY|TODAY)(?:_|$)/, "a date"],
  [
    /(?:^|_)(?:BUILD_?(?:NUMBER|NUM|NO|ID)|RUN_?(?:NUMBER|ID)|CACHE_?BUST(?:ER)?|NONCE|SERIAL)(?:_|$)/,
    "a build number",
  ],
];

/** The last word of a name that names a file or a place (`VERSION_FILE`, `AGENT_HASH_FILENAME`). */
const LOCATOR_NAME = /(?:^|_)(?:FILE|FILES|FILENAME|NAME|PATH|DIR|DIRECTORY|URL|URI|HOST|ENDPOINT|MIRROR)$/;
/** A name that says it is a switch (`RELEASE_BUILD`, `IS_RELEASE`, `WITH_DEBUG`), when its default is yes or no. */
const SWITCH_NAME = /^(?:IS|ENABLE|DISABLE|WITH|WITHOUT|USE|SKIP|NO)_|_BUILD$/;
/** What a name's words may say of an ARG that is a switch all the same (`BUILD_NIGHTLY`, `RELEASE`). */
const SWITCH_PRONE_KINDS: ReadonlySet<string> = new Set(["a date", "a version"]);
/** What a name's words may say that a default of 0 or 1 starts rather than switches. */
const COUNTING_KINDS: ReadonlySet<string> = new Set(["a build number", "a date"]);

/** What a default value looks like: a version (`1.2.3`, `v2`), a commit SHA or checksum, or a date. */
const VARYING_VALUES: readonly [RegExp, string][] = [
  [/^v?\d+(?:\.\d+)+(?:[-+.~][\w.+~-]*)?$/, "a version"],
  [/^[0-9a-f]{7,128}$/, "a commit or checksum"],
  [/^\d{4}-?\d{2}-?\d{2}(?:[T ]?\d{2}:?\d{2}(?::?\d{2})?Z?)?$/, "a date"],
];

/**
 * Why an ARG's value changes from one build to the next, or null when nothing says it does. A URL, a path, a
 * user id or a switch is set once and stays, so the RUNs before its use are not rebuilt in practice.
 */
function varies(name: string, defaultValue: string): string | null {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
  const value = unquote(defaultValue);
  // `AGENT_HASH_FILENAME` names a file, `RELEASE_BUILD=1` is a switch: neither is the version or checksum its words
  // mention.
  const named =
    !LOCATOR_NAME.test(words) && !(SWITCH_NAME.test(words) && (value === "" || switchLiteral.test(value)));
  // A yes-or-no default makes a switch of any name (`CB_SKIP_CHECKSUM=false`, `RELEASE=0`), but a counter's
  // (`BUILD_NUMBER=0`) or a date's is only where it starts.
  const yesOrNo = switchLiteral.test(value);
  if (named)
    for (const [pattern, kind] of VARYING_NAMES)
      if (pattern.test(words)) return yesOrNo && !COUNTING_KINDS.has(kind) ? null : kind;
  for (const [pattern, kind] of VARYING_VALUES) if (pattern.test(value)) return kind;
  return null;
}

export default defineRule({
  id: "no-early-arg",
  title: "Declare an ARG just before its first use",
  severity: "warning",
  fixable: false,
  group: "cache-busting-order",
  docs: {
    rationale:
      "Every RUN's cache key includes every ARG in scope, so an ARG declared long before its use re-runs all the RUNs in between when its value changes. " +
      "Declare it just before the first instruction that uses it. " +
      "Only ARGs whose value changes from build to build are reported: a version, a commit, a checksum, a date or a build number, told by the name (`TOOL_VERSION`, `GIT_COMMIT`) or by the default value (`1.2.3`, a hex SHA). " +
      "A default of yes or no (`0`, `1`, `true`, `off`) makes a switch, set once per pipeline, whatever the name says (`RELEASE=0`, `SKIP_CHECKSUM=false`), except for a counter or a date (`BUILD_NUMBER=0`). " +
      'An ARG without a default is a switch too when every use of it is a RUN testing it as one (`[ -z "$RELEASE" ]`, `[ "$BUILD_NIGHTLY" = true ]`, `echo "$BUILD_NIGHTLY" | grep -q false`), although its name says a version or a date. ' +
      "An ARG that also picks the stage's base image is not reported either: when a global ARG of the same name is in the stage's FROM (or in the FROM of a stage of this file it builds on), a new value names another base and rebuilds the whole stage wherever the ARG is declared.",
    limitations:
      "A use is `$NAME` or `${NAME}` in any instruction, and also `$env:NAME` (PowerShell) or `%NAME%` (cmd) in a `RUN` whose script is PowerShell or cmd. " +
      'A switch is told by its uses only in `[`, `[[` and `test` (`-z`, `-n`, alone, or compared with a yes-or-no literal) and in `echo "$X" | grep` for such a literal; a `case`, a `$(…)` or the `[ "x$X" = xtrue ]` idiom reads as a value.',
    bad: [
      `FROM debian:12
ARG VERSION
RUN apt-get update && apt-get install -y curl
RUN curl -fsSLO https://example.com/tool-$VERSION.tgz
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
ARG VERSION
RUN curl -fsSLO https://example.com/tool-$VERSION.tgz
`,
    ],
    seeAlso: ["no-broad-copy-before-install", "no-early-remote-add"],
  },
  messages: {
    earlyArg: (name: string, kind: string, line: number, runs: number) =>
      `ARG ${name} holds ${kind}, which changes between builds, and is first used on line ${line}: the ${runs === 1 ? "RUN" : `${runs} RUNs`} in between ${runs === 1 ? "is" : "are"} rebuilt each time it does; declare it just before its use.`,
  },
  visitor: {
    "Stage:exit"(stage, ctx) {
      checkEarlyArgs(stage, ctx, (word, name, kind, line, runs) =>
        ctx.report(word, "earlyArg", name, kind, line, runs),
      );
    },
  },
});

/**
 * An ARG declared before RUNs that come before its first use. One backward pass keeps, for each name, the next
 * instruction that uses or redeclares it, so the check is linear in the stage's length.
 */
function checkEarlyArgs(
  stage: Stage,
  scope: ShellScope,
  report: (word: Word, name: string, kind: string, line: number, runs: number) => void,
): void {
  const nodes = stage.instructions;
  // Only the instructions from the first ARG on can matter: a stage without ARG has nothing to check, and the uses
  // before the first ARG are never looked up.
  const first = nodes.findIndex((node) => node.type === "Arg");
  if (first < 0) return;
  // The declarations that can be reported, with what their value holds; only their names' uses are looked for. An
  // ARG that also picks the stage's base (`ARG V` / `FROM php:${V}-alpine` / `ARG V`) is not: a new value names
  // another base image, which rebuilds the whole stage wherever the ARG is declared.
  const kinds = new Map<ArgDeclaration, string>();
  const scripts = copiedFiles(nodes);
  let baseArgs: ReadonlySet<string> | undefined;
  // Without a default only the name says what the value is, and `BUILD_NIGHTLY` or `RELEASE` may as well be a
  // switch, which the RUNs then show by how they read it: these declarations are judged after one pass over the uses.
  const maybeSwitches: { declaration: ArgDeclaration; name: string; index: number }[] = [];
  for (let index = first; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type !== "Arg") continue;
    for (const declaration of node.declarations) {
      const name = unquote(declaration.name.value);
      const kind = reportable(name) ? varies(name, declaration.defaultValue?.value ?? "") : null;
      if (kind === null || (baseArgs ??= scope.semantic.baseArgs(stage)).has(name)) continue;
      if (!declaration.defaultValue && SWITCH_PRONE_KINDS.has(kind))
        maybeSwitches.push({ declaration, name, index });
      kinds.set(declaration, kind);
    }
  }
  if (maybeSwitches.length > 0) dropSwitches(nodes, first, maybeSwitches, kinds, scope, scripts);
  const candidates = new Set([...kinds.keys()].map((d) => unquote(d.name.value)));
  if (candidates.size === 0) return;
  // runsBefore[i] is the number of RUNs among nodes[0..i-1].
  const runsBefore = [0];
  for (const node of nodes) runsBefore.push(runsBefore.at(-1)! + (node.type === "Run" ? 1 : 0));
  const next = new Map<string, { index: number; redeclares: boolean }>();
  const found: [Word, string, string, number, number][][] = [];
  for (let index = nodes.length - 1; index >= first; index--) {
    const node = nodes[index]!;
    const declared = node.type === "Arg" ? node.declarations.map((d) => unquote(d.name.value)) : [];
    if (node.type === "Arg") {
      const here: [Word, string, string, number, number][] = [];
      node.declarations.forEach((declaration, d) => {
        const name = declared[d]!;
        const kind = kinds.get(declaration);
        if (kind === undefined) return;
        const event = next.get(name);
        if (!event || event.redeclares) return;
        const runs = runsBefore[event.index]! - runsBefore[index + 1]!;
        if (runs > 0) here.push([declaration.name, name, kind, nodes[event.index]!.range.start.line, runs]);
      });
      found.push(here);
    }
    for (const name of usedNames(node, scope, candidates, scripts))
      next.set(name, { index, redeclares: false });
    for (const name of declared) next.set(name, { index, redeclares: true });
  }
  for (const here of found.reverse()) for (const args of here) report(...args);
}

/**
 * Drops from `kinds` each declaration whose name the instructions after it read, and only as a RUN's shell testing
 * it as a switch (`[ -z "$X" ]`, `[ "$X" = true ]`, `echo "$X" | grep -q false`: `switchTests`), up to the next
 * declaration of the name. A RUN that may read it otherwise (a script the stage copied in, an environment dump) or a
 * use in any other instruction makes it a value. The uses of all these names are found in one pass over the stage,
 * so that many declarations cost no more than one each.
 */
function dropSwitches(
  nodes: readonly Instruction[],
  first: number,
  declarations: readonly { declaration: ArgDeclaration; name: string; index: number }[],
  kinds: Map<ArgDeclaration, string>,
  scope: ShellScope,
  scripts: ReadonlySet<string>,
): void {
  const names = new Set(declarations.map((d) => d.name));
  // For each name, the instructions that read or declare it, in order.
  const events = new Map<string, { index: number; declares: boolean }[]>();
  const add = (name: string, index: number, declares: boolean) => {
    let list = events.get(name);
    if (!list) events.set(name, (list = []));
    if (list.at(-1)?.index !== index) list.push({ index, declares });
  };
  for (let index = first; index < nodes.length; index++) {
    const node = nodes[index]!;
    // A declaration ends what the uses of the one before it say, its own default's use included.
    if (node.type === "Arg")
      for (const d of node.declarations) {
        const name = unquote(d.name.value);
        if (names.has(name)) add(name, index, true);
      }
    for (const name of usedNames(node, scope, names, scripts)) if (names.has(name)) add(name, index, false);
  }
  for (const { declaration, name, index } of declarations) {
    let tests = 0;
    let value = false;
    for (const event of events.get(name) ?? []) {
      if (event.index <= index) continue;
      if (event.declares) break;
      if (!testsAsSwitch(nodes[event.index]!, name, scope)) {
        value = true;
        break;
      }
      tests++;
    }
    if (!value && tests > 0) kinds.delete(declaration);
  }
}

/** True when every reference to `name` in a RUN is its shell testing it as a switch. */
function testsAsSwitch(node: Instruction, name: string, scope: ShellScope): boolean {
  if (node.type !== "Run") return false;
  const shell = runShell(node, scope);
  if (shell.dialect !== "posix") return false;
  const found = switchTests(shell.commands, name);
  // Every reference in the instruction's text must be one of those tests: the count also covers the ones the shell
  // split does not read (a heredoc of data, a `$(…)`), which are then values.
  const reference = new RegExp(`\\$(?:\\{${name}(?!\\w)|${name}(?!\\w))`, "g");
  return found > 0 && found === textOf(node).match(reference)?.length;
}

/** The absolute paths of the files the stage's COPY and ADD instructions put in place (`COPY a.sh /usr/bin/`). */
function copiedFiles(nodes: readonly Instruction[]): Set<string> {
  const files = new Set<string>();
  for (const node of nodes) {
    if ((node.type !== "Copy" && node.type !== "Add") || !node.destination) continue;
    const to = unquote(node.destination.value);
    if (!to.startsWith("/")) continue;
    if (to.endsWith("/")) for (const s of node.sources) files.add(to + s.value.split("/").pop()!);
    else if (node.sources.length === 1) files.add(to);
  }
  return files;
}

/** True when the command runs one of `scripts`: by its path, or as the script of `sh`, `bash` or `.`/`source`. */
function runsOne(command: ShellCommand, scripts: ReadonlySet<string>): boolean {
  if (command.name === null) return false;
  if (scripts.has(command.name)) return true;
  const shells = ["sh", "bash", "ash", "dash", ".", "source"];
  return (
    shells.includes(command.base ?? "") &&
    scripts.has(command.args.find((a) => !a.value.startsWith("-"))?.value ?? "")
  );
}

const ENVIRONMENT_DUMP = /\b(?:env|printenv|export|declare|set)\b/;

/** `env` or `printenv` alone, `export -p` or `export`, `declare -x` or `-p`, `set` alone: each prints the environment. */
function dumpsEnvironment(command: ShellCommand): boolean {
  const args = command.args.map((a) => a.value);
  switch (command.name) {
    case "env":
    case "printenv":
    case "set":
      return args.length === 0;
    case "export":
      return args.length === 0 || (args.length === 1 && args[0] === "-p");
    case "declare":
      return args.length === 1 && (args[0] === "-x" || args[0] === "-p");
    default:
      return false;
  }
}

/** A tool reads `GOFLAGS` or `PYTHONPATH` from the environment, but nothing reads `GO_VERSION`. */
function reportable(name: string): boolean {
  return /^\w+$/.test(name) && !(ENVIRONMENT_ARG.test(name) && !/VERSION/i.test(name));
}

/** True when the text holds any of the names, as a cheap test before looking for real uses. */
function mentionsAny(text: string, names: ReadonlySet<string>): boolean {
  for (const name of names) if (text.includes(name)) return true;
  return false;
}

/** The variables an instruction reads: `$NAME` and `${NAME}`, and in PowerShell or cmd `$env:NAME` and `%NAME%`. */
function usedNames(
  node: Instruction,
  scope: ShellScope,
  candidates: ReadonlySet<string>,
  scripts: ReadonlySet<string>,
): string[] {
  const text = textOf(node);
  // A RUN that writes out its whole environment (`env > manifest.txt`), or runs a script the stage copied in (which
  // may read any of them, as jenkinsci/docker's jdk-download.sh reads JAVA_VERSION), reads every ARG in scope.
  if (node.type === "Run") {
    const dumps = ENVIRONMENT_DUMP.test(text);
    const runsScript = scripts.size > 0 && [...scripts].some((path) => text.includes(path));
    if (
      (dumps || runsScript) &&
      runShell(node, scope).commands.some((c) => dumpsEnvironment(c) || runsOne(c, scripts))
    )
      return [...candidates];
  }
  // Every form of a use spells the name out: a text without any of the candidates uses none of them.
  if (!mentionsAny(text, candidates)) return [];
  const names = text.includes("$") ? [...text.matchAll(/\$\{?(\w+)/g)].map((m) => m[1]!) : [];
  if (node.type === "Run" && runShell(node, scope).dialect !== "posix")
    names.push(...powershellEnvNames(text), ...cmdEnvNames(text));
  return names;
}
