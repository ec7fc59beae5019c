import { format, type FormatOptions } from "@hull/parser";
import type { Register } from "../main.js";
import { ExitCode } from "../main.js";
import { EncodingError, readFailure, type Io } from "../io.js";
import { discoverFiles, displayOf } from "../discover.js";

interface FmtFlags {
  check?: boolean;
  write?: boolean;
  indent?: string;
  keepIndentation?: boolean;
  allowEmpty?: boolean;
}

/** Ends the run with exit code 2 and a one-line message. */
class UsageError extends Error {}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatOptions(flags: FmtFlags): FormatOptions {
  const options: FormatOptions = { keepIndentation: flags.keepIndentation === true };
  if (flags.indent === "tab") options.indent = "\t";
  else if (flags.indent !== undefined) {
    const indent = Number(flags.indent);
    if (!/^\d+$/.test(flags.indent) || indent > 16) {
      throw new UsageError(`--indent ${flags.indent}: expected a number of spaces from 0 to 16, or tab`);
    }
    options.indent = indent;
  }
  return options;
}

/** Why a file came out as it went in: `hull lint` reads templates, but their layout is the generator's. */
function templateNote(display: string): string {
  return `hull fmt: ${display} is a template (it holds template markup); left as written\n`;
}

/** Runs `hull fmt`; returns the exit code. */
function runFmt(paths: string[], flags: FmtFlags, io: Io): number {
  if (flags.check && flags.write) throw new UsageError("--check and --write cannot be combined");
  const options = formatOptions(flags);
  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("'-' (standard input) cannot be combined with other paths");
    if (flags.write) throw new UsageError("--write needs files, not standard input");
    let text: string;
    try {
      text = io.readStdin();
    } catch (error) {
      throw new UsageError(readFailure("<stdin>", error));
    }
    const { output, changed, template } = format(text, options);
    if (template) io.stderr(templateNote("<stdin>"));
    if (!flags.check) {
      io.stdout(output);
      return ExitCode.ok;
    }
    if (changed) io.stdout("<stdin>\n");
    return changed ? ExitCode.findings : ExitCode.ok;
  }

  const searched = paths.length > 0 ? paths : ["."];
  const discovery = discoverFiles(searched, io);
  // Missing paths and unreadable directories, reported as `hull lint` reports them; the rest is formatted.
  for (const problem of discovery.problems) io.stderr(`hull fmt: ${problem}\n`);
  const files = discovery.files
    .map((f) => ({ path: f.path, display: displayOf(f.path, io) }))
    .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  if (files.length === 0) {
    if (discovery.problems.length > 0) return ExitCode.usage;
    if (flags.allowEmpty) return ExitCode.ok;
    throw new UsageError(
      `no Dockerfiles found in ${searched.join(", ")} (pass --allow-empty if that is expected)`,
    );
  }
  if (!flags.check && !flags.write && files.length !== 1) {
    throw new UsageError(
      `found ${files.length} Dockerfiles; pass --write to format them in place or --check to list those that would change`,
    );
  }
  if (flags.write && !io.writeFile) throw new UsageError("--write is not available here");

  let ioErrors = discovery.problems.length;
  let unformatted = 0;
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file.path);
    } catch (error) {
      const untouched = error instanceof EncodingError ? "; file left unchanged" : "";
      io.stderr(`hull fmt: ${readFailure(file.display, error)}${untouched}\n`);
      ioErrors++;
      continue;
    }
    const { output, changed, template } = format(text, options);
    if (template) io.stderr(templateNote(file.display));
    if (!flags.check && !flags.write) {
      io.stdout(output);
      continue;
    }
    if (!changed) continue;
    if (flags.write) {
      try {
        io.writeFile!(file.path, output);
      } catch (error) {
        io.stderr(`hull fmt: cannot write ${file.display}: ${errorMessage(error)}\n`);
        ioErrors++;
        continue;
      }
    }
    unformatted++;
    io.stdout(`${file.display}\n`);
  }
  if (ioErrors > 0) return ExitCode.usage;
  return flags.check && unformatted > 0 ? ExitCode.findings : ExitCode.ok;
}

/** `hull fmt [PATH…|-]`: prints, checks or rewrites Dockerfiles in the canonical layout. */
export const registerFmt: Register = (program, io, setExit) => {
  program
    .command("fmt")
    .description(
      "format Dockerfiles without changing what BuildKit reads: prints one file (or -), or --write / --check many",
    )
    .argument("[paths...]", "files or directories (recursively); - reads standard input", [])
    .option("--check", "list the files that would change and exit 1 if there are any")
    .option("--write", "rewrite the files in place and list those that changed")
    .option("--indent <n|tab>", "spaces before continuation lines (default 4), or tab")
    .option("--keep-indentation", "leave the indentation of continuation lines as written")
    .option("--allow-empty", "exit 0 when the paths hold no Dockerfiles (for hooks that pass file lists)")
    .action((paths: string[], flags: FmtFlags) => {
      try {
        setExit(runFmt(paths, flags, io));
      } catch (error) {
        if (error instanceof UsageError) {
          io.stderr(`hull fmt: ${error.message}\n`);
          setExit(ExitCode.usage);
          return;
        }
        throw error;
      }
    });
};
