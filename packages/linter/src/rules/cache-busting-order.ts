import type { Add, Arg, Copy, Instruction, Run, Stage, Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename, type ShellCommand } from "../shell/lexer.js";
import { operands, subcommand } from "../shell/options.js";
import { runShell } from "../shell/run.js";

/** A dependency install found in a RUN, and the files it needs. */
interface Install {
  /** The package manager family; manifests copied for one family say nothing about another. */
  ecosystem: string;
  /** Basename patterns of the files the install reads. */
  manifests: readonly string[];
  /** The manifests as named in the message. */
  label: string;
  /** The command as shown in the message. */
  command: string;
  /** Directories (relative, as written) that hold the manifests, e.g. `requirements` for `-r requirements/prod.txt`. */
  dirs?: readonly string[];
}

interface BroadCopy {
  word: Word;
  index: number;
  /** True for `.`-like sources: the install cannot have found its manifests anywhere else. */
  wholeContext: boolean;
}

const NODE_LOCKS = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"];
/** Source directories that hold code, not dependency manifests. */
const SOURCE_DIRS = new Set([
  "src",
  "app",
  "lib",
  "cmd",
  "pkg",
  "internal",
  "public",
  "components",
  "pages",
  "static",
  "assets",
  "templates",
  "test",
  "tests",
]);

/** ARG names whose value tools read from the environment, so the RUNs before the first `$NAME` may use them too. */
const ENVIRONMENT_ARG =
  /^(?:DEBIAN_FRONTEND|NODE_ENV|NODE_OPTIONS|[A-Za-z]+_PROXY|[a-z]+_proxy|PIP_\w+|PYTHON\w*|UV_\w+|POETRY_\w+|NPM_\w+|npm_config_\w+|YARN_\w+|PNPM_\w+|GO\w+|CGO_\w+|CARGO_\w+|RUST\w+|MAVEN_\w+|MVN_\w+|GRADLE_\w+|JAVA_\w+|JDK_\w+|BUNDLE_\w+|GEM_\w+|COMPOSER_\w+|LANG|LANGUAGE|LC_\w+|TZ|HOME|PATH|USER|SHELL|CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH|LD_LIBRARY_PATH|SOURCE_DATE_EPOCH|CI|TARGET\w*|BUILD\w*|DOCKER_\w+|BUILDKIT_\w+|\w*TOKEN\w*|\w*SECRET\w*|\w*PASSWORD\w*|\w*_KEY)$/;

export default defineRule({
  id: "cache-busting-order",
  title: "Order layers so that the build cache survives source changes",
  severity: "warning",
  fixable: false,
  docs: {
    rationale:
      "The build cache is a chain: once one instruction's cache key changes, every instruction after it in the stage runs again. " +
      "A COPY's key is the content of what it copies, so copying the whole context before installing dependencies re-runs the install on every source change; " +
      "copy the manifests (package.json and the lockfile, requirements.txt, go.mod and go.sum, …) first, install, then copy the rest. " +
      "An `ADD` of a URL is fetched again on every build, so everything after it is at the mercy of the remote file. " +
      "And every RUN's key includes every ARG in scope, so an ARG declared long before its use re-runs all the RUNs in between when its value changes.",
    bad: [
      'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      "FROM debian:12\nADD https://example.com/tool.tgz /tmp/\nRUN apt-get update && apt-get install -y make\nRUN tar -xzf /tmp/tool.tgz -C /opt\n",
      "FROM debian:12\nARG VERSION\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSLO https://example.com/tool-$VERSION.tgz\n",
    ],
    good: [
      'FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
      "FROM debian:12\nRUN apt-get update && apt-get install -y make\nADD https://example.com/tool.tgz /tmp/\nRUN tar -xzf /tmp/tool.tgz -C /opt\n",
      "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nARG VERSION\nRUN curl -fsSLO https://example.com/tool-$VERSION.tgz\n",
    ],
  },
  messages: {
    broadCopy: (source: string, command: string, line: number, manifests: string) =>
      `Copying '${source}' here re-runs '${command}' (line ${line}) whenever any copied file changes; copy ${manifests} first, install, then copy the rest.`,
    remoteAdd: (source: string, line: number) =>
      `'${source}' is fetched again on every build, and the RUN on line ${line} does not use it but is rebuilt whenever it changes; move this ADD down to just before its first use.`,
    earlyArg: (name: string, line: number, runs: number) =>
      `ARG ${name} is first used on line ${line}, and the ${runs === 1 ? "RUN" : `${runs} RUNs`} in between ${runs === 1 ? "is" : "are"} rebuilt whenever its value changes; declare it just before its use.`,
  },
  create(ctx) {
    return {
      "Stage:exit"(stage) {
        checkBroadCopies(stage, (word, install, line) =>
          ctx.report(word, "broadCopy", word.value, install.command, line, install.label),
        );
        checkRemoteAdds(stage, (word, line) => ctx.report(word, "remoteAdd", word.value, line));
        checkEarlyArgs(stage, (word, name, line, runs) => ctx.report(word, "earlyArg", name, line, runs));
      },
    };
  },
});

/** (a) A broad COPY before a dependency install that only needs manifests. */
function checkBroadCopies(stage: Stage, report: (word: Word, install: Install, line: number) => void): void {
  const broad: BroadCopy[] = [];
  /** For each instruction index, the sources copied so far (basenames and relative paths). */
  const copied: { index: number; source: string }[] = [];
  const reported = new Set<Word>();
  stage.instructions.forEach((node, index) => {
    if (node.type === "Copy" || node.type === "Add") {
      if (fromOtherPlace(node)) return;
      for (const source of node.sources) {
        const kind = broadness(source.value);
        if (kind) broad.push({ word: source, index, wholeContext: kind === "context" });
        else copied.push({ index, source: source.value });
      }
      return;
    }
    if (node.type !== "Run") return;
    // A bind mount gives the install its files without a layer, and counts as having the manifests early.
    const binds = node.mounts.filter((m) => m.mountType === "bind" && m.from === null);
    for (const m of binds) copied.push({ index, source: m.source ?? "." });
    if (binds.length > 0) return;
    for (const install of installsOf(node)) {
      const manifestCopied = (from: number, to: number) =>
        copied.some((c) => c.index >= from && c.index < to && isManifest(c.source, install));
      const culprit = broad.find((b) => {
        if (manifestCopied(0, b.index)) return false;
        // A source directory is only the culprit when the manifests were copied after it, before the install.
        return b.wholeContext || manifestCopied(b.index + 1, index);
      });
      if (culprit && !reported.has(culprit.word)) {
        reported.add(culprit.word);
        report(culprit.word, install, node.range.start.line);
      }
    }
  });
}

/** True for a COPY or ADD that does not read the build context (`--from`, a URL, a heredoc). */
function fromOtherPlace(node: Copy | Add): boolean {
  if (node.flags.some((f) => f.name === "from")) return true;
  return node.sources.some((s) => /^(?:https?|git|ssh):\/\/|^git@|^<</.test(s.value));
}

/** `context` for `.`-like sources, `dir` for a conventional source directory, else null. */
function broadness(source: string): "context" | "dir" | null {
  const s = source.replace(/^\.\/(?=.)/, "");
  if (s === "." || s === "./" || s === "*" || s === "./*") return "context";
  if (SOURCE_DIRS.has(s.replace(/\/+$/, ""))) return "dir";
  return null;
}

function isManifest(source: string, install: Install): boolean {
  const trimmed = source.replace(/^\.\//, "").replace(/\/+$/, "");
  if (install.dirs?.includes(trimmed)) return true;
  const name = basename(trimmed);
  return install.manifests.some((m) => globMatch(name, m) || globMatch(m, name));
}

function globMatch(pattern: string, name: string): boolean {
  if (!/[*?[]/.test(pattern)) return pattern === name;
  const re = pattern
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  try {
    return new RegExp(`^${re}$`).test(name);
  } catch {
    return false;
  }
}

/** The dependency installs of a RUN that need only manifest files. */
function installsOf(node: Run): Install[] {
  const { commands } = runShell(node);
  const result: Install[] = [];
  const add = (install: Install) => {
    if (!result.some((r) => r.ecosystem === install.ecosystem)) result.push(install);
  };
  commands.forEach((c, i) => {
    const name = c.base ?? "";
    const sub = subcommand(c);
    const rest = operands(c).slice(1);
    const shown = [name, ...(sub === null ? [] : [sub])].join(" ");
    const flags = c.args.map((a) => a.value);
    if (
      name === "npm" &&
      ["install", "i", "ci"].includes(sub ?? "") &&
      rest.length === 0 &&
      !flags.some((f) => f === "-g" || f === "--global")
    ) {
      add({
        ecosystem: "node",
        manifests: ["package.json", ...NODE_LOCKS],
        label: "package.json and package-lock.json",
        command: shown,
      });
    } else if (name === "yarn" && (sub === null || sub === "install") && rest.length === 0) {
      add({
        ecosystem: "node",
        manifests: ["package.json", ...NODE_LOCKS],
        label: "package.json and yarn.lock",
        command: shown,
      });
    } else if (
      name === "pnpm" &&
      ["install", "i", "fetch"].includes(sub ?? "") &&
      rest.length === 0 &&
      !flags.includes("-g")
    ) {
      add({
        ecosystem: "node",
        manifests: ["package.json", ...NODE_LOCKS],
        label: "package.json and pnpm-lock.yaml",
        command: shown,
      });
    } else if (isPipInstall(c)) {
      const pipShown =
        name === "uv"
          ? "uv pip install"
          : /^python/.test(name)
            ? `${name} -m pip install`
            : `${name} install`;
      const files = requirementFiles(c);
      if (
        files.length === 0 ||
        pipArgs(c).some((a) => a.value === "." || a.value.startsWith("./") || a.value === "-e")
      )
        return;
      const dirs = files
        .map((f) => f.replace(/^\.\//, ""))
        .filter((f) => f.includes("/"))
        .map((f) => f.slice(0, f.lastIndexOf("/")));
      add({
        ecosystem: "python",
        manifests: files.map((f) => basename(f)),
        label: files.map((f) => basename(f)).join(" and "),
        command: pipShown,
        dirs,
      });
    } else if (name === "poetry" && sub === "install") {
      add({
        ecosystem: "python",
        manifests: ["pyproject.toml", "poetry.lock"],
        label: "pyproject.toml and poetry.lock",
        command: shown,
      });
    } else if (name === "uv" && sub === "sync") {
      add({
        ecosystem: "python",
        manifests: ["pyproject.toml", "uv.lock"],
        label: "pyproject.toml and uv.lock",
        command: shown,
      });
    } else if (name === "pipenv" && sub === "install" && rest.length === 0) {
      add({
        ecosystem: "python",
        manifests: ["Pipfile", "Pipfile.lock"],
        label: "Pipfile and Pipfile.lock",
        command: shown,
      });
    } else if ((name === "bundle" || name === "bundler") && (sub === "install" || sub === null)) {
      add({
        ecosystem: "ruby",
        manifests: ["Gemfile", "Gemfile.lock", "*.gemspec"],
        label: "Gemfile and Gemfile.lock",
        command: shown,
      });
    } else if (name === "go" && sub === "mod" && rest[0]?.value === "download" && rest.length === 1) {
      add({
        ecosystem: "go",
        manifests: ["go.mod", "go.sum"],
        label: "go.mod and go.sum",
        command: "go mod download",
      });
    } else if (name === "cargo" && sub === "fetch") {
      add({
        ecosystem: "rust",
        manifests: ["Cargo.toml", "Cargo.lock"],
        label: "Cargo.toml and Cargo.lock",
        command: shown,
      });
    } else if (
      (name === "mvn" || name === "mvnw") &&
      flags.some((f) => /^dependency:(?:go-offline|resolve)/.test(f))
    ) {
      add({
        ecosystem: "java",
        manifests: ["pom.xml"],
        label: "pom.xml",
        command: `${name} ${flags.find((f) => f.startsWith("dependency:"))}`,
      });
    } else if ((name === "gradle" || name === "gradlew") && flags.includes("dependencies")) {
      add({
        ecosystem: "java",
        manifests: [
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "gradle.properties",
        ],
        label: "build.gradle and settings.gradle",
        command: `${name} dependencies`,
      });
    } else if (name === "composer" && sub === "install") {
      add({
        ecosystem: "php",
        manifests: ["composer.json", "composer.lock"],
        label: "composer.json and composer.lock",
        command: shown,
      });
    } else if (isSystemInstall(c)) {
      const list = packageList(commands, i);
      const manager =
        name === "xargs"
          ? c.args.map((a) => basename(a.value)).find((v) => /^(?:apt-get|apt|apk|yum|dnf)$/.test(v))!
          : name;
      if (list)
        add({
          ecosystem: `list:${list}`,
          manifests: [basename(list)],
          label: basename(list),
          command: `${manager} ${manager === "apk" ? "add" : "install"}`,
        });
    }
  });
  return result;
}

const pipArgs = (c: ShellCommand) =>
  c.name && /^python/.test(basename(c.name)) ? c.args.slice(2) : c.base === "uv" ? c.args.slice(1) : c.args;

function isPipInstall(c: ShellCommand): boolean {
  const name = c.base ?? "";
  const pip =
    /^pip[0-9.]*$/.test(name) ||
    (/^python[0-9.]*$/.test(name) &&
      c.args[0]?.value === "-m" &&
      /^pip[0-9.]*$/.test(c.args[1]?.value ?? "")) ||
    (name === "uv" && c.args[0]?.value === "pip");
  return pip && pipArgs(c).find((a) => !a.value.startsWith("-"))?.value === "install";
}

/** The `-r`/`--requirement` files of a pip install. */
function requirementFiles(c: ShellCommand): string[] {
  const args = pipArgs(c).map((a) => a.value);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === "-r" || a === "--requirement") && args[i + 1]) files.push(args[++i]!);
    else if (a.startsWith("--requirement=")) files.push(a.slice("--requirement=".length));
    else if (/^-r[^-]/.test(a)) files.push(a.slice(2));
  }
  return files.filter((f) => !f.startsWith("$") && !f.startsWith("/") && !/^https?:/.test(f));
}

function isSystemInstall(c: ShellCommand): boolean {
  const name = c.base ?? "";
  const sub = subcommand(c);
  if (name === "xargs")
    return c.args.some((a) => ["apt-get", "apt", "apk", "yum", "dnf"].includes(basename(a.value)));
  return (
    (["apt-get", "apt", "yum", "dnf", "microdnf"].includes(name) && sub === "install") ||
    (name === "apk" && sub === "add")
  );
}

/** The file a system package install reads its package names from (`$(cat list)`, `< list`, `cat list | xargs`). */
function packageList(commands: readonly ShellCommand[], at: number): string | null {
  const command = commands[at]!;
  for (const w of command.args) {
    const m = /^\$\((?:cat|grep\s+[^)]*?)\s+([^\s)$]+)\s*\)$/.exec(w.value);
    if (m) return relative(m[1]!);
  }
  const input = command.redirects.find((r) => r.op === "<" && r.target);
  if (input?.target) return relative(input.target.value);
  const fileArg = (c: ShellCommand) => {
    const ops = operands(c);
    return ops.length > 0 ? ops[ops.length - 1]!.value : null;
  };
  const args = command.args.map((a) => a.value);
  const a = args.indexOf("-a");
  if ((command.base ?? "") === "xargs" && a >= 0 && args[a + 1]) return relative(args[a + 1]!);
  // `cat list | xargs apt-get install`: the file of the command piped in.
  const previous = commands[at - 1];
  if (
    command.operator === "|" &&
    previous &&
    ["cat", "grep", "sed", "awk", "tr"].includes(previous.base ?? "")
  ) {
    const file = fileArg(previous);
    if (file && previous.name === "cat") return relative(file);
    if (file && /\.\w+$/.test(file)) return relative(file);
  }
  return null;
}

/** A file path with the working-directory prefix removed; absolute paths are kept (they came from a COPY). */
function relative(path: string): string | null {
  if (path.startsWith("$") || path === "-") return null;
  return path.replace(/^\.\//, "");
}

/** (b) An ADD of a URL (or of a `--build-arg`-only value) before RUNs that do not use it. */
function checkRemoteAdds(stage: Stage, report: (word: Word, line: number) => void): void {
  const noDefault = new Set<string>();
  stage.instructions.forEach((node, index) => {
    if (node.type === "Arg") {
      for (const d of node.declarations) {
        const name = unquote(d.name.value);
        if (d.defaultValue === null) noDefault.add(name);
        else noDefault.delete(name);
      }
      return;
    }
    if (node.type !== "Add" || !node.destination || node.flags.some((f) => f.name === "checksum")) return;
    for (const source of node.sources) {
      const remote = /^(?:https?|ftp):\/\//i.test(source.value) && !pinnedUrl(source.value);
      const variable = /^\$\{?(\w+)\}?$/.exec(source.value);
      if (!remote && !(variable && noDefault.has(variable[1]!))) continue;
      const dest = node.destination.value;
      // A file under /etc (an apt key, a repository list, a config) is read by later RUNs without being named.
      if (/^\/etc\//.test(dest)) continue;
      const file = dest.endsWith("/") ? urlBasename(source.value) : basename(dest);
      const needles = [file, dest.replace(/\/+$/, "")].filter((n) => n.length > 1 && n !== "/tmp");
      if (needles.length === 0) continue;
      for (const later of stage.instructions.slice(index + 1)) {
        const text = textOf(later);
        if (needles.some((n) => text.includes(n))) break;
        if (later.type === "Run") {
          report(source, later.range.start.line);
          break;
        }
      }
    }
  });
}

/** True for a URL that names a fixed version (`v1.2`, `3.4.0`, a commit hash, a `${VERSION}`): its content does not change. */
function pinnedUrl(url: string): boolean {
  return /\d+\.\d+|\/v\d|[0-9a-f]{40}|\$/i.test(url.replace(/^[a-z]+:\/\/[^/]*/i, ""));
}

/** (c) An ARG declared before RUNs that come before its first use. */
function checkEarlyArgs(
  stage: Stage,
  report: (word: Word, name: string, line: number, runs: number) => void,
): void {
  stage.instructions.forEach((node, index) => {
    if (node.type !== "Arg") return;
    for (const declaration of (node as Arg).declarations) {
      const name = unquote(declaration.name.value);
      if (!/^\w+$/.test(name) || ENVIRONMENT_ARG.test(name)) continue;
      const use = new RegExp(`\\$(?:${name}|\\{${name})(?!\\w)`);
      let runs = 0;
      for (const later of stage.instructions.slice(index + 1)) {
        // Redeclaring the ARG starts a new declaration, checked on its own.
        if (later.type === "Arg" && later.declarations.some((d) => unquote(d.name.value) === name)) break;
        if (use.test(textOf(later))) {
          if (runs > 0) report(declaration.name, name, later.range.start.line, runs);
          break;
        }
        if (later.type === "Run") runs++;
      }
    }
  });
}

/** The text an instruction expands or runs: its logical line and its heredoc bodies. */
function textOf(node: Instruction): string {
  if (node.type === "Onbuild") return "";
  return node.heredocs.length === 0
    ? node.logical
    : `${node.logical}\n${node.heredocs.map((h) => h.body).join("\n")}`;
}

function unquote(s: string): string {
  return s.replace(/^(["'])(.*)\1$/, "$2");
}

function urlBasename(url: string): string {
  const path = url.replace(/[?#].*$/, "").replace(/\/+$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}
