import { basename, type ShellCommand } from "../lexer.js";
import { noValueOptions, operands, type OptionSpec } from "../options.js";
import { goOptions } from "./go.js";
import { npmOptions, yarnOptions } from "./npm.js";
import { systemInstall, systemManagerNames } from "./packages.js";
import { pipCommand, type PipCommand } from "./pip.js";

/**
 * Installs of a project's dependencies from its manifests (`npm ci`, `pip install -r requirements.txt`,
 * `go mod download`, `apt-get install $(cat packages.txt)`…): which files each one reads, so that a rule can tell
 * whether they were copied before it.
 */

/** A dependency install found in a RUN, and the files it needs. */
export interface Install {
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

const NODE_LOCKS = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"];

/** The option specs of the tools whose installs are read here. */
const optionsOf: Readonly<Record<string, OptionSpec>> = { npm: npmOptions, yarn: yarnOptions, go: goOptions };

/** The dependency installs of a script that need only manifest files, at most one per ecosystem. */
export function dependencyInstalls(commands: readonly ShellCommand[]): Install[] {
  const result: Install[] = [];
  for (let i = 0; i < commands.length; i++) readInstall(commands, i, result);
  return result;
}

/** Adds the install that command `i` of `commands` is, if it is one, to `result` (see `dependencyInstalls`). */
function readInstall(commands: readonly ShellCommand[], i: number, result: Install[]): void {
  const c = commands[i]!;
  const name = c.base ?? "";
  const pip = pipCommand(c);
  // Nearly every command is none of the installers: they are turned away before their arguments are read.
  if (pip === null && !installers.has(name)) return;
  // Each tool's own options, so that `npm ci --prefix /app` is still a bare `npm ci`.
  const all = operands(c, optionsOf[name] ?? noValueOptions);
  const verb = all[0];
  const rest = all.slice(1);
  const sub = verb?.value ?? null;
  const shown = sub === null ? name : `${name} ${sub}`;
  const flags = c.args.map((a) => a.value);
  if (
    name === "npm" &&
    ["install", "i", "ci"].includes(sub ?? "") &&
    rest.length === 0 &&
    !flags.some((f) => f === "-g" || f === "--global")
  ) {
    addInstall(result, {
      ecosystem: "node",
      manifests: ["package.json", ...NODE_LOCKS],
      label: "package.json and package-lock.json",
      command: shown,
    });
  } else if (name === "yarn" && (sub === null || sub === "install") && rest.length === 0) {
    addInstall(result, {
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
    addInstall(result, {
      ecosystem: "node",
      manifests: ["package.json", ...NODE_LOCKS],
      label: "package.json and pnpm-lock.yaml",
      command: shown,
    });
  } else if (pip?.verb?.value === "install") {
    const files = requirementFiles(pip);
    if (
      files.length === 0 ||
      pip.args.some((a) => a.value === "." || a.value.startsWith("./") || a.value === "-e")
    )
      return;
    const dirs = files
      .map((f) => f.replace(/^\.\//, ""))
      .filter((f) => f.includes("/"))
      .map((f) => f.slice(0, f.lastIndexOf("/")));
    addInstall(result, {
      ecosystem: "python",
      manifests: files.map((f) => basename(f)),
      label: files.map((f) => basename(f)).join(" and "),
      command: `${pip.shown} install`,
      dirs,
    });
  } else if (name === "poetry" && sub === "install") {
    addInstall(result, {
      ecosystem: "python",
      manifests: ["pyproject.toml", "poetry.lock"],
      label: "pyproject.toml and poetry.lock",
      command: shown,
    });
  } else if (name === "uv" && sub === "sync") {
    addInstall(result, {
      ecosystem: "python",
      manifests: ["pyproject.toml", "uv.lock"],
      label: "pyproject.toml and uv.lock",
      command: shown,
    });
  } else if (name === "pipenv" && sub === "install" && rest.length === 0) {
    addInstall(result, {
      ecosystem: "python",
      manifests: ["Pipfile", "Pipfile.lock"],
      label: "Pipfile and Pipfile.lock",
      command: shown,
    });
  } else if ((name === "bundle" || name === "bundler") && (sub === "install" || sub === null)) {
    addInstall(result, {
      ecosystem: "ruby",
      manifests: ["Gemfile", "Gemfile.lock", "*.gemspec"],
      label: "Gemfile and Gemfile.lock",
      command: shown,
    });
  } else if (name === "go" && sub === "mod" && rest[0]?.value === "download" && rest.length === 1) {
    addInstall(result, {
      ecosystem: "go",
      manifests: ["go.mod", "go.sum"],
      label: "go.mod and go.sum",
      command: "go mod download",
    });
  } else if (name === "cargo" && sub === "fetch") {
    addInstall(result, {
      ecosystem: "rust",
      manifests: ["Cargo.toml", "Cargo.lock"],
      label: "Cargo.toml and Cargo.lock",
      command: shown,
    });
  } else if (
    (name === "mvn" || name === "mvnw") &&
    flags.some((f) => /^dependency:(?:go-offline|resolve)/.test(f))
  ) {
    addInstall(result, {
      ecosystem: "java",
      manifests: ["pom.xml"],
      label: "pom.xml",
      command: `${name} ${flags.find((f) => f.startsWith("dependency:"))}`,
    });
  } else if ((name === "gradle" || name === "gradlew") && flags.includes("dependencies")) {
    addInstall(result, {
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
    addInstall(result, {
      ecosystem: "php",
      manifests: ["composer.json", "composer.lock"],
      label: "composer.json and composer.lock",
      command: shown,
    });
  } else if (isSystemInstall(c)) {
    const list = packageList(commands, i);
    const manager =
      name === "xargs" ? c.args.map((a) => basename(a.value)).find((v) => systemManagers.has(v))! : name;
    if (list)
      addInstall(result, {
        ecosystem: `list:${list}`,
        manifests: [basename(list)],
        label: basename(list),
        command: `${manager} ${manager === "apk" ? "add" : "install"}`,
      });
  }
}

/** Adds `install` to `result` unless an install of its ecosystem is there already. */
function addInstall(result: Install[], install: Install): void {
  for (const r of result) if (r.ecosystem === install.ecosystem) return;
  result.push(install);
}

/** The `-r`/`--requirement` files of a pip install. */
function requirementFiles(pip: PipCommand): string[] {
  const args = pip.args.map((a) => a.value);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === "-r" || a === "--requirement") && args[i + 1]) files.push(args[++i]!);
    else if (a.startsWith("--requirement=")) files.push(a.slice("--requirement=".length));
    else if (/^-r[^-]/.test(a)) files.push(a.slice(2));
  }
  return files.filter((f) => !f.startsWith("$") && !f.startsWith("/") && !/^https?:/.test(f));
}

/** The programs whose installs `dependencyInstalls` reads (one branch each), besides pip (see `pipCommand`). */
const installers: ReadonlySet<string> = new Set([
  "npm",
  "yarn",
  "pnpm",
  "poetry",
  "uv",
  "pipenv",
  "bundle",
  "bundler",
  "go",
  "cargo",
  "mvn",
  "mvnw",
  "gradle",
  "gradlew",
  "composer",
  "xargs",
  ...systemManagerNames,
]);

/** Package managers that `xargs` may be given a list of packages for. */
const systemManagers = new Set(["apt-get", "apt", "apk", "yum", "dnf"]);

function isSystemInstall(c: ShellCommand): boolean {
  const name = c.base ?? "";
  if (name === "xargs") return c.args.some((a) => systemManagers.has(basename(a.value)));
  return systemInstall(c) !== null;
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
  if (command.base === "xargs" && a >= 0 && args[a + 1]) return relative(args[a + 1]!);
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
