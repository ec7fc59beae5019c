import type { ShellCommand } from "../../shell/shell.js";

/** `pip …`, `pip3.12 …` or `python -m pip …`, as a command whose arguments start after `pip`; null otherwise. */
export function pipArguments(command: ShellCommand): ShellCommand | null {
  const name = command.base ?? "";
  if (/^pip[0-9.]*$/.test(name)) return command;
  if (
    /^python[0-9.]*$/.test(name) &&
    command.args[0]?.value === "-m" &&
    /^pip[0-9.]*$/.test(command.args[1]?.value ?? "")
  ) {
    return { ...command, args: command.args.slice(2) };
  }
  return null;
}
