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
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else if (!isPrintable(c))
      out += c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    else out += ch;
  }
  return out + '"';
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

function isPrintable(c: number): boolean {
  return !NON_PRINTABLE.test(String.fromCodePoint(c));
}
