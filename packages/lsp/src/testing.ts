import { rules, type Rule } from "@hull/linter";
import { createDocument, type Document } from "./documents.js";
import type { LspPosition } from "./types.js";

/** The cursor marker in feature test fixtures (rust-analyzer's `$0`). */
export const cursorMarker = "$0";

/** Turns a fixture with one `$0` into a document without the marker and the cursor position there. */
export function fixture(
  textWithCursor: string,
  uri = "untitled:Dockerfile",
): { document: Document; position: LspPosition; offset: number } {
  const offset = textWithCursor.indexOf(cursorMarker);
  if (offset === -1 || textWithCursor.indexOf(cursorMarker, offset + 1) !== -1) {
    throw new Error(`fixture needs exactly one ${cursorMarker}: ${JSON.stringify(textWithCursor)}`);
  }
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + cursorMarker.length);
  const document = createDocument(uri, 1, text);
  return { document, position: document.lines.positionAt(offset), offset };
}

/** The built-in rules with the given ids: tests pin the rules they were written against, so new rules do not change them. */
export function pinnedRules(ids: readonly string[]): readonly Rule[] {
  const pinned = rules.filter((r) => ids.includes(r.id));
  const missing = ids.filter((id) => !pinned.some((r) => r.id === id));
  if (missing.length > 0) throw new Error(`unknown rule ids: ${missing.join(", ")}`);
  return pinned;
}
