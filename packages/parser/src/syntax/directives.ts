import { isSpace } from "../expand/chars.js";

/** A parser directive line found in the leading block. */
export interface DirectiveLine {
  name: string;
  value: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  /** Why BuildKit rejects it, if it does. */
  error: { code: string; message: string } | null;
}

const KNOWN = new Set(["syntax", "escape", "check"]);
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;

/**
 * Reads the parser directives at the top of a file, as BuildKit does: scanning stops for good at the first line
 * that is not a known `# key=value` directive (a blank line, another comment, an instruction).
 */
export function scanDirectives(text: string, from: number): { lines: DirectiveLine[]; escape: "\\" | "`" } {
  const lines: DirectiveLine[] = [];
  const seen = new Set<string>();
  let escape: "\\" | "`" = "\\";
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl < 0 ? text.length : nl;
    let s = pos;
    while (s < lineEnd && isSpace(text.charCodeAt(s))) s++;
    let e = lineEnd;
    while (e > s && text.charCodeAt(e - 1) === 13) e--;
    const m = DIRECTIVE.exec(text.slice(s, e));
    if (!m) break;
    const name = m[1]!.toLowerCase();
    if (!KNOWN.has(name)) break;
    const value = m[2]!;
    const nameStart = s + text.slice(s, e).indexOf(m[1]!);
    const valueStart = s + text.slice(s, e).replace(/[\t\n\f\r ]+$/, "").length - value.length;
    let error: DirectiveLine["error"] = null;
    if (seen.has(name)) {
      error = { code: "duplicate-directive", message: `Only one '${name}' parser directive can be used.` };
    } else if (name === "escape" && value !== "\\" && value !== "`") {
      error = {
        code: "invalid-escape",
        message: `Invalid escape character '${value}': it must be \` or \\.`,
      };
    } else if (name === "escape") {
      escape = value as "\\" | "`";
    }
    seen.add(name);
    lines.push({
      name,
      value,
      start: s,
      end: e,
      nameStart,
      nameEnd: nameStart + m[1]!.length,
      valueStart,
      valueEnd: valueStart + value.length,
      error,
    });
    if (nl < 0) break;
    pos = nl + 1;
  }
  return { lines, escape };
}

/** Docker's own Dockerfile frontend images, on Docker Hub under any of its names, with any tag or digest. */
const STOCK_FRONTEND =
  /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?docker\/dockerfile(?:-upstream)?(?:[:@]|$)/;

/**
 * The frontend image that a `# syntax=` value names when it is not Docker's own Dockerfile frontend
 * (`devthefuture/dockerfile-x`), or null. BuildKit runs that image in place of its Dockerfile frontend, so the
 * file may use instructions of that image's own grammar. As BuildKit does, only the value's first word is the image.
 */
export function customFrontend(syntax: string): string | null {
  const image = syntax.trim().split(/[\t ]/, 1)[0]!;
  return image === "" || STOCK_FRONTEND.test(image.toLowerCase()) ? null : image;
}
