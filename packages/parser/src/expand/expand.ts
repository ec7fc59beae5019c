/** Variables visible to an expansion: a plain object or a Map from name to value. */
export type ExpandEnv = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** How to expand, as BuildKit's shell lexer is configured. */
export interface ExpandOptions {
  /** The Dockerfile's escape character; `\` unless the `escape` directive says otherwise. */
  escape?: "\\" | "`";
  /** Keep quote characters in the result (BuildKit's RawQuotes). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result (BuildKit's RawEscapes). */
  rawEscapes?: boolean;
  /** Leave `$NAME` as written when NAME is unset (BuildKit's SkipUnsetEnv). */
  skipUnset?: boolean;
  /** Match variable names case-insensitively, as BuildKit does for Windows images. */
  caseInsensitive?: boolean;
}

/** The outcome of expanding one word. */
export interface ExpandWordResult {
  /** The expanded text with quotes removed; "" when `error` is set. */
  value: string;
  /** Names that were referenced and found in the environment, in first-seen order. */
  matched: string[];
  /** Names that were referenced but not set, in first-seen order. */
  missing: string[];
  /** BuildKit's error message (e.g. `missing '}'`), or null. */
  error: string | null;
}

/** The outcome of expanding and splitting a line into words. */
export interface ExpandWordsResult {
  words: string[];
  matched: string[];
  missing: string[];
  error: string | null;
}

/** Expands variables in one word as BuildKit's ProcessWord does; never throws. */
export function expandWord(_text: string, _env: ExpandEnv, _options?: ExpandOptions): ExpandWordResult {
  throw new Error("not implemented yet");
}

/** Expands variables and splits the result into words as BuildKit's ProcessWords does; never throws. */
export function expandWords(_text: string, _env: ExpandEnv, _options?: ExpandOptions): ExpandWordsResult {
  throw new Error("not implemented yet");
}
