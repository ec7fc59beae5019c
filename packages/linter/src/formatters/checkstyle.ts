import type { Severity } from "../rule.js";
import type { Formatter } from "./types.js";

const levels: Record<Severity, string> = { error: "error", warning: "warning", info: "info", style: "info" };

const entities: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\t": "&#9;",
};

/** Escapes text for an XML attribute; control characters XML cannot hold are dropped. */
function escapeXml(text: string): string {
  const printable = [...text].filter((c) => c >= " " || c === "\n" || c === "\r" || c === "\t").join("");
  return printable.replace(/[<>&"'\n\r\t]/g, (c) => entities[c]!);
}

/** Checkstyle XML (version 4.3), as Jenkins and many CI dashboards read it; `source` is `hull.<rule-id>`. */
export const checkstyle: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const file of results) {
    out += `  <file name="${escapeXml(file.filePath)}">\n`;
    for (const d of file.diagnostics) {
      out +=
        `    <error line="${d.range.start.line}" column="${d.range.start.column}" severity="${levels[d.severity]}" ` +
        `message="${escapeXml(d.message)}" source="hull.${escapeXml(d.ruleId)}"/>\n`;
    }
    out += "  </file>\n";
  }
  return `${out}</checkstyle>\n`;
};
