import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { fix, type LintOptions } from "@hull/linter";
import type { Io } from "../io.js";
import { decodeUtf8 } from "../utf8.js";
import type { LintJob, LintJobResult } from "./lint.js";

/** What `--fix`, `--fix-dry-run` and `--unsafe-fixes` ask of one file. */
export interface FixRequest {
  /** Write the fixed text (in place, or to standard output for stdin); false for a dry run. */
  write: boolean;
  /** Also apply unsafe fixes. */
  unsafe: boolean;
}

/** What fixing one file did, beside its remaining findings. */
export interface FixOutcome {
  /** Fixed findings by rule id. */
  fixed: Record<string, number>;
  /** The fixed text, for standard input. */
  output?: string;
  /** For a dry run that changes the file: the text before and after (`patchOf` turns them into a diff). */
  change?: { before: string; after: string };
}

/** The diff library, bundled on its own beside the CLI bundle (scripts/bundle.mjs) and loaded only for a dry run. */
const diffBundle = () => fileURLToPath(new URL("./diff.cjs", import.meta.url));

/** The unified diff of a dry run's change, with `a/` and `b/` paths as git writes them. */
export async function patchOf(
  displayPath: string,
  change: { before: string; after: string },
): Promise<string> {
  // Not part of the CLI bundle, so that it costs `hull lint` nothing at start-up; from source, the package itself.
  const bundled = diffBundle();
  const { createTwoFilesPatch } = existsSync(bundled)
    ? (createRequire(import.meta.url)(bundled) as typeof import("diff"))
    : await import("diff");
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, change.before, change.after, "", "", {
    context: 3,
  });
}

/** Reads the job's text strictly as UTF-8; a file that is not UTF-8 is left alone, with where it stops being UTF-8. */
function readStrict(
  job: LintJob,
  io: Pick<Io, "readFile" | "readBytes">,
): { text: string } | { error: string } {
  if (job.text !== undefined) return { text: job.text };
  const bytes = io.readBytes ? io.readBytes(job.path) : new TextEncoder().encode(io.readFile(job.path));
  const decoded = decodeUtf8(bytes);
  if (decoded.ok) return { text: decoded.text };
  return {
    error:
      `not valid UTF-8 (line ${decoded.line}, byte ${decoded.offset}); not fixed, so that no byte is lost. ` +
      "Convert it to UTF-8 first (e.g. with iconv).",
  };
}

/**
 * Lints and fixes one job: the remaining findings, and the fix written atomically in place (or kept for the caller
 * for stdin and dry runs). Never throws: read and write failures become the result's error.
 */
export function runFixJob(
  job: LintJob & { fix: FixRequest },
  lintOptions: LintOptions,
  io: Pick<Io, "readFile" | "readBytes" | "replaceFile" | "writeFile">,
): LintJobResult {
  let text: string;
  try {
    const read = readStrict(job, io);
    if ("error" in read) return { displayPath: job.displayPath, diagnostics: [], error: read.error };
    text = read.text;
  } catch (error) {
    return { displayPath: job.displayPath, diagnostics: [], error: messageOf(error) };
  }
  const result = fix(text, lintOptions, { unsafe: job.fix.unsafe });
  const changed = result.output !== text;
  const outcome: FixOutcome = { fixed: result.fixed };
  if (!job.fix.write) {
    if (changed) outcome.change = { before: text, after: result.output };
  } else if (job.text !== undefined) {
    outcome.output = result.output;
  } else if (changed) {
    try {
      const replace = io.replaceFile ?? io.writeFile;
      if (!replace) throw new Error("this environment cannot write files");
      replace(job.path, result.output);
    } catch (error) {
      return {
        displayPath: job.displayPath,
        diagnostics: [],
        error: `cannot write the fix: ${messageOf(error)}`,
      };
    }
  }
  return {
    displayPath: job.displayPath,
    diagnostics: result.diagnostics,
    ...(job.keepSource ? { source: result.output } : {}),
    fix: outcome,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
