/** A 0-based line and 0-based UTF-16 character, as the protocol counts them (the AST counts from 1). */
export interface LspPosition {
  line: number;
  character: number;
}

/** A half-open span between two protocol positions. */
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** A replacement of the text in `range` by `newText`. */
export interface LspEdit {
  range: LspRange;
  newText: string;
}
