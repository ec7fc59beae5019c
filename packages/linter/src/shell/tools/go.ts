import type { ShellCommand } from "../lexer.js";
import { toolCommands, type OptionSpec, type ToolCommand } from "../options.js";

/** The go command's build flags that take a value in the next word (Go writes them with one dash). */
export const goOptions: OptionSpec = {
  values: [
    "-o",
    "-p",
    "-C",
    "-ldflags",
    "-gcflags",
    "-asmflags",
    "-gccgoflags",
    "-tags",
    "-mod",
    "-modfile",
    "-exec",
    "-overlay",
    "-pkgdir",
    "-toolexec",
    "-buildmode",
    "-compiler",
    "-installsuffix",
    "-pgo",
    "-covermode",
    "-coverpkg",
  ],
};

/** The go commands of a script, each with its verb (`install`, `get`, `mod`…) and operands. */
export function goCommands(commands: readonly ShellCommand[]): ToolCommand[] {
  return toolCommands(commands, ["go"], goOptions);
}
