import type { ShellCommand, ShellWord } from "../lexer.js";
import { toolCommands } from "../options.js";
import { aptNames, aptOptions } from "./apt.js";
import { apkOptions } from "./apk.js";
import { yumDnfAction, zypperAction } from "./rpm.js";

/** A system package install: the manager's name, its verb and the packages it names. */
export interface SystemInstall {
  manager: string;
  verb: ShellWord;
  packages: ShellWord[];
}

/**
 * The install of `apt-get`/`apt install`, `apk add`, `yum`/`dnf`/`microdnf`/`tdnf install` or
 * `zypper install`/`in`, read with each manager's options; null for any other command.
 */
export function systemInstall(command: ShellCommand): SystemInstall | null {
  const name = command.base;
  if (name === null) return null;
  if (aptNames.has(name) || name === "apk") {
    const apk = name === "apk";
    const [read] = toolCommands([command], [name], apk ? apkOptions : aptOptions);
    if (!read?.verb || read.verb.value !== (apk ? "add" : "install")) return null;
    return { manager: name, verb: read.verb, packages: read.operands };
  }
  const action = yumDnfAction(command) ?? zypperAction(command);
  if (!action) return null;
  const verbs = name === "zypper" ? ["install", "in"] : ["install"];
  if (!verbs.includes(action.verb)) return null;
  return { manager: name, verb: action.verbStart, packages: action.operands };
}
