import type { ShellCommand } from "../lexer.js";
import { toolCommands, type OptionSpec, type ToolCommand } from "../options.js";

/** gem's options that take a value in the next word. */
export const gemOptions: OptionSpec = {
  values: [
    "-i",
    "--install-dir",
    "-n",
    "--bindir",
    "-s",
    "--source",
    "--platform",
    "-P",
    "--trust-policy",
    "-g",
    "--file",
    "--build-root",
    "--document",
  ],
  // `gem install x -- --with-x-dir=…`: the build options of the gem's native extension.
  passesOn: true,
};

/** The gem commands of a script, each with its verb (`install`…) and operands. */
export function gemCommands(commands: readonly ShellCommand[]): ToolCommand[] {
  return toolCommands(commands, ["gem"], gemOptions);
}
