/** One file of `hull lint --format json`. */
export interface LintedFile {
  filePath: string;
  messages: {
    ruleId: string | null;
    level: Level;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
  }[];
}

/** hull's severities, most severe first. */
export const levels = ["error", "warning", "info", "style"] as const;
export type Level = (typeof levels)[number];

/** One finding, flattened out of its file. */
export interface Finding {
  file: string;
  ruleId: string;
  level: Level;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** GitHub's three annotation kinds; hull's info and style findings are notices. */
export type AnnotationKind = "error" | "warning" | "notice";
const kindOf: Record<Level, AnnotationKind> = {
  error: "error",
  warning: "warning",
  info: "notice",
  style: "notice",
};

/** GitHub shows at most this many annotations of each kind from one step and drops the rest silently. */
export const annotationLimit = 10;

/** Flattens the CLI's JSON output, most severe first, then by file and position. */
export function findingsOf(files: readonly LintedFile[]): Finding[] {
  const findings = files.flatMap((file) =>
    file.messages.map((m) => ({
      file: file.filePath,
      ruleId: m.ruleId ?? "hull",
      level: m.level,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine ?? m.line,
      endColumn: m.endColumn ?? m.column,
    })),
  );
  const rank = (f: Finding) => levels.indexOf(f.level);
  return findings.sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Counts of findings per severity. */
export function countLevels(findings: readonly Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

// Workflow commands: data escapes %, CR and LF; property values also escape : and , (they separate properties).
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * The `::error`/`::warning`/`::notice` commands for the findings. Past GitHub's limit of 10 per kind, the last
 * slot of that kind says how many more there are, so that no finding is lost without a word.
 */
export function annotations(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const kind of ["error", "warning", "notice"] as const) {
    const ofKind = findings.filter((f) => kindOf[f.level] === kind);
    const shown = ofKind.length > annotationLimit ? ofKind.slice(0, annotationLimit - 1) : ofKind;
    for (const f of shown) {
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        // GitHub rejects a column range that spans lines.
        ...(f.endLine === f.line ? [`endColumn=${f.endColumn}`] : []),
        `title=${escapeProperty(`hull ${f.ruleId}`)}`,
      ];
      lines.push(`::${kind} ${properties.join(",")}::${escapeData(f.message)}`);
    }
    const rest = ofKind.length - shown.length;
    if (rest > 0) {
      const noun = kind === "notice" ? "notices" : `${kind}s`;
      lines.push(
        `::${kind} title=hull::${rest} more ${noun} are not annotated (GitHub shows ${annotationLimit} per kind); see the job summary.`,
      );
    }
  }
  return lines;
}

/** What the summary links to: each rule's docs page, and a finding's line in the repository when known. */
export interface SummaryLinks {
  docs: ReadonlyMap<string, string>;
  source?: (file: string, line: number) => string;
}

/** How many findings the summary lists one by one. */
export const topFindings = 20;

const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const link = (text: string, url: string | undefined) => (url ? `[${text}](${url})` : text);

/** The Markdown job summary: totals, counts per rule and severity, and the most severe findings. */
export function summary(
  findings: readonly Finding[],
  fileCount: number,
  links: SummaryLinks,
  failed: boolean,
): string {
  const counts = countLevels(findings);
  const files = new Set(findings.map((f) => f.file)).size;
  const out = [`## hull lint ${failed ? "❌" : "✅"}`, ""];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (findings.length === 0) {
    out.push(`No findings in ${plural(fileCount, "Dockerfile")}.`);
    return `${out.join("\n")}\n`;
  }
  // "info" and "style" have no plural.
  const bySeverity = levels
    .filter((l) => counts[l] > 0)
    .map((l) => (l === "error" || l === "warning" ? plural(counts[l], l) : `${counts[l]} ${l}`));
  out.push(
    `${plural(findings.length, "finding")} in ${files} of ${plural(fileCount, "Dockerfile")}: ${bySeverity.join(", ")}.`,
    "",
    "| Rule | Severity | Findings |",
    "| --- | --- | ---: |",
  );
  const perRule = new Map<string, { ruleId: string; level: Level; count: number }>();
  for (const f of findings) {
    const key = `${f.level} ${f.ruleId}`;
    const row = perRule.get(key) ?? { ruleId: f.ruleId, level: f.level, count: 0 };
    row.count++;
    perRule.set(key, row);
  }
  const rows = [...perRule.values()].sort(
    (a, b) =>
      levels.indexOf(a.level) - levels.indexOf(b.level) ||
      b.count - a.count ||
      a.ruleId.localeCompare(b.ruleId),
  );
  for (const r of rows) out.push(`| ${link(r.ruleId, links.docs.get(r.ruleId))} | ${r.level} | ${r.count} |`);
  out.push("", `### ${findings.length > topFindings ? `Top ${topFindings} findings` : "Findings"}`, "");
  out.push("| Where | Rule | Message |", "| --- | --- | --- |");
  for (const f of findings.slice(0, topFindings)) {
    const where = link(`${cell(f.file)}:${f.line}:${f.column}`, links.source?.(f.file, f.line));
    out.push(`| ${where} | ${link(f.ruleId, links.docs.get(f.ruleId))} (${f.level}) | ${cell(f.message)} |`);
  }
  if (findings.length > topFindings) out.push("", `… and ${findings.length - topFindings} more.`);
  return `${out.join("\n")}\n`;
}
