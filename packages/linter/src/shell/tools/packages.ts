import type { ShellCommand, ShellWord } from "../lexer.js";
import { operands } from "../options.js";
import { aptNames, aptOptions } from "./apt.js";
import { apkOptions } from "./apk.js";
import { yumDnfAction, yumDnfNames, zypperAction } from "./rpm.js";

/** A system package install: the manager's name, its verb and the packages it names. */
export interface SystemInstall {
  manager: string;
  verb: ShellWord;
  packages: ShellWord[];
}

/** The package managers whose installs `systemInstall` reads. */
export const systemManagerNames: ReadonlySet<string> = new Set([
  ...aptNames,
  "apk",
  ...yumDnfNames,
  "zypper",
]);

/**
 * The install of `apt-get`/`apt install`, `apk add`, `yum`/`dnf`/`microdnf`/`tdnf install` or
 * `zypper install`/`in`, read with each manager's options; null for any other command.
 */
export function systemInstall(command: ShellCommand): SystemInstall | null {
  const name = command.base;
  if (name === null || !systemManagerNames.has(name)) return null;
  if (aptNames.has(name) || name === "apk") {
    const apk = name === "apk";
    const all = operands(command, apk ? apkOptions : aptOptions);
    const verb = all[0];
    if (!verb || verb.value !== (apk ? "add" : "install")) return null;
    return { manager: name, verb, packages: all.slice(1) };
  }
  const action = yumDnfAction(command) ?? zypperAction(command);
  if (!action) return null;
  const verbs = name === "zypper" ? ["install", "in"] : ["install"];
  if (!verbs.includes(action.verb)) return null;
  return { manager: name, verb: action.verbStart, packages: action.operands };
}
