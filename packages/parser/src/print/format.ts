import { parse } from "../ast/build.js";
import type { Dockerfile, Instruction, Keyword, Range, SyntaxToken, TopLevelNode } from "../ast/nodes.js";
import { templateMarkup } from "../syntax/template.js";
import { dump } from "./dump.js";

/** How `format` lays a Dockerfile out. */
export interface FormatOptions {
  /** The indentation of continuation lines: a number of spaces, or the literal text (e.g. `"\t"`); default 4. */
  indent?: number | string;
  /** `upper` (the default) upper-cases instruction keywords; `keep` leaves them as written. */
  keywordCase?: "upper" | "keep";
  /** Leaves the indentation of continuation lines as written, for files aligned by hand. */
  keepIndentation?: boolean;
}

export interface FormatResult {
  output: string;
  changed: boolean;
  /**
   * True when the text is a template (Go template, Jinja, ERB, `%%NAME%%` placeholders), which is left as written:
   * its layout is the generator's, and moving its markup lines would change what it renders.
   */
  template?: true;
}

/** Runs of this many blank lines or more become one blank line. */
const collapseBlankLines = 3;

/**
 * Formats a Dockerfile without changing what BuildKit reads; never throws.
 * Each instruction is laid out as far as its BuildKit dump and heredocs stay the same, and the whole result is
 * checked the same way: a construct that cannot be formatted safely is left as written, and so is a template.
 */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  try {
    if (templateMarkup(text).length > 0) return { output: text, changed: false, template: true };
    const before = parse(text).ast;
    const output = layoutFile(before, text, options);
    if (output === text || fingerprint(parse(output).ast) !== fingerprint(before)) {
      return { output: text, changed: false };
    }
    return { output, changed: true };
  } catch {
    return { output: text, changed: false };
  }
}

const goString = String.raw`"(?:[^"\\]|\\.)*"`;
/** A dumped `FROM [flags] image as name` line, up to its `as`: BuildKit takes `as` as a keyword only with three arguments. */
const fromAs = new RegExp(
  String.raw`^\(from (\[(?:${goString} ?)*\] )?(${goString}) "[aA][sS]" (?=${goString}\)$)`,
  "gm",
);

/**
 * What BuildKit reads from a file: the escape character and directives, BuildKit's own AST dump (which
 * lower-cases keywords), every heredoc with its body and the text of every ONBUILD trigger.
 */
export function fingerprint(ast: Dockerfile): string {
  const heredocs: unknown[] = [];
  const triggers: string[] = [];
  const visit = (node: Instruction) => {
    for (const h of node.heredocs)
      heredocs.push([h.name, h.fd, h.chomp, h.expand, h.body, !h.terminatorRange]);
    if (node.type === "Onbuild") {
      // BuildKit keeps an ONBUILD trigger's text, case and blanks included, in the image config (`OnBuild`).
      triggers.push(node.logical.replace(/^\s*onbuild\s+/i, "").trim());
      if (node.trigger) visit(node.trigger);
    }
  };
  for (const node of ast.instructions) visit(node);
  // BuildKit reads FROM's `AS` in any case (strings.EqualFold), so its case is not part of what the build means.
  const dumped = dump(ast).replace(
    fromAs,
    (_m, flags: string | undefined, image: string) => `(from ${flags ?? ""}${image} "as" `,
  );
  return JSON.stringify([
    ast.escapeChar,
    ast.directives.map((d) => [d.name, d.value]),
    dumped,
    heredocs,
    triggers,
  ]);
}

function resolveIndent(indent: FormatOptions["indent"]): string {
  if (typeof indent === "number" && Number.isInteger(indent) && indent >= 0 && indent <= 16) {
    return " ".repeat(indent);
  }
  if (typeof indent === "string" && /^[ \t]*$/.test(indent)) return indent;
  return "    ";
}

/** The layout `format` checks before it returns it; exported for the tests, which check that it needs no fallback. */
export function formatUnchecked(text: string, options: FormatOptions = {}): string {
  return layoutFile(parse(text).ast, text, options);
}

function layoutFile(ast: Dockerfile, text: string, options: FormatOptions): string {
  const indent = resolveIndent(options.indent);
  const upper = options.keywordCase !== "keep";
  const reindent = options.keepIndentation !== true;
  // An instruction is checked on its own, in a file that has the same escape character.
  const prefix = ast.escapeChar === "`" ? "# escape=`\n" : "";
  let out = ast.bom ? "\ufeff" : "";
  const body = out.length;
  let atLineStart = true;
  const children = ast.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === "Whitespace") {
      // Consecutive whitespace nodes are one run of blank lines and indentation.
      let ws = node.text;
      while (children[i + 1]?.type === "Whitespace") ws += printed(children[++i]!);
      const next = children[i + 1];
      // Without the blanks before it, a U+FEFF that starts the next node would become a byte order mark.
      if (out.length === 0 && next !== undefined && printed(next).startsWith("\ufeff")) out += ws;
      else out += formatWhitespace(ws, atLineStart, next !== undefined);
      atLineStart = atLineStart || /\n/.test(ws);
    } else if (node.type === "Comment") {
      out += node.text.replace(/[ \t\r]+$/, "");
      atLineStart = false;
    } else if (node.type === "Directive") {
      out += node.text;
      atLineStart = false;
    } else {
      out += formatInstruction(node, { indent: reindent ? indent : null, upper, prefix });
      const last = node.tokens[node.tokens.length - 1];
      atLineStart = last !== undefined && (last.kind === "newline" || last.kind === "heredoc");
    }
  }
  const last = children[children.length - 1];
  const endsInHeredoc =
    last !== undefined &&
    last.type !== "Whitespace" &&
    "tokens" in last &&
    last.tokens.at(-1)?.kind === "heredoc";
  // A heredoc left open at the end of the file would take a new line break into its body.
  if (out.length > body && !out.endsWith("\n") && !endsInHeredoc) out += lineBreakOf(text);
  return out;
}

function printed(node: TopLevelNode): string {
  return node.type === "Whitespace" || node.type === "Comment" || node.type === "Directive"
    ? node.text
    : node.tokens.map((t) => t.text).join("");
}

/** The file's own line break, for the final newline. */
function lineBreakOf(text: string): string {
  const nl = text.indexOf("\n");
  return nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
}

/**
 * Whitespace between top-level nodes: whitespace-only lines become empty, indentation before an instruction or a
 * comment goes (BuildKit trims it), long runs of blank lines collapse, and blank lines at the end go.
 * The line breaks themselves are kept as written (CRLF stays CRLF).
 */
function formatWhitespace(ws: string, atLineStart: boolean, followed: boolean): string {
  const breaks = ws.match(/\r*\n/g) ?? [];
  const ending = atLineStart ? 0 : 1;
  if (!followed) return breaks.slice(0, ending).join("");
  const blank = breaks.length - ending;
  // At least one blank line stays where there was one: a blank line ends BuildKit's directive section.
  const keep = blank >= collapseBlankLines ? 1 : blank;
  return breaks.slice(0, ending + Math.max(0, keep)).join("");
}

interface InstructionContext {
  /** The continuation indentation, or null to keep it as written. */
  indent: string | null;
  upper: boolean;
  prefix: string;
}

/**
 * Lays out one instruction, trying the full layout first, then one that keeps the indentation of continuation
 * lines (BuildKit keeps it in shell-form commands and quoted values), and keeping the text as written when
 * neither reads the same to BuildKit.
 */
function formatInstruction(node: Instruction, ctx: InstructionContext): string {
  const original = node.tokens.map((t) => t.text).join("");
  // Whatever BuildKit makes of an unknown instruction, it is an error: leave it for the author to fix.
  if (node.type === "Unknown" || (node.type === "Onbuild" && node.trigger?.type === "Unknown"))
    return original;
  const attempts: (string | null)[] = [];
  if (ctx.indent !== null && !hasExecForm(node)) attempts.push(ctx.indent);
  attempts.push(null);
  let reference: string | undefined;
  for (const indent of attempts) {
    const candidate = layoutInstruction(node, indent, ctx.upper);
    if (candidate === original) return original;
    reference ??= fingerprint(parse(ctx.prefix + original).ast);
    if (fingerprint(parse(ctx.prefix + candidate).ast) === reference) return candidate;
  }
  return original;
}

/** JSON arrays are kept byte for byte, continuation lines included. */
function hasExecForm(node: Instruction): boolean {
  if ("form" in node && node.form === "exec") return true;
  return node.type === "Onbuild" && node.trigger !== null && hasExecForm(node.trigger);
}

/** One instruction's tokens, laid out; `indent` null keeps the indentation of continuation lines. */
function layoutInstruction(node: Instruction, indent: string | null, upper: boolean): string {
  // An ONBUILD trigger is not touched: BuildKit stores its text as written in the image config.
  const keywords: [CasedWord, boolean][] = [[node.keyword, upper]];
  if (node.type === "From" && node.asKeyword !== null) {
    // `AS` is cased with FROM (BuildKit's FromAsCasing). When it cannot be, because a continuation splits it,
    // FROM keeps its case too rather than end up cased unlike its `as`.
    const as = { name: "AS", range: node.asKeyword.range };
    if (withinOneTextToken(node.tokens, as.range)) keywords.push([as, upper]);
    else if (node.asKeyword.value !== "AS") keywords[0] = [node.keyword, false];
  }
  const tokens = node.tokens;
  let out = "";
  let atLineStart = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case "empty":
        // BuildKit drops whitespace-only lines inside a continuation (and warns about them).
        continue;
      case "comment": {
        const [line, br] = splitLineBreak(token.text);
        let text = line.replace(/[ \t\r]+$/, "");
        if (indent !== null) text = indent + text.replace(/^[ \t]+/, "");
        out += text + br;
        atLineStart = true;
        continue;
      }
      case "continuation": {
        // The blanks between the escape character and the line break mean nothing; blanks before it may.
        if (atLineStart && indent !== null) out += indent;
        out += token.text[0]! + token.text.slice(1).replace(/^[ \t]+/, "");
        atLineStart = true;
        continue;
      }
      case "text": {
        let text = keywordEdits(token, keywords);
        if (atLineStart && indent !== null) text = indent + text.replace(/^[ \t]+/, "");
        const next = tokens[i + 1];
        // BuildKit trims the joined line, so blanks at the end of the instruction's last line mean nothing.
        if (next === undefined || next.kind === "newline") text = text.replace(/[ \t\r]+$/, "");
        out += text;
        atLineStart = false;
        continue;
      }
      default:
        out += token.text;
    }
  }
  return out;
}

function splitLineBreak(line: string): [string, string] {
  const m = /\r*\n$/.exec(line);
  return m ? [line.slice(0, m.index), m[0]] : [line, ""];
}

/** A word the formatter may upper-case: an instruction's keyword, or FROM's `AS`. */
type CasedWord = Pick<Keyword, "name" | "range">;

function withinOneTextToken(tokens: readonly SyntaxToken[], range: Range): boolean {
  return tokens.some(
    (t) =>
      t.kind === "text" && t.offset <= range.start.offset && range.end.offset <= t.offset + t.text.length,
  );
}

/**
 * Upper-cases the keywords that lie wholly in this token and leaves one space between each and what follows it
 * on the same line. A keyword split by a continuation is left as written.
 */
function keywordEdits(token: SyntaxToken, keywords: [CasedWord, boolean][]): string {
  let text = token.text;
  const end = token.offset + text.length;
  // From the last keyword back, so that earlier offsets stay valid.
  for (const [keyword, upper] of [...keywords].reverse()) {
    const start = keyword.range.start.offset;
    const stop = keyword.range.end.offset;
    if (start < token.offset || stop > end || stop <= start) continue;
    const from = start - token.offset;
    const to = stop - token.offset;
    const written = text.slice(from, to);
    const cased = upper && written.toUpperCase() === keyword.name ? keyword.name : written;
    const rest = text.slice(to).replace(/^[ \t]+(?=[^ \t])/, " ");
    text = text.slice(0, from) + cased + rest;
  }
  return text;
}
