import { expandWord, expandWords, type ExpandOptions } from "@hull/parser";

/** The outcome of one expansion as the planner uses it. */
export interface Expanded {
  readonly value: string;
  readonly words: readonly string[];
  readonly matched: readonly string[];
  readonly missing: readonly string[];
  readonly error: string | null;
}

/** Expands one word with the parser's BuildKit lexer; an unexpected throw becomes an error result, never a crash. */
export function expandOne(text: string, env: ReadonlyMap<string, string>, options: ExpandOptions): Expanded {
  try {
    const r = expandWord(text, env, options);
    return { value: r.value, words: [r.value], matched: r.matched, missing: r.missing, error: r.error };
  } catch (error) {
    return fallback(text, env, options, error);
  }
}

/** Expands and splits into words (EXPOSE, VOLUME shell form); never throws. */
export function expandMany(text: string, env: ReadonlyMap<string, string>, options: ExpandOptions): Expanded {
  try {
    const r = expandWords(text, env, options);
    return {
      value: r.words.join(" "),
      words: r.words,
      matched: r.matched,
      missing: r.missing,
      error: r.error,
    };
  } catch (error) {
    const one = fallback(text, env, options, error);
    return { ...one, words: one.value.split(/\s+/).filter((w) => w !== "") };
  }
}

// A deliberately small $VAR / ${VAR} / ${VAR:-x} substitution used only if the parser's lexer throws
// (for instance before it is implemented), so that planning degrades instead of crashing.
function fallback(
  text: string,
  env: ReadonlyMap<string, string>,
  options: ExpandOptions,
  error: unknown,
): Expanded {
  const matched: string[] = [];
  const missing: string[] = [];
  if (error instanceof Error && !/not implemented/.test(error.message)) {
    return { value: text, words: [text], matched, missing, error: error.message };
  }
  const value = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      all,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined,
    ) => {
      const name = (braced ?? bare) as string;
      const v = env.get(name);
      (v === undefined ? missing : matched).push(name);
      if (op === undefined) return v ?? (options.skipUnset ? all : "");
      const empty = op.startsWith(":") ? !v : v === undefined;
      if (op.endsWith("-")) return empty ? (word ?? "") : (v ?? "");
      return empty ? "" : (word ?? "");
    },
  );
  const unquoted = options.rawQuotes ? value : value.replace(/^"(.*)"$/s, "$1").replace(/^'(.*)'$/s, "$1");
  return { value: unquoted, words: [unquoted], matched, missing, error: null };
}
