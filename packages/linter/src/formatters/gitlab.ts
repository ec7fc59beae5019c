import { createHash } from "node:crypto";
import type { Severity } from "../rule.js";
import { lineHashes } from "./fingerprint.js";
import type { Formatter } from "./types.js";

// The same mapping as hadolint's Code Climate output, so that migrating does not change the MR widget.
const severities: Record<Severity, string> = {
  error: "blocker",
  warning: "major",
  info: "info",
  style: "minor",
};

/** GitLab Code Quality report: a JSON array of Code Climate issues with stable fingerprints. */
export const gitlab: Formatter = (results) => {
  const issues = results.flatMap((file) => {
    const hashes = lineHashes(file);
    return file.diagnostics.map((d, i) => ({
      description: d.message,
      check_name: d.ruleId,
      fingerprint: createHash("md5").update(`${file.filePath}\u0000${hashes[i]}`).digest("hex"),
      severity: severities[d.severity],
      location: {
        path: file.filePath,
        positions: {
          begin: { line: d.range.start.line, column: d.range.start.column },
          end: { line: d.range.end.line, column: d.range.end.column },
        },
      },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
