import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "../config.js";
import { createDocument } from "../documents.js";
import { computeSymbols, type SymbolData } from "./symbols.js";

/** The outline as indented lines: `name [detail] (kind) line`. */
function check(text: string): string[] {
  const out: string[] = [];
  const visit = (s: SymbolData, depth: number) => {
    const detail = s.detail ? ` [${s.detail}]` : "";
    out.push(`${"  ".repeat(depth)}${s.name}${detail} (${s.kind}) ${s.range.start.line}-${s.range.end.line}`);
    for (const c of s.children ?? []) visit(c, depth + 1);
  };
  for (const s of computeSymbols(createDocument("untitled:Dockerfile", 1, text), defaultFeatureConfig()))
    visit(s, 0);
  return out;
}

describe("computeSymbols", () => {
  it("lists the preamble, then each stage with its instructions", () => {
    expect(
      check(`ARG V=22
FROM node:$V AS build
RUN npm ci && \\
    npm run build
FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
ENV A=1
`),
    ).toEqual([
      "ARG V=22 (variable) 0-0",
      "build [node:$V] (stage) 1-3",
      "  FROM node:$V AS build (instruction) 1-1",
      "  RUN npm ci && npm run build (instruction) 2-3",
      "stage 1 [nginx:1.27] (stage) 4-6",
      "  FROM nginx:1.27 (instruction) 4-4",
      "  COPY --from=build /app/dist /usr/share/nginx/html (instruction) 5-5",
      "  ENV A=1 (variable) 6-6",
    ]);
  });

  it("shortens long instructions and names bare keywords", () => {
    expect(check(`FROM a\nRUN ${"x".repeat(100)}\nHEALTHCHECK\n`)).toEqual([
      "stage 0 [a] (stage) 0-2",
      "  FROM a (instruction) 0-0",
      `  RUN ${"x".repeat(59)}… (instruction) 1-1`,
      "  HEALTHCHECK (instruction) 2-2",
    ]);
  });

  it("keeps selection ranges inside ranges", () => {
    const text = "FROM a AS b\nRUN <<EOF\nx\nEOF\n";
    const symbols = computeSymbols(createDocument("untitled:x", 1, text), defaultFeatureConfig());
    const inside = (s: SymbolData): boolean =>
      s.selectionRange.start.line >= s.range.start.line &&
      s.selectionRange.end.line <= s.range.end.line &&
      (s.children ?? []).every(inside);
    expect(symbols.every(inside)).toBe(true);
    expect(symbols[0]!.selectionRange).toEqual({
      start: { line: 0, character: 10 },
      end: { line: 0, character: 11 },
    });
  });

  it("gives nothing for an empty file", () => {
    expect(check("")).toEqual([]);
  });
});
