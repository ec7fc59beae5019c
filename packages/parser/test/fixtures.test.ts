import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { dump, parse, print, type Instruction, type Range } from "../src/index.js";

// Golden fixtures: each folder holds a Dockerfile and, beside it, `dump.txt` (BuildKit's AST dump format),
// `ast.txt` (our typed nodes with their ranges) and `errors.txt` (diagnostics). Set UPDATE_FIXTURES=1 to
// rewrite them, then review the diff: a golden file is only as good as the reading it got.
const root = join(import.meta.dirname, "fixtures");
const update = process.env.UPDATE_FIXTURES === "1";

function cases(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (existsSync(join(path, "Dockerfile"))) found.push(path);
    else found.push(...cases(path));
  }
  return found;
}

const at = (r: Range) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
const q = JSON.stringify;

function describeInstruction(node: Instruction, indent = ""): string[] {
  const lines = [
    `${indent}${node.type} ${at(node.range)} keyword=${q(node.keyword.text)}@${at(node.keyword.range)}`,
  ];
  const add = (text: string) => lines.push(`${indent}  ${text}`);
  for (const f of node.flags) {
    add(
      `flag ${q(f.name)}=${f.value === null ? "(bare)" : q(f.value)} @${at(f.range)} name@${at(f.nameRange)}${f.valueRange ? ` value@${at(f.valueRange)}` : ""}`,
    );
  }
  if ("form" in node) add(`form ${node.form}`);
  switch (node.type) {
    case "From":
      add(`image ${node.image ? `${q(node.image.value)}@${at(node.image.range)}` : "null"}`);
      if (node.stageName) add(`stage ${q(node.stageName.value)}@${at(node.stageName.range)}`);
      break;
    case "Copy":
    case "Add":
      add(`sources ${node.sources.map((s) => `${q(s.value)}@${at(s.range)}`).join(" ")}`);
      add(
        `destination ${node.destination ? `${q(node.destination.value)}@${at(node.destination.range)}` : "null"}`,
      );
      break;
    case "Env":
    case "Label":
      if (node.legacy) add("legacy");
      for (const p of node.pairs)
        add(`pair ${q(p.key.value)}@${at(p.key.range)} = ${q(p.value.value)}@${at(p.value.range)}`);
      break;
    case "Arg":
      for (const d of node.declarations) {
        add(
          `declare ${q(d.name.value)}@${at(d.name.range)}${d.defaultValue ? ` default ${q(d.defaultValue.value)}@${at(d.defaultValue.range)}` : ""}`,
        );
      }
      break;
    case "Run":
      for (const m of node.mounts) {
        const keys = Object.entries(m)
          .filter(([k, v]) => !["type", "options", "range"].includes(k) && v !== null)
          .map(([k, v]) => `${k}=${q(v)}`);
        add(`mount ${keys.join(" ")}`);
      }
      break;
    case "Healthcheck":
      add(
        `kind ${node.kind ? q(node.kind.value) : "null"} command ${node.command.map((c) => q(c.value)).join(" ")}`,
      );
      break;
    case "Onbuild":
      if (node.trigger) lines.push(...describeInstruction(node.trigger, `${indent}  `));
      break;
  }
  if (!("form" in node) || node.type === "Run") {
    if (node.type !== "Env" && node.type !== "Label" && node.type !== "Onbuild") {
      for (const a of node.args) add(`arg ${q(a.value)}@${at(a.range)}`);
    }
  } else {
    for (const a of node.args) add(`arg ${q(a.value)}@${at(a.range)}`);
  }
  if (node.onbuild === undefined) {
    for (const h of node.heredocs) {
      add(
        `heredoc ${q(h.name)} fd=${h.fd} chomp=${h.chomp} expand=${h.expand} marker@${at(h.markerRange)} body=${q(h.body)}@${at(h.bodyRange)} end@${h.terminatorRange ? at(h.terminatorRange) : "none"}`,
      );
    }
  }
  if (node.comments.length > 0) add(`comments ${node.comments.map((c) => q(c.value)).join(" ")}`);
  return lines;
}

function describeAst(text: string): { dump: string; ast: string; errors: string } {
  const { ast, diagnostics } = parse(text);
  const lines: string[] = [`escape ${q(ast.escapeChar)} bom=${ast.bom}`];
  for (const d of ast.directives)
    lines.push(`directive ${d.name}=${q(d.value)} @${at(d.range)} value@${at(d.valueRange)}`);
  for (const node of ast.instructions) lines.push(...describeInstruction(node));
  for (const s of ast.stages)
    lines.push(`stage ${s.index} ${q(s.name)} ${at(s.range)} instructions=${s.instructions.length}`);
  const errors = diagnostics.map((d) => `${at(d.range)} ${d.severity} ${d.code}: ${d.message}`);
  return {
    dump: dump(ast),
    ast: lines.join("\n") + "\n",
    errors: errors.join("\n") + (errors.length ? "\n" : ""),
  };
}

describe("golden fixtures", () => {
  for (const dir of cases(root)) {
    it(relative(root, dir), () => {
      const text = readFileSync(join(dir, "Dockerfile"), "utf8");
      const actual = describeAst(text);
      expect(print(parse(text).ast)).toBe(text);
      for (const [file, value] of Object.entries({
        "dump.txt": actual.dump,
        "ast.txt": actual.ast,
        "errors.txt": actual.errors,
      })) {
        const path = join(dir, file);
        if (update) writeFileSync(path, value);
        else
          expect(value, `${relative(root, path)} (UPDATE_FIXTURES=1 to rewrite, then review)`).toBe(
            readFileSync(path, "utf8"),
          );
      }
      if (!dir.includes("_error_")) {
        expect(
          actual.errors.split("\n").filter((l) => l.includes(" error ")),
          "a valid fixture has no errors",
        ).toEqual([]);
      }
    });
  }
});
