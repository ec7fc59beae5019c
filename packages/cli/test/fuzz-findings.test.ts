import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyFixes, lint } from "@hull/linter";
import { format, parse, print } from "@hull/parser";
import { plan } from "@hull/planner";

// The inputs `pnpm fuzz` found (scripts/fuzz.ts), kept to the invariants the fuzzer checks.
const root = fileURLToPath(new URL("../../../fuzz-findings", import.meta.url));
const findings = existsSync(root)
  ? readdirSync(root, { withFileTypes: true })
      // `open/` holds findings not fixed yet (in code other engineers own); they are listed in its README.
      .filter((e) => e.isDirectory() && e.name !== "open")
      .map((e) => [e.name, readFileSync(join(root, e.name, "Dockerfile"), "utf8")] as const)
  : [];

const cacheKeys = (text: string) => plan(parse(text).ast).nodes.map((n) => n.cacheKey);

describe("fuzz findings", () => {
  it("exist", () => {
    expect(findings.length).toBeGreaterThan(0);
  });

  it.each(findings)("%s keeps every invariant", (_name, text) => {
    expect(print(parse(text).ast)).toBe(text);
    const diagnostics = lint(text, { preset: "all" }).diagnostics;
    expect(diagnostics.filter((d) => d.messageId === "internalError")).toEqual([]);
    const formatted = format(text).output;
    expect(format(formatted).output).toBe(formatted);
    expect(cacheKeys(formatted)).toEqual(cacheKeys(text));
    const fixed = applyFixes(text, diagnostics).output;
    expect(lint(fixed, { preset: "all" }).diagnostics.filter((d) => d.messageId === "internalError")).toEqual(
      [],
    );
  });
});
