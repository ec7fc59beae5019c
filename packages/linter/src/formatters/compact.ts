import type { Formatter } from "./types.js";

/** One `file:line:col: severity rule-id message` line per finding, for editors' problem matchers. */
export const compact: Formatter = (results) =>
  results
    .flatMap((file) =>
      file.diagnostics.map(
        (d) =>
          `${file.filePath}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.ruleId} ` +
          `${d.message.replace(/\s*\n\s*/g, " ")}\n`,
      ),
    )
    .join("");
