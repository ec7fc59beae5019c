// Syntax highlighting from hull's own parse: every class comes from a typed AST field, so the colours show what
// BuildKit reads (a word the parser takes as a flag is coloured as a flag, a heredoc body as a heredoc).
import type { Dockerfile, Instruction, Range, Word } from "@hull/parser";

/** A highlighted span: [from, to, class name] in UTF-16 offsets. */
export type Highlight = [number, number, string];

const variable = /\$\{[^}\n]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

/** The spans to colour, sorted by start and never overlapping. */
export function highlightRanges(ast: Dockerfile, text: string): Highlight[] {
  const out: Highlight[] = [];
  const add = (range: Range | null | undefined, cls: string) => {
    if (range && range.end.offset > range.start.offset) out.push([range.start.offset, range.end.offset, cls]);
  };
  const words = (list: readonly (Word | null)[], cls: string) => {
    for (const w of list) {
      if (!w) continue;
      add(w.range, cls);
      // Matched in the source, not the value: JSON words are decoded and continuations joined in values.
      for (const m of text.slice(w.range.start.offset, w.range.end.offset).matchAll(variable)) {
        const start = w.range.start.offset + m.index;
        out.push([start, start + m[0].length, "hl-var"]);
      }
    }
  };
  for (const d of ast.directives) {
    add(d.range, "hl-comment");
    add(d.nameRange, "hl-directive");
    add(d.valueRange, "hl-string");
  }
  for (const c of ast.comments) add(c.range, "hl-comment");
  const instruction = (i: Instruction) => {
    add(i.keyword.range, i.type === "Unknown" ? "hl-invalid" : "hl-keyword");
    for (const c of i.comments) add(c.range, "hl-comment");
    for (const f of i.flags) {
      add(f.nameRange, "hl-flag");
      add(f.valueRange, "hl-string");
    }
    for (const h of i.heredocs) {
      add(h.markerRange, "hl-heredoc");
      add(h.bodyRange, "hl-heredoc-body");
      add(h.terminatorRange, "hl-heredoc");
    }
    switch (i.type) {
      case "From":
        words([i.image], "hl-image");
        words([i.asKeyword], "hl-keyword");
        words([i.stageName], "hl-stage");
        break;
      case "Env":
      case "Label":
        for (const p of i.pairs) {
          add(p.key.range, "hl-key");
          words([p.value], "hl-string");
        }
        break;
      case "Arg":
        for (const d of i.declarations) {
          add(d.name.range, "hl-key");
          words([d.defaultValue], "hl-string");
        }
        break;
      case "Onbuild":
        if (i.trigger) instruction(i.trigger);
        break;
      default:
        words(i.args, "hl-arg");
    }
    // Comment lines inside a continuation are dropped by BuildKit: show them as comments.
    for (const t of i.tokens) {
      if (t.kind !== "comment") continue;
      const lead = t.text.length - t.text.trimStart().length;
      out.push([t.offset + lead, t.offset + t.text.trimEnd().length, "hl-comment"]);
    }
  };
  for (const i of ast.instructions) instruction(i);
  // Inner spans (a variable inside a word) come after outer ones at the same start; sort and drop overlaps
  // by splitting: the decoration set needs sorted, non-overlapping marks.
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return flatten(out);
}

/** Turns nested spans into a flat, sorted list where the innermost class wins. */
function flatten(spans: Highlight[]): Highlight[] {
  const result: Highlight[] = [];
  const stack: Highlight[] = [];
  let pos = 0;
  const emitUntil = (end: number) => {
    while (stack.length > 0 && pos < end) {
      const top = stack[stack.length - 1]!;
      const stop = Math.min(top[1], end);
      if (stop > pos) result.push([pos, stop, top[2]]);
      pos = Math.max(pos, stop);
      if (top[1] <= pos) stack.pop();
    }
    pos = Math.max(pos, end);
  };
  for (const span of spans) {
    emitUntil(span[0]);
    if (span[1] <= pos) continue;
    stack.push([Math.max(span[0], pos), span[1], span[2]]);
  }
  emitUntil(Infinity);
  return result;
}
