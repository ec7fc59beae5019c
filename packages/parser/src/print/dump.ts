import type { Dockerfile, Instruction } from "../ast/nodes.js";

/**
 * BuildKit's own AST dump (`Node.Dump()`): one line per instruction, keyword lower-cased, flags as a Go-quoted
 * list, arguments as Go-quoted strings, ENV and LABEL as key/value/separator triples, ONBUILD nested.
 */
export function dump(ast: Dockerfile): string {
  let out = "";
  for (const instruction of ast.instructions) out += `(${dumpInstruction(instruction)})\n`;
  return out;
}

function dumpInstruction(node: Instruction): string {
  let out = node.keyword.text.toLowerCase();
  if (node.flags.length > 0) out += ` [${node.flags.map((f) => goQuote(f.text)).join(" ")}]`;
  if (node.type === "Onbuild") {
    if (node.trigger) out += ` (${dumpInstruction(node.trigger)})`;
    return out;
  }
  if (node.type === "Env" || node.type === "Label") {
    for (const pair of node.pairs) {
      out += ` ${goQuote(pair.key.value)} ${goQuote(pair.value.value)} ${goQuote(pair.separator)}`;
    }
    return out;
  }
  // BuildKit keeps an unknown instruction with one empty argument node.
  if (node.type === "Unknown") return `${out} ""`;
  for (const arg of node.args) out += ` ${goQuote(arg.value)}`;
  return out;
}

/** Quotes a string as Go's strconv.Quote does (printable Unicode stays literal). */
export function goQuote(text: string): string {
  // Printable ASCII other than `"` and `\` stays as it is: only the other characters are looked at, so a long
  // argument is copied in runs instead of one character at a time.
  return `"${text.replace(NEEDS_QUOTING, quoteChar)}"`;
}

/** A character that Go's quoting may change: `"`, `\`, and any code point outside printable ASCII. */
const NEEDS_QUOTING = /["\\]|[^\x20-\x7e]/gu;

function quoteChar(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"';
    case "\\":
      return "\\\\";
    case "\x07":
      return "\\a";
    case "\b":
      return "\\b";
    case "\f":
      return "\\f";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case "\v":
      return "\\v";
  }
  const c = ch.codePointAt(0)!;
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, "0")}`;
  if (c >= 0xd800 && c <= 0xdfff) return "\\ufffd";
  if (isPrintable(c)) return ch;
  return c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

function isPrintable(c: number): boolean {
  return !NON_PRINTABLE.test(String.fromCodePoint(c));
}
