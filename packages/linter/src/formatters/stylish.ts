import type { Severity } from "../rule.js";
import { countSeverities, type Formatter } from "./types.js";

const codes = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  gray: [90, 39],
  bold: [1, 22],
  underline: [4, 24],
};
type Style = keyof typeof codes;

function paint(on: boolean) {
  return (style: Style, text: string) =>
    on ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text;
}

const severityStyle: Record<Severity, Style> = {
  error: "red",
  warning: "yellow",
  info: "blue",
  style: "gray",
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === "info" || word === "style" ? "" : "s"}`;
}

/** ESLint's default format: findings grouped per file in aligned columns, then a summary line. */
export const stylish: Formatter = (results, { color }) => {
  const c = paint(color);
  let out = "";
  const all = results.flatMap((r) => r.diagnostics);
  for (const file of results) {
    if (file.diagnostics.length === 0) continue;
    const rows = file.diagnostics.map((d) => [
      `${d.range.start.line}:${d.range.start.column}`,
      d.severity,
      d.message.replace(/\s*\n\s*/g, " "),
      d.ruleId,
    ]);
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    out += `\n${c("underline", file.filePath)}\n`;
    for (const [position, severity, message, ruleId] of rows) {
      const sev = severity as Severity;
      out +=
        `  ${c("gray", position!.padEnd(width[0]!))}  ${c(severityStyle[sev], sev.padEnd(width[1]!))}  ` +
        `${message!.padEnd(width[2]!)}  ${c("gray", ruleId!)}\n`;
    }
  }
  if (all.length === 0) return "";
  const counts = countSeverities(all);
  const summary =
    `✖ ${plural(all.length, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ` +
    `${plural(counts.info, "info")}, ${plural(counts.style, "style")})`;
  const safe = all.filter((d) => d.fix?.level === "safe").length;
  const unsafe = all.filter((d) => d.fix?.level === "unsafe").length;
  out += `\n${c("bold", c(counts.error > 0 ? "red" : "yellow", summary))}\n`;
  // Name the flag, as Ruff does: unsafe fixes can change the image, so they are never applied by --fix alone.
  if (safe > 0) out += `  ${plural(safe, "problem")} can be fixed with \`hull lint --fix\`.\n`;
  if (unsafe > 0)
    out += `  ${plural(unsafe, safe > 0 ? "more problem" : "problem")} can be fixed with \`hull lint --fix --unsafe-fixes\` (it can change the image).\n`;
  return out;
};
