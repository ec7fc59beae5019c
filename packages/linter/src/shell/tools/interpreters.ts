import { basename } from "../lexer.js";

/** Interpreters that run a program read from standard input, and the options that give them one inline instead. */
const inlineProgramOptions: Readonly<Record<string, readonly string[]>> = {
  python: ["-c", "-m"],
  perl: ["-e", "-E"],
  ruby: ["-e"],
  node: ["-e", "-p", "--eval", "--print"],
  php: ["-r"],
};

/** The interpreter a command name runs, without a version suffix (`python3.12` → `python`), or null. */
export function interpreterOf(name: string): string | null {
  const base = basename(name).replace(/[\d.]+$/, "");
  return Object.hasOwn(inlineProgramOptions, base) ? base : null;
}

/** The options that give `interpreter` its program on the command line (`python -c …`, `node -e …`). */
export function inlineProgramOptionsOf(interpreter: string): readonly string[] {
  return Object.hasOwn(inlineProgramOptions, interpreter) ? inlineProgramOptions[interpreter]! : [];
}
