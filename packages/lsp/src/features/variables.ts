import type { Document } from "../documents.js";

/** A `$NAME` or `${NAME…}` in the text, by offsets: from its `$` to the end of its name, and where the name starts. */
export interface VariableReference {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  /** Written after an escape character (`\$NAME`): literal text, not a reference. */
  readonly escaped: boolean;
}

const variablePattern = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The variable references written on one line of a document, in order; none on a comment line. */
export function lineVariables(document: Document, line: number): VariableReference[] {
  const text = document.lines.lineText(line);
  if (/^\s*#/.test(text)) return [];
  const escape = document.parsed.ast.escapeChar;
  const lineStart = document.lines.lineStart(line);
  const found: VariableReference[] = [];
  for (const match of text.matchAll(variablePattern)) {
    const name = match[1] ?? match[2]!;
    let escapes = 0;
    for (let i = match.index - 1; i >= 0 && text[i] === escape; i--) escapes++;
    const start = lineStart + match.index;
    const end = start + match[0].length;
    found.push({ name, start, end, nameStart: end - name.length, escaped: escapes % 2 === 1 });
  }
  return found;
}

/** The `$NAME` or `${NAME…}` reference in an instruction under an offset (its `$` to the end of its name), or null. */
export function variableAt(document: Document, offset: number): VariableReference | null {
  const { ast } = document.parsed;
  if (!ast.instructions.some((i) => i.range.start.offset <= offset && offset <= i.range.end.offset))
    return null;
  for (const reference of lineVariables(document, document.lines.positionAt(offset).line)) {
    if (offset < reference.start || offset > reference.end) continue;
    return reference.escaped ? null : reference;
  }
  return null;
}
