import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, type Dockerfile, type Instruction, type Word } from "../src/index.js";

// Nodes make their ranges, keyword, tokens, joined line, argument lists, words' values and comments' and blanks'
// texts when first read. What they give must not depend
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
    if (node.type === "Env" || node.type === "Label") for (const p of node.pairs) words.push(p.value, p.key);
    if (node.type === "Arg") {
      for (const d of node.declarations) words.push(...(d.defaultValue ? [d.defaultValue] : []), d.name);
    }
    for (const word of words.reverse()) void [word.range, word.value];
    for (const flag of [...node.flags].reverse()) void [flag.valueRange, flag.nameRange, flag.range];
    for (const h of [...node.heredocs].reverse())
      void [h.terminatorRange, h.bodyRange, h.body, h.markerRange];
    void [node.logical, node.tokens, node.keyword.range, node.comments, node.range];
    if (node.type === "Onbuild" && node.trigger) readBackwards([node.trigger]);
  }
}

/** Reads the file's top-level nodes last first, then the file's range. */
function readFileBackwards(ast: Dockerfile): void {
  for (const child of [...ast.children].reverse()) {
    if (child.type === "Comment") void [child.value, child.range, child.text];
    else if (child.type === "Whitespace") void [child.range, child.text];
  }
  readBackwards(ast.instructions);
  void ast.range;
}

describe("node classes", () => {
  const texts = fixtureTexts(root);

  it("give the same JSON whatever was read first, on every fixture", () => {
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) {
      const untouched = json(parse(text).ast);
      const { ast } = parse(text);
      readFileBackwards(ast);
      expect(json(ast)).toBe(untouched);
    }
  });

  it("keep their lists and tokens, and make ranges and keywords afresh on each read, equal each time", () => {
    const { ast } = parse("# c\nFROM a AS b\nCOPY --from=b x y /z\nRUN echo \\\n  hi\nONBUILD RUN x\n");
    const afresh = <T>(read: () => T) => {
      const first = read();
      expect(read()).not.toBe(first);
      expect(JSON.stringify(read())).toBe(JSON.stringify(first));
    };
    afresh(() => ast.range);
    for (const node of ast.instructions) {
      afresh(() => node.range);
      afresh(() => node.keyword);
      expect(node.tokens).toBe(node.tokens);
      expect(node.args).toBe(node.args);
      expect(node.flags).toBe(node.flags);
      expect(node.comments).toBe(node.comments);
      for (const word of node.args) afresh(() => word.range);
    }
    expect(ast.comments[0]!.text).toBe("# c");
    expect(ast.comments[0]!.value).toBe("c");
    expect(ast.instructions[0]!.comments).toEqual([ast.comments[0]]);
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

  it("make a word's value, a comment's text and a joined line from the source, or keep them when they differ", () => {
    const text = 'FROM a\nENV A="x y" B=z\n#  note \nRUN ["sh", "-c"]\nRUN echo \\\n  hi\nONBUILD RUN  x\n';
    const { ast } = parse(text);
    const [, env, run, joined, onbuild] = ast.instructions;
    expect(env?.type === "Env" && env.pairs.map((p) => [p.key.value, p.value.value])).toEqual([
      ["A", '"x y"'],
      ["B", "z"],
    ]);
    expect(run?.args.map((w) => w.value)).toEqual(["sh", "-c"]);
    expect(run?.comments.map((c) => [c.text, c.value])).toEqual([["#  note ", "note"]]);
    expect(joined?.logical).toBe("RUN echo   hi");
    expect(joined?.args.map((w) => w.value)).toEqual(["echo   hi"]);
    expect(onbuild?.logical).toBe("ONBUILD RUN  x");
    expect(onbuild?.type === "Onbuild" && onbuild.trigger?.logical).toBe("RUN  x");
    expect(onbuild?.type === "Onbuild" && onbuild.trigger?.keyword.text).toBe("RUN");
    for (const node of ast.instructions) expect(node.logical).toBe(node.logical);
  });

  it("make a heredoc's ranges on each read and its body when first read, then keep it", () => {
    const { ast } = parse("FROM a\nRUN <<EOF cat <<-X\nhi\nEOF\n\tthere\n");
    const [done, open] = ast.instructions[1]!.heredocs;
    expect(done?.body).toBe("hi\n");
    expect(done?.body).toBe(done?.body);
    expect(done?.markerRange).not.toBe(done?.markerRange);
    expect(done?.markerRange).toEqual(done?.markerRange);
    expect(done?.terminatorRange).toEqual(done?.terminatorRange);
    expect(done?.terminatorRange?.start.line).toBe(4);
    expect(open?.terminatorRange).toBeNull();
    expect(open?.markerRange.start.offset).toBe(21);
  });

  it("read a split keyword as written", () => {
    const { ast } = parse("FROM a\nRU\\\nN echo hi\n");
    const run = ast.instructions[1]!;
    expect(run.keyword.text).toBe("RUN");
    expect(run.keyword.range.end.offset).toBe(12);
  });
});
