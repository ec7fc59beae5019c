import { fileURLToPath } from "node:url";
import { parse, SemanticModel, type ParseResult } from "@hull/parser";
import { LineIndex } from "./text.js";
import type { LspRange } from "./types.js";

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
      return (semantic ??= new SemanticModel(this.parsed.ast));
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
  for (const change of changes) {
    if (!change.range) {
      result = change.text;
      continue;
    }
    const lines = new LineIndex(result);
    const start = lines.offsetAt(change.range.start);
    const end = Math.max(start, lines.offsetAt(change.range.end));
    result = result.slice(0, start) + change.text + result.slice(end);
  }
  return result;
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
