import { findCommands, operands, type ShellCommand, type ShellWord } from "../../shell/shell.js";

/** apt-get's options that take a value, so that the word after them is not taken for the verb. */
const valueOptions = ["-o", "--option", "-c", "--config-file", "-t", "--target-release"];

/** One `apt-get`/`apt` command of a script, with its verb (`install`, `update`…) and the operands after it. */
export interface AptCommand {
  command: ShellCommand;
  verb: ShellWord | undefined;
  operands: ShellWord[];
}

/** The apt-get and apt commands of a script, read once by every apt rule. */
export function aptCommands(commands: readonly ShellCommand[], ...names: string[]): AptCommand[] {
  return findCommands(commands, ...(names.length > 0 ? names : ["apt-get", "apt"])).map((command) => {
    const [verb, ...rest] = operands(command, valueOptions);
    return { command, verb, operands: rest };
  });
}

/** The `install` commands that really install: `-s` and its synonyms only simulate. */
export function aptInstalls(commands: readonly ShellCommand[]): AptCommand[] {
  return aptCommands(commands).filter((apt) => apt.verb?.value === "install" && !simulates(apt.command));
}

function simulates(command: ShellCommand): boolean {
  return command.args.some(
    (a) =>
      /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a.value) ||
      ["--simulate", "--just-print", "--dry-run", "--recon", "--no-act"].includes(a.value),
  );
}
