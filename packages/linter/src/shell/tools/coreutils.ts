import type { ShellCommand } from "../lexer.js";
import { operands, type OptionSpec } from "../options.js";

/** Options of coreutils' file commands that take a value in the next word. */
export const chmodOptions: OptionSpec = { values: ["--reference"] };
export const lnOptions: OptionSpec = { values: ["-S", "--suffix", "-t", "--target-directory"] };
export const mkdirOptions: OptionSpec = { values: ["-m", "--mode"] };

/** True when the command is `rm` and removes a path that `path` matches (`rm -rf ~/.cache/pip`). */
export function removesMatching(command: ShellCommand, path: RegExp): boolean {
  if (command.base !== "rm") return false;
  for (const w of operands(command)) if (path.test(w.value)) return true;
  return false;
}
