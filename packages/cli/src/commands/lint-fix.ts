import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { fix, lint, type LintOptions } from "@hull/linter";
import { readFailure, type Io } from "../io.js";
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

/** The diff library cannot be loaded: an install that lost `diff.cjs`. */
export class MissingLibraryError extends Error {}

/** The unified diff of a dry run's change, with `a/` and `b/` paths as git writes them. */
export async function patchOf(
  displayPath: string,
  change: { before: string; after: string },
): Promise<string> {
  // Not part of the CLI bundle, so that it costs `hull lint` nothing at start-up; from source, the package itself.
  const bundled = diffBundle();
  const { createTwoFilesPatch } = existsSync(bundled)
    ? (createRequire(import.meta.url)(bundled) as typeof import("diff"))
    : await import("diff").catch(() => {
        throw new MissingLibraryError(
          "diff.cjs is missing beside the CLI bundle; reinstall hull (or run `pnpm bundle`).",
        );
      });
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, change.before, change.after, "", "", {
    context: 3,
  });
}

/**
 * Lints and fixes one job: the remaining findings, and the fix written over the file (`replaceFile`), or kept for the
 * caller for stdin and dry runs. Never throws: read and write failures become the result's error.
 */
export function runFixJob(
  job: LintJob & { fix: FixRequest },
  lintOptions: LintOptions,
  io: Pick<Io, "readFile" | "writeFile">,
): LintJobResult {
  let text: string;
  try {
    // `readFile` decodes strictly: a file that is not UTF-8 is reported and never rewritten, so no byte is lost.
    text = job.text ?? io.readFile(job.path);
  } catch (error) {
    return {
      displayPath: job.displayPath,
      diagnostics: [],
      error: `${readFailure(job.displayPath, error)}; not fixed`,
    };
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
      // The content and nothing else about the file (io.ts, replaceFile).
      if (!io.writeFile) throw new Error("this environment cannot write files");
      io.writeFile(job.path, result.output);
    } catch (error) {
      // The file is as it was: its findings are those of its text.
      return {
        displayPath: job.displayPath,
        diagnostics: lint(text, lintOptions).diagnostics,
        error: `cannot write the fix to ${job.displayPath}: ${messageOf(error)}`,
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
