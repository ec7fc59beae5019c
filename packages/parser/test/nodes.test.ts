import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, type Instruction, type Word } from "../src/index.js";

// Nodes make their ranges, keyword, tokens and argument lists when first read. What they give must not depend
// on what was read before, nor in which order, and JSON must show every field as a plain object would.

const root = join(import.meta.dirname, "fixtures");

function fixtureTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureTexts(path));
    else if (name === "Dockerfile") out.push(readFileSync(path, "utf8"));
  }
  return out;
}

const json = (value: unknown) => JSON.stringify(value, (k, v: unknown) => (k === "onbuild" ? undefined : v));

/** Reads every lazily made field of every instruction and its words, last instruction first. */
function readBackwards(instructions: readonly Instruction[]): void {
  for (const node of [...instructions].reverse()) {
    const words: Word[] = [...node.args];
    if (node.type === "Copy" || node.type === "Add") words.push(...node.sources);
    for (const word of words.reverse()) void word.range;
    for (const flag of node.flags) void [flag.valueRange, flag.nameRange, flag.range];
    void [node.tokens, node.keyword.range, node.range];
    if (node.type === "Onbuild" && node.trigger) readBackwards([node.trigger]);
  }
}

describe("node classes", () => {
  const texts = fixtureTexts(root);

  it("give the same JSON whatever was read first, on every fixture", () => {
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      const untouched = json(parse(text).ast);
      const { ast } = parse(text);
      readBackwards(ast.instructions);
      expect(json(ast)).toBe(untouched);
    }
  });

  it("keep what they made: the same range, keyword, tokens and lists on every read", () => {
    const { ast } = parse("FROM a AS b\nCOPY --from=b x y /z\nRUN echo \\\n  hi\nONBUILD RUN x\n");
    for (const node of ast.instructions) {
      expect(node.range).toBe(node.range);
      expect(node.keyword).toBe(node.keyword);
      expect(node.tokens).toBe(node.tokens);
      expect(node.args).toBe(node.args);
      for (const word of node.args) expect(word.range).toBe(word.range);
    }
    const copy = ast.instructions[1]!;
    expect(copy.type === "Copy" && copy.sources).toBe(copy.type === "Copy" && copy.sources);
  });

  it("write the plain object's keys in their documented order", () => {
    const { ast } = parse("COPY --chown=1 a b\n");
    const copy = JSON.parse(json(ast.instructions[0])) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual([
      "type",
      "range",
      "keyword",
      "flags",
      "args",
      "heredocs",
      "comments",
      "tokens",
      "logical",
      "form",
      "sources",
      "destination",
    ]);
    expect(copy.keyword).toEqual({
      type: "Keyword",
      text: "COPY",
      name: "COPY",
      range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 4, line: 1, column: 5 } },
    });
    const flag = (copy.flags as Record<string, unknown>[])[0]!;
    expect(Object.keys(flag)).toEqual(["type", "name", "value", "text", "range", "nameRange", "valueRange"]);
    expect(flag.valueRange).toEqual({
      start: { offset: 13, line: 1, column: 14 },
      end: { offset: 14, line: 1, column: 15 },
    });
    expect(copy.tokens).toEqual([
      { kind: "text", text: "COPY --chown=1 a b", offset: 0 },
      { kind: "newline", text: "\n", offset: 18 },
    ]);
  });

  it("give a trigger no tokens of its own, and its ONBUILD's heredocs", () => {
    const { ast } = parse("FROM a\nONBUILD RUN <<EOF\nx\nEOF\n");
    const onbuild = ast.instructions[1]!;
    expect(onbuild.type).toBe("Onbuild");
    if (onbuild.type !== "Onbuild") return;
    expect(onbuild.tokens.map((t) => t.kind)).toEqual(["text", "newline", "heredoc"]);
    expect(onbuild.trigger?.tokens).toEqual([]);
    expect(onbuild.trigger?.heredocs).toBe(onbuild.heredocs);
    expect(onbuild.trigger?.keyword.range.start.offset).toBe(15);
  });
});
