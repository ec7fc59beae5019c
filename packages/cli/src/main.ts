import { Command, CommanderError } from "commander";
import type { Io } from "./io.js";
import { version } from "./version.js";

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

/** A command adds itself to the program; its action returns the exit code. */
export type Register = (program: Command, io: Io, setExit: (code: number) => void) => void;

/**
 * Every command by its name, in the order that help lists them. Each command's module (and what only it uses: the
 * planner for `plan`, BuildKit's dump for `parse`) is loaded when that command runs, so that `hull lint` does not
 * evaluate the others' modules at start-up.
 */
const commands: Record<string, () => Promise<Register>> = {
  parse: async () => (await import("./commands/parse.js")).registerParse,
  plan: async () => (await import("./commands/plan.js")).registerPlan,
  lint: async () => (await import("./commands/lint.js")).registerLint,
  rules: async () => (await import("./commands/rules.js")).registerRules,
  fmt: async () => (await import("./commands/fmt.js")).registerFmt,
  lsp: async () => (await import("./commands/lsp.js")).registerLsp,
};

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command("hull")
    .description("Dockerfile parser, linter and build planner")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  // A run of one command sets up only that command (its options, their help texts): part of what `hull lint`
  // costs at start-up. Anything else (help, --version, a misspelt command) sets up all, so that help lists them.
  const named = Object.hasOwn(commands, argv[0] ?? "") ? [commands[argv[0]!]!] : Object.values(commands);
  for (const register of await Promise.all(named.map((load) => load())))
    register(program, io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander but successes to the user.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    io.stderr(
      `hull: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.usage;
  }
  return exitCode;
}
