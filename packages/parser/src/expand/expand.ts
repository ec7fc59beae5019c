import { EOF, codePointAt, isSpace, nameEnd, runeString, widthOf } from "./chars.js";
import { replaceAll, replaceFirst, trimPrefix, trimSuffix, type GlobResult } from "./glob.js";
import { keepShape } from "../shapes.js";

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
  /** Treat quotes as ordinary characters (BuildKit's SkipProcessQuotes, used for heredoc bodies). */
  skipQuotes?: boolean;
}

/**
 * How BuildKit expands the body of an unquoted COPY or ADD heredoc (`COPY <<EOF /f`): with a lexer of its own, whose
 * escape is always `\` whatever the `escape` directive says, and for which quotes are ordinary characters (an
 * apostrophe in the text is no unmatched quote, and `'$X'` is expanded). Which variables are set, and how their
 * names compare, are the instruction's.
 */
export function heredocBodyOptions(options: ExpandOptions): ExpandOptions {
  // Named fields, not a spread: V8 copies a spread through the runtime.
  return {
    escape: "\\",
    skipQuotes: true,
    skipUnset: options.skipUnset,
    caseInsensitive: options.caseInsensitive,
  };
}

/** The outcome of expanding one word. */
export interface ExpandWordResult {
  /** The expanded text with quotes removed; "" when `error` is set. */
  value: string;
  /** Names that were referenced and found in the environment, in first-seen order. */
  matched: string[];
  /** Names that were referenced but not set, in first-seen order. */
  missing: string[];
  /**
   * BuildKit's error message (e.g. `syntax error: missing '}'`), or null. It is the text BuildKit wraps as
   * `failed to process "<word>": <message>`; the wrapper is left to the caller, which knows the word.
   * `matched` and `missing` still list what was looked up before the error.
   */
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
export function expandWord(text: string, env: ExpandEnv, options?: ExpandOptions): ExpandWordResult {
  const { value, matched, missing, error } = run(text, env, options, false);
  return { value, matched, missing, error };
}

/** Expands variables and splits the result into words as BuildKit's ProcessWords does; never throws. */
export function expandWords(text: string, env: ExpandEnv, options?: ExpandOptions): ExpandWordsResult {
  const { words, matched, missing, error } = run(text, env, options, true);
  return { words, matched, missing, error };
}

const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const DOLLAR = 0x24;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const LESS_THAN = 0x3c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;

/** An error BuildKit would report; anything else thrown inside the lexer is a bug or a resource limit. */
class ExpandFailure {
  constructor(readonly message: string) {}
}

interface RunResult {
  value: string;
  words: string[];
  matched: string[];
  missing: string[];
  error: string | null;
}

function run(
  text: string,
  env: ExpandEnv,
  options: ExpandOptions | undefined,
  trackWords: boolean,
): RunResult {
  let lexer: Lexer | undefined;
  try {
    lexer = new Lexer(String(text), env, options, trackWords);
    const { value, words } = lexer.readUntil(EOF, options?.rawEscapes === true);
    return { value, words, matched: [...lexer.matched], missing: [...lexer.missing], error: null };
  } catch (e) {
    return {
      value: "",
      words: [],
      matched: lexer ? [...lexer.matched] : [],
      missing: lexer ? [...lexer.missing] : [],
      error: describe(e),
    };
  }
}

function describe(e: unknown): string {
  if (e instanceof ExpandFailure) return e.message;
  // Go grows its stack where V8 cannot, so only absurdly deep ${…} nesting ends up here.
  if (e instanceof RangeError && /call stack/i.test(e.message)) return "expansion is nested too deeply";
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return "expansion failed";
  }
}

/**
 * How an expansion reads its environment: a map (`Map`, or anything with `get` and `has`), a record (own
 * properties only: `constructor` or `__proto__` must not count as set), or either with names compared in upper case.
 */
type EnvKind = 0 | 1 | 2;
const mapEnv = 0;
const recordEnv = 1;
const caseInsensitiveEnv = 2;

/** The value of `name` in `env` read as `kind` says (not the case-insensitive kind, see `foldEnv`). */
function lookUp(env: ExpandEnv, kind: EnvKind, name: string): string | undefined {
  if (kind === mapEnv) {
    const map = env as ReadonlyMap<string, string>;
    return map.has(name) ? String(map.get(name)) : undefined;
  }
  const record = env as Readonly<Record<string, string>>;
  return Object.prototype.hasOwnProperty.call(record, name) ? String(record[name]) : undefined;
}

/** `env` with upper-cased names, as BuildKit reads it on Windows: a later key wins when two differ only in case. */
function foldEnv(env: ExpandEnv): Map<string, string> {
  const folded = new Map<string, string>();
  const entries = isMapEnv(env) ? (env as ReadonlyMap<string, string>).entries() : Object.entries(env);
  for (const [k, v] of entries) folded.set(upperKey(String(k)), String(v));
  return folded;
}

function isMapEnv(env: ExpandEnv): boolean {
  return env instanceof Map || typeof env.get === "function";
}

/** Go's strings.ToUpper: simple per-character mapping, so `ß` stays `ß` instead of becoming `SS`. */
function upperKey(name: string): string {
  if (!/[^\p{ASCII}]/u.test(name)) return name.toUpperCase();
  let out = "";
  for (const ch of name) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

interface WordState {
  words: string[];
  inWord: boolean;
}

/** One expansion: a scanner over the text plus the state BuildKit's shellWord keeps. */
class Lexer {
  readonly matched = new Set<string>();
  readonly missing = new Set<string>();
  private pos: number;
  private rawEscapes = false;
  /** The word being built at the current nesting level; a ${…} operand gets its own (see readUntil). */
  private wordBuffer = "";
  private readonly escape: number;
  private readonly rawQuotes: boolean;
  private readonly skipUnset: boolean;
  private readonly skipQuotes: boolean;
  private readonly envKind: EnvKind;
  /** The environment with upper-cased names, for a case-insensitive expansion (made on its first lookup). */
  private folded: Map<string, string> | undefined = undefined;

  constructor(
    private readonly text: string,
    private readonly env: ExpandEnv,
    options: ExpandOptions | undefined,
    private readonly trackWords: boolean,
  ) {
    this.envKind =
      options?.caseInsensitive === true ? caseInsensitiveEnv : isMapEnv(env) ? mapEnv : recordEnv;
    // Go's text/scanner skips a byte order mark at the very start of its input.
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.escape = options?.escape === "`" ? BACKTICK : BACKSLASH;
    this.rawQuotes = options?.rawQuotes === true;
    this.skipUnset = options?.skipUnset === true;
    this.skipQuotes = options?.skipQuotes === true;
  }

  private peek(): number {
    return this.pos < this.text.length ? codePointAt(this.text, this.pos) : EOF;
  }

  private next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos += widthOf(cp);
    return cp;
  }

  private lookup(name: string): string | undefined {
    let value: string | undefined;
    if (this.envKind === caseInsensitiveEnv) {
      // The folded environment is made on the first lookup, which most expansions never make.
      value = (this.folded ??= foldEnv(this.env)).get(upperKey(name));
    } else {
      value = lookUp(this.env, this.envKind, name);
    }
    (value === undefined ? this.missing : this.matched).add(name);
    return value;
  }

  /** Reads up to `stop` (consumed) or the end of input, expanding as it goes; BuildKit's processStopOn. */
  readUntil(stop: number, rawEscapes: boolean): { value: string; words: string[] } {
    const saved = this.rawEscapes;
    // Each nesting level splits its own words: the text before `${X:-…}` stays in the outer word.
    const savedWord = this.wordBuffer;
    this.rawEscapes = rawEscapes;
    try {
      return this.scan(stop);
    } finally {
      this.rawEscapes = saved;
      this.wordBuffer = savedWord;
    }
  }

  private scan(stop: number): { value: string; words: string[] } {
    const state: WordState = { words: [], inWord: false };
    const track = this.trackWords;
    if (track) this.wordBuffer = "";
    let value = "";
    for (let ch = this.peek(); ch !== EOF; ch = this.peek()) {
      if (stop !== EOF && ch === stop) {
        this.next();
        return { value, words: this.flushWords(state) };
      }
      if (ch === DOLLAR) {
        const part = this.readDollar();
        value += part;
        // Expanded text is split on whitespace; quoted text and `<<` markers below are not.
        if (track) for (const c of part) this.addChar(state, c.codePointAt(0)!);
        continue;
      }
      if (ch === LESS_THAN || (!this.skipQuotes && (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE))) {
        const part =
          ch === LESS_THAN
            ? this.readHeredocMarker()
            : ch === SINGLE_QUOTE
              ? this.readSingle()
              : this.readDouble();
        value += part;
        if (track) {
          this.wordBuffer += part;
          state.inWord = true;
        }
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        if (this.rawEscapes) {
          value += runeString(c);
          if (track) this.addRawChar(state, c);
        }
        c = this.next();
        // A lone escape at the very end is dropped, as a line continuation would be.
        if (c === EOF) break;
        if (track) this.addRawChar(state, c);
      } else if (track) {
        this.addChar(state, c);
      }
      value += runeString(c);
    }
    if (stop !== EOF) {
      throw new ExpandFailure(`unexpected end of statement while looking for matching ${runeString(stop)}`);
    }
    return { value, words: this.flushWords(state) };
  }

  private addChar(state: WordState, cp: number): void {
    if (!isSpace(cp)) {
      this.addRawChar(state, cp);
    } else if (state.inWord && this.wordBuffer.length > 0) {
      state.words.push(this.wordBuffer);
      this.wordBuffer = "";
      state.inWord = false;
    }
  }

  private addRawChar(state: WordState, cp: number): void {
    this.wordBuffer += runeString(cp);
    state.inWord = true;
  }

  private flushWords(state: WordState): string[] {
    if (this.trackWords && this.wordBuffer.length > 0) {
      state.words.push(this.wordBuffer);
      this.wordBuffer = "";
      state.inWord = false;
    }
    return state.words;
  }

  private readSingle(): string {
    this.next();
    let out = this.rawQuotes ? "'" : "";
    for (;;) {
      const c = this.next();
      if (c === EOF)
        throw new ExpandFailure("unexpected end of statement while looking for matching single-quote");
      if (c === SINGLE_QUOTE) return this.rawQuotes ? out + "'" : out;
      out += runeString(c);
    }
  }

  private readDouble(): string {
    this.next();
    let out = this.rawQuotes ? '"' : "";
    for (;;) {
      const p = this.peek();
      if (p === EOF)
        throw new ExpandFailure("unexpected end of statement while looking for matching double-quote");
      if (p === DOUBLE_QUOTE) {
        this.next();
        return this.rawQuotes ? out + '"' : out;
      }
      if (p === DOLLAR) {
        out += this.readDollar();
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        if (this.rawEscapes) out += runeString(c);
        const after = this.peek();
        // At the end the loop comes round and reports the missing quote.
        if (after === EOF) continue;
        // Only `"`, `$` and the escape itself can be escaped; before anything else the escape is literal.
        if (after === DOUBLE_QUOTE || after === DOLLAR || after === this.escape) c = this.next();
      }
      out += runeString(c);
    }
  }

  /** Keeps `<<` and the blanks after it together, so `<< EOF` stays one word; BuildKit's processPossibleHeredoc. */
  private readHeredocMarker(): string {
    this.next();
    if (this.peek() !== LESS_THAN) return "<";
    this.next();
    let out = "<<";
    for (let c = this.peek(); c === 0x20 || c === 0x09 || c === 0x0d; c = this.peek()) {
      out += runeString(this.next());
    }
    return out;
  }

  /** A name: a run of digits, one special parameter, or letters, digits and `_`; BuildKit's processName. */
  private readName(): string {
    const start = this.pos;
    this.pos = nameEnd(this.text, start);
    return this.text.slice(start, this.pos);
  }

  /** Reads an operand of ${…}; an error that ran into the end of input becomes `eofMessage`. */
  private readOperand(stop: number, rawEscapes: boolean, eofMessage: string): string {
    try {
      return this.readUntil(stop, rawEscapes).value;
    } catch (e) {
      if (e instanceof ExpandFailure && this.peek() === EOF) throw new ExpandFailure(eofMessage);
      throw e;
    }
  }

  private readDollar(): string {
    this.next();
    if (this.peek() !== OPEN_BRACE) {
      const name = this.readName();
      if (name === "") return "$";
      const value = this.lookup(name);
      if (value === undefined && this.skipUnset) return "$" + name;
      return value ?? "";
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ExpandFailure("syntax error: missing '}'");
    if (first === OPEN_BRACE || first === CLOSE_BRACE || first === COLON) {
      throw new ExpandFailure("syntax error: bad substitution");
    }
    const name = this.readName();
    let op = this.next();
    // EOF prints as U+FFFD here, exactly as Go's string(rune(-1)) does in the error message.
    let ops = runeString(op);
    if (op === CLOSE_BRACE) {
      const value = this.lookup(name);
      if (value === undefined && this.skipUnset) return "${" + name + "}";
      return value ?? "";
    }
    if (op === SLASH) return this.readReplace(name);
    let nullIsUnset = false;
    if (op === COLON) {
      nullIsUnset = true;
      // Whatever follows the colon is the modifier, even `}` or the end of input.
      op = this.next();
      ops += runeString(op);
    } else if (!"+-?#%".includes(runeString(op))) {
      throw new ExpandFailure(`unsupported modifier (${ops}) in substitution`);
    }
    const isPattern = op === 0x23 || op === 0x25;
    if (nullIsUnset && isPattern) throw new ExpandFailure(`unsupported modifier (${ops}) in substitution`);
    let word = this.readOperand(CLOSE_BRACE, isPattern, "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === undefined && this.skipUnset) return "${" + name + ops + word + "}";
    const empty = value === undefined || (nullIsUnset && value === "");
    switch (op) {
      case 0x2d: // -
        return empty ? word : value;
      case 0x2b: // +
        return empty ? "" : word;
      case 0x3f: // ?
        if (value === undefined) throw new ExpandFailure(`${name}: ${word || "is not allowed to be unset"}`);
        if (empty) throw new ExpandFailure(`${name}: ${word || "is not allowed to be empty"}`);
        return value;
      case 0x23: // #
      case 0x25: {
        // A doubled operator asks for the longest match; BuildKit checks the expanded operand, so a quoted
        // `"#"` at its start counts too.
        const greedy = word.charCodeAt(0) === op;
        if (greedy) word = word.slice(1);
        return settle(
          op === 0x25 ? trimSuffix(word, value ?? "", greedy) : trimPrefix(word, value ?? "", greedy),
        );
      }
      default:
        throw new ExpandFailure(`unsupported modifier (${ops}) in substitution`);
    }
  }

  private readReplace(name: string): string {
    const all = this.peek() === SLASH;
    if (all) this.next();
    const pattern = this.readOperand(SLASH, true, "syntax error: missing '/' in ${}");
    const replacement = this.readOperand(CLOSE_BRACE, true, "syntax error: missing '}'");
    const value = this.lookup(name);
    // BuildKit rebuilds the text with a single slash even for `//`.
    if (value === undefined && this.skipUnset) return "${" + name + "/" + pattern + "/" + replacement + "}";
    return settle(
      all ? replaceAll(pattern, value ?? "", replacement) : replaceFirst(pattern, value ?? "", replacement),
    );
  }
}

keepShape(new Lexer("", {}, undefined, false));

function settle(result: GlobResult): string {
  if (!result.ok) throw new ExpandFailure(result.error);
  return result.value;
}
