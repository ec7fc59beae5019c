import { expandWord, expandWords, type ExpandOptions } from "@hull/parser";

/** The outcome of one expansion as the planner uses it. */
export interface Expanded {
  readonly value: string;
  readonly words: readonly string[];
  readonly matched: readonly string[];
  readonly missing: readonly string[];
  readonly error: string | null;
}

/** Expands one word with the parser's BuildKit lexer (which never throws; a bad word comes back as `error`). */
export function expandOne(text: string, env: ReadonlyMap<string, string>, options: ExpandOptions): Expanded {
  const r = expandWord(text, env, options);
  return { value: r.value, words: [r.value], matched: r.matched, missing: r.missing, error: r.error };
}

/** Expands and splits into words (EXPOSE, VOLUME shell form). */
export function expandMany(text: string, env: ReadonlyMap<string, string>, options: ExpandOptions): Expanded {
  const r = expandWords(text, env, options);
  return { value: r.words.join(" "), words: r.words, matched: r.matched, missing: r.missing, error: r.error };
}
