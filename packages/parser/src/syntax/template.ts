import { parse } from "../ast/build.js";
import { instructionTypes, type Dockerfile } from "../ast/nodes.js";

/**
 * One piece of template markup: `{{ … }}`, `{% … %}`, `{# … #}`, `<% … %>`, `%%NAME%%`, `::NAME::` or Maven's
 * `${a.b}`; offsets end exclusive.
 */
export interface TemplateSpan {
  start: number;
  end: number;
}

/**
 * A placeholder matched whole: `%%NAME%%`, which the Docker official images' `apply-templates.sh` scripts replace,
 * and Haxe's template markup, `::NAME::` and `::if COND::…::else::…::end::` (the Haxe Foundation's images). Haxe
 * names are read in capitals only, so that `APT::Get::Assume-Yes` and Perl's `IO::Socket::SSL` stay text.
 */
const haxeText = String.raw`::(?:[A-Z][A-Z0-9_]*|(?:if|elseif|else|end)(?:[ \t][^:\n]*)?)::`;
/**
 * Maven's resource filtering (`${docker.base.image}`, `${project.version}`), which fills in a project's properties
 * before Docker reads the file: a name with a dot, which neither BuildKit nor a shell can expand.
 */
const mavenText = String.raw`\$\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\}`;
const mavenPlaceholder = new RegExp(mavenText);
const placeholderText = String.raw`%%[A-Za-z_]\w*%%|${haxeText}|${mavenText}`;
const namePlaceholder = new RegExp(placeholderText);

/**
 * The opening of a markup piece, with the text that closes it. `${templateOption:name}` is the placeholder of
 * dev container templates, which BuildKit would reject as an unknown `${name:…}` modifier. `%%NAME%%` is the
 * placeholder the Docker official images' `apply-templates.sh` scripts replace; it is matched whole, since a
 * lone `%%` is the shell's `${var%%suffix}`.
 */
const markupPattern = new RegExp(
  String.raw`\{\{|\{%|\{#|<%(?=[\s=#-])|\$\{templateOption:|${placeholderText}`,
  "g",
);
const closers: Readonly<Record<string, string>> = {
  "{{": "}}",
  "{%": "%}",
  "{#": "#}",
  "<%": "%>",
  "${templateOption:": "}",
};

/** A line that opens with markup: a template's control line (`{{ if … }}`, `{% for … %}`, `<% end %>`). */
const markupLine = new RegExp(String.raw`^[ \t]*(?:\{\{|\{%|\{#|<%[\s=#-]|${placeholderText})`, "m");

/** An instruction that no Dockerfile writes a Go-template or Jinja argument into, but whose value is markup. */
const valueOf = String.raw`^[ \t]*(?:FROM|ENV|ARG|LABEL|COPY|ADD|EXPOSE|USER|WORKDIR|VOLUME|STOPSIGNAL|MAINTAINER)[ \t][^\n]*`;
const markupValue = new RegExp(
  String.raw`${valueOf}(?:\{\{|\{%|<%[\s=#-]|\$\{templateOption:|%%[A-Za-z_]\w*%%|${mavenText})`,
  "im",
);
/** The same for Haxe's markup, read in capitals only (the keywords too, in the Haxe Foundation's templates). */
const haxeValue = new RegExp(valueOf + haxeText, "m");

/**
 * The template markup of a file that is a template (Go templates, Jinja, ERB), or [] for a Dockerfile.
 * A file is a template when a line outside heredoc bodies opens with markup, or when the value of an instruction
 * that takes no scripts (FROM, ENV, COPY…) holds markup; `{{.Id}}` in a RUN's `docker --format` argument alone
 * does not make a template.
 */
export function templateMarkup(source: string): TemplateSpan[] {
  // Most files hold no opener at all: plain substring searches rule that out faster than the line patterns.
  if (
    !source.includes("{{") &&
    !source.includes("{%") &&
    !source.includes("{#") &&
    !source.includes("<%") &&
    !source.includes("${templateOption:") &&
    // A lone `%%` is the shell's suffix removal, in many RUNs.
    !((source.includes("%%") || source.includes("::")) && namePlaceholder.test(source)) &&
    !(source.includes("${") && mavenPlaceholder.test(source))
  )
    return [];
  if (!markupLine.test(source) && !markupValue.test(source) && !haxeValue.test(source)) return [];
  const spans = findSpans(source);
  return isTemplate(source, spans) ? spans : [];
}

function findSpans(source: string): TemplateSpan[] {
  const spans: TemplateSpan[] = [];
  markupPattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = markupPattern.exec(source))) {
    const closer = closers[match[0]];
    // A placeholder is matched whole; an unclosed opener is markup up to the end of its line.
    const close = closer === undefined ? -1 : source.indexOf(closer, match.index + 2);
    const lineEnd = source.indexOf("\n", match.index);
    const end =
      closer === undefined
        ? match.index + match[0].length
        : close >= 0
          ? close + closer.length
          : lineEnd < 0
            ? source.length
            : lineEnd;
    spans.push({ start: match.index, end });
    markupPattern.lastIndex = end;
  }
  return spans;
}

/** True when some markup stands where a Dockerfile has syntax: at a line start outside heredocs, or in a value. */
function isTemplate(source: string, spans: readonly TemplateSpan[]): boolean {
  const bodies = heredocBodies(source);
  for (const value of [new RegExp(markupValue.source, "gim"), new RegExp(haxeValue.source, "gm")]) {
    let m: RegExpExecArray | null;
    while ((m = value.exec(source))) if (!inside(bodies, m.index)) return true;
  }
  for (const span of spans) {
    const lineStart = source.lastIndexOf("\n", span.start - 1) + 1;
    if (source.slice(lineStart, span.start).trim() !== "") continue;
    if (!inside(bodies, span.start)) return true;
  }
  return false;
}

/**
 * The first markup that is not on a comment line (`# LinuxGSM {{ gamename }} Dockerfile`, a line whose first
 * non-blank character is `#`), where a Dockerfile has syntax; the first markup when all of it is in comments.
 */
export function firstMarkupOutsideComments(
  source: string,
  spans: readonly TemplateSpan[],
): TemplateSpan | undefined {
  for (const span of spans) {
    const lineStart = source.lastIndexOf("\n", span.start - 1) + 1;
    if (!source.slice(lineStart, span.start).trimStart().startsWith("#")) return span;
  }
  return spans[0];
}

/**
 * True when some markup fills its lines: a control line (`{{ if … }}`, `<% end %>`) or an include, whose branches
 * and partials may add, drop or repeat instructions, so no rule can tell which names the rendered file defines.
 */
export function hasControlLines(source: string, spans: readonly TemplateSpan[]): boolean {
  return spans.some((span) => {
    const lineStart = source.lastIndexOf("\n", span.start - 1) + 1;
    const lineEnd = source.indexOf("\n", span.end);
    const after = source.slice(span.end, lineEnd < 0 ? source.length : lineEnd);
    return source.slice(lineStart, span.start).trim() === "" && after.trim() === "";
  });
}

function heredocBodies(source: string, ast?: Dockerfile): TemplateSpan[] {
  if (!source.includes("<<")) return [];
  return (ast ?? parse(source).ast).instructions.flatMap((i) =>
    [...i.heredocs, ...(i.type === "Onbuild" && i.trigger ? i.trigger.heredocs : [])].map((h) => ({
      start: h.bodyRange.start.offset,
      end: h.bodyRange.end.offset,
    })),
  );
}

function inside(spans: readonly TemplateSpan[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/**
 * The source with its markup made opaque, offsets and line breaks unchanged: a markup piece that fills its lines
 * becomes comment lines (`#`), one inside a line becomes a variable reference `${___}`, which rules treat as a
 * value they cannot know.
 */
export function maskTemplate(source: string, spans: readonly TemplateSpan[]): string {
  if (spans.length === 0) return source;
  let out = "";
  let pos = 0;
  let layout: { escapeChar: string; bodies: TemplateSpan[] } | undefined;
  for (const span of spans) {
    out += source.slice(pos, span.start);
    const lineStart = source.lastIndexOf("\n", span.start - 1) + 1;
    let lineEnd = source.indexOf("\n", span.end);
    if (lineEnd < 0) lineEnd = source.length;
    const before = source.slice(lineStart, span.start);
    const after = source.slice(span.end, lineEnd);
    const text = source.slice(span.start, span.end);
    // A line of control markup (`{{ if … }}`, `{% for %}`) disappears when rendered; a line of output markup
    // (`{{ clean_apt }}`) becomes text, so it stays a value in its place.
    const wholeLines = before.trim() === "" && after.trim() === "" && isControl(text);
    // Output markup that ends a line of an instruction, above a line that no instruction can start, renders to
    // lines ending in a continuation: nginx's `nginxPackages="%%PACKAGES%%` above `    " \`. Its mask ends in one
    // too, so that the instruction goes on as it will once rendered. A comment line continues nothing (and looking
    // below each of many would read the lines below them again and again).
    if (
      !wholeLines &&
      before.trim() !== "" &&
      !before.trimStart().startsWith("#") &&
      after.trim() === "" &&
      !text.includes("\n") &&
      text.length > 1
    ) {
      if (nextLineContinues(source, lineEnd)) {
        layout ??= layoutOf(source);
        // Not in a heredoc's body, nor on the line that opens one: the body starts below it.
        if (!inside(layout.bodies, span.start) && !layout.bodies.some((b) => b.start === lineEnd + 1)) {
          out += placeholder(text.length - 1) + layout.escapeChar;
          pos = span.end;
          continue;
        }
      }
    }
    out += text
      .split("\n")
      .map((segment, i) => {
        const piece = segment.replace(/\r$/, "");
        const cr = segment.length - piece.length;
        if (piece.trim() === "") return segment;
        if (wholeLines) {
          // The first piece follows the line's indentation; later lines of the markup start at column 1.
          const lead = i === 0 ? "" : (/^[ \t]*/.exec(piece)?.[0] ?? "");
          return lead + "#" + " ".repeat(piece.length - lead.length - 1) + "\r".repeat(cr);
        }
        return placeholder(piece.length) + "\r".repeat(cr);
      })
      .join("\n");
    pos = span.end;
  }
  return out + source.slice(pos);
}

/** True when the first line below `lineEnd` that is neither blank nor a comment cannot start an instruction. */
function nextLineContinues(source: string, lineEnd: number): boolean {
  let start = lineEnd + 1;
  while (start > 0 && start < source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end).trim();
    if (line !== "" && !line.startsWith("#")) {
      if (markupLine.test(line)) return false;
      const word = /^[A-Za-z]+/.exec(line)?.[0].toUpperCase();
      return word === undefined || !Object.hasOwn(instructionTypes, word);
    }
    start = end + 1;
  }
  return false;
}

/** The file's escape character and heredoc bodies, read from a parse of the unmasked text. */
function layoutOf(source: string): { escapeChar: string; bodies: TemplateSpan[] } {
  const { ast } = parse(source);
  return { escapeChar: ast.escapeChar, bodies: heredocBodies(source, ast) };
}

const controlWords =
  /^(?:if|else|end|range|with|define|block|template|break|continue|def|for|elif|endif|endfor|set|include|import|macro|call|filter|raw|\/\*)\b/;

/** True for markup that renders to nothing by itself: a statement, a comment, or a jq-template bracket. */
function isControl(text: string): boolean {
  if (text.startsWith("%%")) return false;
  if (text.startsWith("::")) return /^::(?:if|elseif|else|end)\b/.test(text);
  if (text.startsWith("{%") || text.startsWith("{#")) return true;
  if (text.startsWith("<%")) return !/^<%[=-]/.test(text);
  const inner = text
    .slice(2, text.endsWith("}}") ? -2 : undefined)
    .replace(/^-/, "")
    .replace(/-$/, "")
    .trim();
  return text.endsWith("-}}") || controlWords.test(inner) || inner.startsWith(")") || inner.endsWith("(");
}

function placeholder(length: number): string {
  return length >= 4 ? `\${${"_".repeat(length - 3)}}` : "_".repeat(length);
}
