import type { Severity } from "../rule.js";
import type { Formatter } from "./types.js";

const commands: Record<Severity, string> = {
  error: "error",
  warning: "warning",
  info: "notice",
  style: "notice",
};

/** Escapes a workflow command's message (`@actions/core` escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (`@actions/core` escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub Actions workflow commands: one `::error|warning|notice …::message` annotation per finding. */
export const github: Formatter = (results) => {
  let out = "";
  for (const file of results) {
    for (const d of file.diagnostics) {
      const { start, end } = d.range;
      const props = [`file=${escapeProperty(file.filePath)}`, `line=${start.line}`, `endLine=${end.line}`];
      // GitHub only honours columns on single-line annotations.
      if (start.line === end.line) props.push(`col=${start.column}`, `endColumn=${end.column}`);
      props.push(`title=${escapeProperty(`hull ${d.ruleId}`)}`);
      out += `::${commands[d.severity]} ${props.join(",")}::${escapeData(d.message)}\n`;
    }
  }
  return out;
};
