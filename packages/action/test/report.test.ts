import { describe, expect, it } from "vitest";
import {
  annotationLimit,
  annotations,
  findingsOf,
  summary,
  type Level,
  type LintedFile,
} from "../src/report.js";

const file = (filePath: string, ...levels: Level[]): LintedFile => ({
  filePath,
  messages: levels.map((level, i) => ({
    ruleId: `rule-${level}`,
    level,
    message: `${level} number ${i}`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 5,
  })),
});
const many = (n: number, level: Level) => Array.from({ length: n }, () => level);

describe("annotations", () => {
  it.each([
    { warnings: 3, shown: 3, more: null },
    { warnings: annotationLimit, shown: annotationLimit, more: null },
    { warnings: annotationLimit + 1, shown: annotationLimit - 1, more: 2 },
    { warnings: 40, shown: annotationLimit - 1, more: 40 - annotationLimit + 1 },
  ])("$warnings warnings: $shown annotated, and a note of $more more", ({ warnings, shown, more }) => {
    const lines = annotations(findingsOf([file("Dockerfile", ...many(warnings, "warning"), "error")]));
    const warningLines = lines.filter((l) => l.startsWith("::warning "));
    expect(warningLines.length).toBeLessThanOrEqual(annotationLimit);
    expect(warningLines.filter((l) => l.includes("file=Dockerfile"))).toHaveLength(shown);
    const note = warningLines.find((l) => l.includes("more warnings"));
    expect(note ?? null).toEqual(more === null ? null : expect.stringContaining(`::${more} more warnings`));
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(1);
  });

  it("counts each kind separately; info and style are notices", () => {
    const lines = annotations(findingsOf([file("a", ...many(12, "info"), ...many(12, "style"), "warning")]));
    expect(lines.filter((l) => l.startsWith("::notice "))).toHaveLength(annotationLimit);
    expect(lines.filter((l) => l.startsWith("::warning "))).toHaveLength(1);
    expect(lines.at(-1)).toContain("15 more notices");
  });

  it("escapes what would end a property or the message", () => {
    const [line] = annotations(
      findingsOf([
        {
          filePath: "dir,1/a:b",
          messages: [
            { ruleId: null, level: "error", message: "50% done\nnext", line: 2, column: 3, endLine: 4 },
          ],
        },
      ]),
    );
    expect(line).toBe("::error file=dir%2C1/a%3Ab,line=2,endLine=4,col=3,title=hull hull::50%25 done%0Anext");
  });
});

describe("summary", () => {
  const docs = new Map([["rule-error", "https://docs/rule-error.md"]]);

  it("says when there is nothing to report", () => {
    expect(summary([], 3, { docs }, false)).toBe("## hull lint ✅\n\nNo findings in 3 Dockerfiles.\n");
  });

  it("counts per rule and severity, links docs and source, and lists the most severe findings first", () => {
    const findings = findingsOf([file("b/Dockerfile", "warning", "warning"), file("a|x", "style", "error")]);
    const text = summary(findings, 5, { docs, source: (f, l) => `https://src/${f}#L${l}` }, true);
    expect(text).toContain("## hull lint ❌");
    expect(text).toContain("4 findings in 2 of 5 Dockerfiles: 1 error, 2 warnings, 1 style.");
    expect(text).toContain("| [rule-error](https://docs/rule-error.md) | error | 1 |");
    expect(text).toContain("| rule-warning | warning | 2 |");
    const rows = text.split("\n").filter((l) => l.startsWith("| [a\\|x") || l.startsWith("| [b/"));
    expect(rows[0]).toBe(
      "| [a\\|x:2:1](https://src/a|x#L2) | [rule-error](https://docs/rule-error.md) (error) | error number 1 |",
    );
    expect(rows.map((r) => r.split(" | ")[1])).toEqual([
      "[rule-error](https://docs/rule-error.md) (error)",
      "rule-warning (warning)",
      "rule-warning (warning)",
      "rule-style (style)",
    ]);
  });

  it("lists at most 20 findings one by one", () => {
    const text = summary(findingsOf([file("Dockerfile", ...many(25, "info"))]), 1, { docs }, false);
    expect(text).toContain("### Top 20 findings");
    expect(text.split("\n").filter((l) => l.startsWith("| Dockerfile:"))).toHaveLength(20);
    expect(text).toContain("… and 5 more.");
  });
});
