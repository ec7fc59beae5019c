import { fileURLToPath } from "node:url";
import { parse, semanticModel, type SemanticModel, type ParseResult } from "@hull/parser";
import { LineIndex } from "./text.js";
import type { LspPosition, LspRange } from "./types.js";

/** One version of an open document; immutable, so every cache keyed by it is valid for exactly that version. */
export interface Document {
  readonly uri: string;
  /** The file system path for `file:` URIs; null for untitled and other schemes. */
  readonly path: string | null;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** The parse of `text`, computed on first use and kept for this version. */
  readonly parsed: ParseResult;
  /**
   * The semantic model of `parsed`, made on first use and kept for this version: lint fills it and hover and
   * completion read it, so a version linted then hovered builds one model.
   */
  readonly semantic: SemanticModel;
}

/** A change as the client sends it: a replacement of `range`, or the whole text when there is no range. */
export interface ContentChange {
  range?: LspRange;
  text: string;
}

/** Creates a document version; the parse is lazy, so versions replaced before anyone asks are never parsed. */
export function createDocument(uri: string, version: number, text: string): Document {
  let parsed: ParseResult | undefined;
  let semantic: SemanticModel | undefined;
  return {
    uri,
    path: pathOfUri(uri),
    version,
    text,
    lines: new LineIndex(text),
    get parsed() {
      return (parsed ??= parse(text));
    },
    get semantic() {
      // With definitions: hover and completion show where each variable was set.
      return (semantic ??= semanticModel(this.parsed.ast, { definitions: true }));
    },
  };
}

/** The file system path of a `file:` URI; null for any other URI or a malformed one. */
export function pathOfUri(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    // A malformed URI is treated like an untitled document: it still gets diagnostics, with the default config.
    return null;
  }
}

/** Applies the client's changes in order; each range refers to the text left by the changes before it. */
export function applyChanges(text: string, changes: readonly ContentChange[]): string {
  let result = text;
  let k = 0;
  while (k < changes.length) {
    const first = changes[k]!;
    if (!first.range) {
      result = first.text;
      k++;
      continue;
    }
    // Editors send a multi-cursor edit or a replace-all bottom-up: each change lies before the one preceding it, on
    // text that the changes before it left as it was, so the whole run is read with one line index and applied in
    // one pass. Indexing the text anew for each change made 10k changes to a 1 MB file take minutes.
    const lines = new LineIndex(result);
    const edits: { start: number; end: number; text: string }[] = [];
    let previous: LspPosition | null = null;
    for (; k < changes.length; k++) {
      const { range, text: newText } = changes[k]!;
      if (!range) break;
      if (
        previous !== null &&
        !(exact(lines, range.start) && exact(lines, range.end) && precedes(range, previous))
      )
        break;
      const start = lines.offsetAt(range.start);
      edits.push({ start, end: Math.max(start, lines.offsetAt(range.end)), text: newText });
      previous = exact(lines, range.start) ? range.start : { line: -1, character: 0 };
    }
    let out = "";
    let pos = 0;
    for (let e = edits.length - 1; e >= 0; e--) {
      out += result.slice(pos, edits[e]!.start) + edits[e]!.text;
      pos = edits[e]!.end;
    }
    result = out + result.slice(pos);
  }
  return result;
}

/** True when a position names a character of its line, or its end, without clamping. */
function exact(lines: LineIndex, position: LspPosition): boolean {
  if (position.line < 0 || position.line >= lines.lineCount || position.character < 0) return false;
  return lines.lineStart(position.line) + position.character <= lines.lineEnd(position.line);
}

/**
 * True when a range ends at or before a later change's start, so that the later change left the text up to it
 * alone. On the same line only after the line's first character: a line break inserted at a line's start can join
 * the lone `\r` that ends the line before, which moves that line's start.
 */
function precedes(range: LspRange, start: LspPosition): boolean {
  const { start: from, end } = range;
  if (end.line < from.line || (end.line === from.line && end.character < from.character)) return false;
  return (
    end.line < start.line ||
    (end.line === start.line && end.character <= start.character && start.character > 0)
  );
}

/** The open documents, by URI. */
export class DocumentStore {
  private readonly documents = new Map<string, Document>();

  /** Starts tracking a document. */
  open(uri: string, version: number, text: string): Document {
    const document = createDocument(uri, version, text);
    this.documents.set(uri, document);
    return document;
  }

  /** Applies changes and returns the new version; undefined when the document is not open. */
  change(uri: string, version: number, changes: readonly ContentChange[]): Document | undefined {
    const previous = this.documents.get(uri);
    if (!previous) return undefined;
    const document = createDocument(uri, version, applyChanges(previous.text, changes));
    this.documents.set(uri, document);
    return document;
  }

  /** Stops tracking a document. */
  close(uri: string): void {
    this.documents.delete(uri);
  }

  /** The current version of a document, if it is open. */
  get(uri: string): Document | undefined {
    return this.documents.get(uri);
  }

  /** Every open document. */
  all(): Document[] {
    return [...this.documents.values()];
  }
}
