import type { Run, SemanticModel } from "@hull/parser";
import type { ShellCommand, ShellWord } from "../lexer.js";
import { argOperands, type OptionSpec } from "../options.js";

/** pip's options that take a value in the next word, and those `uv pip` adds to them. */
export const pipOptions: OptionSpec = {
  values: [
    // uv's own.
    "--index-strategy",
    "--keyring-provider",
    "--resolution",
    "--prerelease",
    "--exclude-newer",
    "--link-mode",
    "--python-platform",
    "--index",
    "--default-index",
    "--torch-backend",
    "--override",
    "-b",
    "--build-constraint",
    "--extra",
    "--config-setting",
    "--reinstall-package",
    "-P",
    "--upgrade-package",
    "--no-build-package",
    "--no-binary-package",
    "--refresh-package",
    "-p",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--src",
    "--upgrade-strategy",
    "--progress-bar",
    "--trusted-host",
    "--cache-dir",
    "--log",
    "--proxy",
    "--retries",
    "--timeout",
    "--exists-action",
    "--cert",
    "--client-cert",
    "--no-binary",
    "--only-binary",
    "-C",
    "--config-settings",
    "--global-option",
    "--install-option",
    "--report",
    "--python",
    "--root-user-action",
    "-e",
    "--editable",
    "--group",
    "-r",
    "--requirement",
    "-c",
    "--constraint",
  ],
};

/** Where pip keeps its download and wheel cache (`~` is the user's home). */
export const pipCacheDir = "~/.cache/pip";

/** A pip command: `pip …`, `pip3.12 …`, `python3 -m pip …` or `uv pip …`. */
export interface PipCommand {
  command: ShellCommand;
  /** The arguments after `pip`, as the `pip` program sees them. */
  args: readonly ShellWord[];
  /** `uv` for `uv pip`, which has its own cache and options for it; else `pip`. */
  runner: "pip" | "uv";
  /** How the command is written up to `pip` (`pip3`, `python3 -m pip`, `uv pip`), for messages. */
  shown: string;
  /** The sub-command (`install`, `cache`…) and the operands after it. */
  verb: ShellWord | undefined;
  operands: ShellWord[];
}

const PIP = /^pip[0-9.]*$/;

/**
 * Whether a command of this name may run pip (`pip3`, `python -m pip`, `uv pip`), which `pipCommand` then tells.
 * Most commands are none of these: one comparison of the first letter turns them away.
 */
export function mayRunPip(name: string): boolean {
  const first = name.charCodeAt(0);
  // p or u
  return first === 112 || first === 117;
}

/** The command read as pip, or null when it does not run pip; the one place that knows how pip is invoked. */
export function pipCommand(command: ShellCommand): PipCommand | null {
  const name = command.base ?? "";
  if (!mayRunPip(name)) return null;
  let args: readonly ShellWord[];
  let shown: string;
  let runner: PipCommand["runner"] = "pip";
  if (PIP.test(name)) {
    args = command.args;
    shown = name;
  } else if (
    /^python[0-9.]*$/.test(name) &&
    command.args[0]?.value === "-m" &&
    PIP.test(command.args[1]?.value ?? "")
  ) {
    args = command.args.slice(2);
    shown = `${name} -m ${command.args[1]!.value}`;
  } else if (name === "uv" && command.args[0]?.value === "pip") {
    args = command.args.slice(1);
    shown = "uv pip";
    runner = "uv";
  } else {
    return null;
  }
  const all = argOperands(args, pipOptions);
  return { command, args, runner, shown, verb: all[0], operands: all.slice(1) };
}

/** Whether a value of `PIP_NO_CACHE_DIR` turns pip's cache off: pip reads it as a boolean (`1`, `true`, `yes`…). */
function pipNoCacheDir(value: string | undefined): boolean {
  // pip turns the cache off for any boolean it reads, `off` and `0` too: it keeps that quirk for compatibility.
  return value !== undefined && /^(?:1|true|yes|on|y|t|0|false|no|off|n|f)$/i.test(value.trim());
}

/** Whether a word is an assignment `PIP_NO_CACHE_DIR=…` that turns pip's cache off (before a command, or exported). */
export function setsPipNoCacheDir(word: ShellWord): boolean {
  return (
    word.value.startsWith("PIP_NO_CACHE_DIR=") && pipNoCacheDir(word.value.slice("PIP_NO_CACHE_DIR=".length))
  );
}

/** Whether the stage's ENV and ARGs (its base stages' too) turn pip's cache off before a RUN. */
export function pipCacheOffBefore(semantic: SemanticModel, node: Run): boolean {
  return pipNoCacheDir(semantic.scopeBefore(node)?.env.get("PIP_NO_CACHE_DIR"));
}

/**
 * Whether a pip command fills pip's download cache: `pip install` (not `uv pip`, whose cache is its own) without
 * `--no-cache-dir` or a true `PIP_NO_CACHE_DIR=…` before it. The stage's ENV and ARGs are the caller's to read.
 */
export function pipFillsCache(pip: PipCommand): boolean {
  if (pip.runner !== "pip" || pip.verb?.value !== "install") return false;
  if (pip.args.some((a) => NO_CACHE_DIR.test(a.value))) return false;
  if (installsLocalWheelsOnly(pip)) return false;
  return !pip.command.words.some(setsPipNoCacheDir);
}

/**
 * Whether an install reads only wheel files of the image's own (`pip install --no-deps /deps/*.whl`): with
 * `--no-deps` pip fetches nothing more, and a wheel needs no build, so nothing reaches the cache.
 */
function installsLocalWheelsOnly(pip: PipCommand): boolean {
  if (!pip.args.some((a) => a.value === "--no-deps")) return false;
  if (pip.args.some((a) => /^(?:-[re]|--requirement|--editable)/.test(a.value))) return false;
  const packages = pip.operands;
  return packages.length > 0 && packages.every((p) => /\.whl$/i.test(p.value) && !/^\w+:\/\//.test(p.value));
}

/**
 * The folder pip keeps its cache in when the command or its environment names one: `--cache-dir DIR`, or
 * `PIP_CACHE_DIR` set before the command or in `env` (the stage's ENV and ARGs); null for the default.
 */
export function pipCacheDirOf(pip: PipCommand, env: ReadonlyMap<string, string> | undefined): string | null {
  for (let i = 0; i < pip.args.length; i++) {
    const a = pip.args[i]!.value;
    if (a === "--cache-dir") return pip.args[i + 1]?.value ?? null;
    if (a.startsWith("--cache-dir=")) return a.slice("--cache-dir=".length);
  }
  for (const w of pip.command.words)
    if (w.value.startsWith("PIP_CACHE_DIR=")) return w.value.slice("PIP_CACHE_DIR=".length);
  return env?.get("PIP_CACHE_DIR") ?? null;
}

/**
 * `--no-cache-dir`, or the shortest prefix of it that no other option of pip starts with (`--no-cache`), which pip's
 * option parser (Python's optparse) takes for the whole name; with a value or without.
 */
const NO_CACHE_DIR = /^--no-ca(?:c(?:h(?:e(?:-(?:d(?:i(?:r)?)?)?)?)?)?)?(?:=|$)/;

/** A path whose removal empties pip's cache: `~/.cache/pip`, `/root/.cache`, `$HOME/.cache/pip/*`… */
export const pipCachePath = /^(?:~|\$\{?HOME\}?|\/root|\/home\/[^/]+)\/\.cache(?:\/pip)?\/?\*?$/;

/** Whether a pip command empties pip's cache: `pip cache purge` or `pip cache remove …`. */
export function pipCleansCache(pip: PipCommand): boolean {
  return (
    pip.runner === "pip" &&
    pip.verb?.value === "cache" &&
    (pip.operands[0]?.value === "purge" || pip.operands[0]?.value === "remove")
  );
}

/** pipx's options that take a value in the next word. */
const pipxOptions: OptionSpec = {
  values: ["--python", "--suffix", "--pip-args", "--index-url", "--preinstall", "--spec", "--backend"],
};

/**
 * `pipx install …`, which installs each package (an application) into a virtual environment of its own, with pip:
 * the packages, or null for another command. pipx keeps no pip cache in the image that `--no-cache-dir` would drop.
 */
export function pipxInstall(command: ShellCommand): ShellWord[] | null {
  if (command.base !== "pipx") return null;
  const [verb, ...packages] = argOperands(command.args, pipxOptions);
  return verb?.value === "install" ? packages : null;
}

/** The pip commands of a script. */
export function pipCommands(commands: readonly ShellCommand[]): PipCommand[] {
  const result: PipCommand[] = [];
  for (const command of commands) {
    const pip = pipCommand(command);
    if (pip) result.push(pip);
  }
  return result;
}
