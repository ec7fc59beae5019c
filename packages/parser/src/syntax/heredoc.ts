import { isSpace } from "../expand/chars.js";
import { parseWork } from "../work.js";
import { parseJsonArray, splitCommand, type Piece } from "./words.js";

/** A heredoc opener found on an instruction's joined line. */
export interface HeredocMarker extends Piece {
  name: string;
  fd: number | null;
  chomp: boolean;
  expand: boolean;
}

/** Where one heredoc's body and terminator lie in the source. */
export interface HeredocSpan {
  bodyStart: number;
  bodyEnd: number;
  /** -1 when the heredoc is unterminated. */
  termStart: number;
  termEnd: number;
}

/** The bodies read after an instruction line: the spans, in the order the openers appear, and where they end. */
export interface HeredocBodies {
  end: number;
  spans: HeredocSpan[];
}

const HEREDOC_KEYWORDS = new Set(["run", "copy", "add"]);

/** The answer for the lines that open no heredoc (nearly all of them), shared rather than made per line. */
const noMarkers: readonly HeredocMarker[] = Object.freeze([]);

/**
 * The heredoc openers of an instruction line, following BuildKit: only RUN, COPY and ADD (also as an ONBUILD
 * trigger) in shell form can have them; the line is split into shell words with quotes kept, and each word of
 * the form `[fd]<<[-]NAME` opens one. `errors` collects delimiters BuildKit rejects (an unbalanced quote).
 */
export function heredocMarkers(line: string, errors?: Piece[]): readonly HeredocMarker[] {
  if (!line.includes("<<")) return noMarkers;
  const split = splitCommand(line);
  const keyword = split.keyword;
  let rest = split.rest;
  if (!keyword) return noMarkers;
  let name = keyword.value.toLowerCase();
  if (name === "onbuild") {
    const inner = splitCommand(rest.value);
    if (!inner.keyword) return noMarkers;
    name = inner.keyword.value.toLowerCase();
    rest = { ...inner.rest, start: rest.start + inner.rest.start, end: rest.start + inner.rest.end };
  }
  if (!HEREDOC_KEYWORDS.has(name)) return noMarkers;
  if (rest.value.startsWith("[") && parseJsonArray(rest.value, 0).kind !== "invalid") return noMarkers;
  const markers: HeredocMarker[] = [];
  for (const word of shellWords(line)) {
    const m = /^(\d*)<<(-?)([^<]*)$/.exec(word.value);
    if (!m) continue;
    const restText = m[3]!.replace(/^[ \t]+/, "");
    if (restText === "") continue;
    const cooked = unquote(restText);
    if (cooked === null) {
      errors?.push(word);
      continue;
    }
    if (cooked.words !== 1) continue;
    // Written out rather than spread from `word`: a spread followed by more properties took the runtime's slow
    // path, most of what finding the markers of 10k heredocs cost.
    markers.push({
      value: word.value,
      start: word.start,
      end: word.end,
      name: cooked.value,
      fd: m[1] === "" ? null : Number(m[1]),
      chomp: m[2] === "-",
      expand: !cooked.quoted,
    });
  }
  return markers;
}

/** Reads the heredoc bodies that follow an instruction line ending at `from`; null when it opens none. */
export function findHeredocBodies(text: string, from: number, line: string): HeredocBodies | null {
  const markers = heredocMarkers(line);
  if (markers.length === 0) return null;
  const spans: HeredocSpan[] = [];
  let pos = from;
  for (const marker of markers) {
    const bodyStart = pos;
    let found = false;
    while (pos < text.length) {
      parseWork.steps++;
      const nl = text.indexOf("\n", pos);
      const lineEnd = nl < 0 ? text.length : nl + 1;
      let e = lineEnd;
      while (e > pos && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
      let s = pos;
      if (marker.chomp) while (s < e && text.charCodeAt(s) === 9) s++;
      if (e - s === marker.name.length && text.startsWith(marker.name, s)) {
        spans.push({ bodyStart, bodyEnd: pos, termStart: pos, termEnd: lineEnd });
        pos = lineEnd;
        found = true;
        break;
      }
      pos = lineEnd;
    }
    if (!found) spans.push({ bodyStart, bodyEnd: pos, termStart: -1, termEnd: -1 });
  }
  return { end: pos, spans };
}

/**
 * Splits a line into shell words the way BuildKit's lexer does with raw quotes and escapes: quotes group,
 * a backslash escapes, `${…}` stays whole, and `<<` followed by blanks joins the next word (BuildKit ≥ 0.22).
 */
export function shellWords(line: string): Piece[] {
  const words: Piece[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (isSpace(c)) {
        if (/^\d*<<-?$/.test(line.slice(start, i))) {
          while (i < n && isSpace(line.charCodeAt(i))) i++;
          continue;
        }
        break;
      }
      if (c === 39) {
        const close = line.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (c === 34) {
        i++;
        while (i < n && line.charCodeAt(i) !== 34) i += line.charCodeAt(i) === 92 ? 2 : 1;
        i = Math.min(n, i + 1);
      } else if (c === 92) {
        i = Math.min(n, i + 2);
      } else if (c === 36 && line.charCodeAt(i + 1) === 123) {
        let depth = 0;
        while (i < n) {
          const d = line.charCodeAt(i);
          if (d === 123) depth++;
          else if (d === 125 && --depth === 0) break;
          i++;
        }
        i = Math.min(n, i + 1);
      } else {
        i++;
      }
    }
    words.push({ value: line.slice(start, i), start, end: i });
  }
  return words;
}

/** Removes quotes and backslash escapes from a heredoc delimiter; null on an unbalanced quote. */
function unquote(text: string): { value: string; words: number; quoted: boolean } | null {
  let value = "";
  let words = 0;
  let inWord = false;
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      inWord = false;
      i++;
      continue;
    }
    if (!inWord) {
      inWord = true;
      words++;
    }
    if (c === 39 || c === 34) {
      const close = text.indexOf(text[i]!, i + 1);
      if (close < 0) return null;
      value += text.slice(i + 1, close).replace(c === 34 ? /\\(["\\$])/g : /$^/, "$1");
      quoted = true;
      i = close + 1;
    } else if (c === 92 && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  return { value, words, quoted };
}
