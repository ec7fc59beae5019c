import type { ShellCommand } from "../lexer.js";
import { operands } from "../options.js";

/**
 * Where Chocolatey keeps the installers and packages it downloads (its default `cacheLocation`, `%TEMP%\chocolatey`),
 * in the form `windowsPath` gives it.
 */
export const chocoCacheDir = "<temp>/chocolatey";

const chocoInstallVerbs = new Set(["install", "upgrade"]);

/** True for `choco install …`, `choco upgrade …`, `cinst …` and `cup …`, which fill Chocolatey's download cache. */
export function chocoFillsCache(command: ShellCommand): boolean {
  if (command.base === "cinst" || command.base === "cup") return true;
  if (command.base !== "choco") return false;
  return chocoInstallVerbs.has(operands(command)[0]?.value.toLowerCase() ?? "");
}

/** True for `choco cache remove` (Chocolatey 2), which empties the download cache. */
export function chocoCleansCache(command: ShellCommand): boolean {
  // The name first: every command of a Windows RUN is asked, and reading the operands of each would allocate.
  if (command.base !== "choco") return false;
  const [verb, action] = operands(command).map((w) => w.value.toLowerCase());
  return verb === "cache" && (action === "remove" || action === "clear");
}
