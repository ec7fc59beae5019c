import { expandWord, heredocBodyOptions, type ExpandOptions, type Instruction } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { type Expansion, expandingTypes, expansions, originOf } from "./utils/expansions.js";

/**
 * Texts BuildKit's lexer might refuse: those with `${`, which opens a substitution it must understand (a bare `$NAME`,
 * most of them, cannot fail), or with quotes that a plain scan does not see closed, or with a backslash (which the
 * scan leaves to the lexer). Most texts with quotes are `"…"` and `'…'` and need no lexer.
 */
function mayFail(text: string): boolean {
  if (text.includes("${")) return true;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */ || c === 0x60 /* ` */) return true;
    if (quote === 0) {
      if (c === 0x22 /* " */ || c === 0x27 /* ' */) quote = c;
    } else if (c === quote) quote = 0;
  }
  return quote !== 0;
}

const noVariables: ReadonlyMap<string, string> = new Map();

const messages = {
  unclosedQuote: (keyword: string, word: string) =>
    `'${word}' opens a quote that it does not close: ${keyword} splits its arguments at blanks before it reads quotes, so the build fails. Write a path with a blank in the JSON form: ${keyword} ["my file", "/dest/"].`,
  failed: (text: string, message: string) =>
    `BuildKit cannot expand '${text}' (${message}), so the build fails.`,
};

type Context = RuleContext<typeof messages>;

export default defineRule({
  id: "invalid-expansion",
  title: "Write quotes and variable references that BuildKit can expand",
  severity: "error",
  fixable: false,
  docs: {
    rationale:
      "BuildKit expands the variables in most instructions' arguments (COPY and ADD paths, ENV, LABEL, ARG defaults, WORKDIR, USER, VOLUME, STOPSIGNAL, EXPOSE, FROM) with a lexer of its own, and stops the build on text that lexer refuses: a quote that is not closed, a `${` without its `}`, or a modifier it does not know (`${NAME^^}`, `${NAME=default}`). " +
      'The most common case is a path with a blank: COPY and ADD split their arguments at blanks before they read quotes, so `COPY "my file" /dest/` hands BuildKit the words `"my` and `file"`, each with half a quote. ' +
      'Write such paths in the JSON form, `COPY ["my file", "/dest/"]`, and references as BuildKit knows them: `${NAME}`, `${NAME:-default}`, `${NAME:+alternative}`, `${NAME#prefix}`, `${NAME%suffix}`, `${NAME/old/new}`.',
    limitations:
      "The values of `RUN --mount` (read as CSV before they are expanded) and ONBUILD triggers (expanded in the child build) are not checked. " +
      "`${NAME:?message}`, which fails only when NAME is unset, is not reported: a build argument may set it.",
    bad: [
      `FROM alpine:3.20
COPY "my file.txt" /srv/
`,
      `FROM alpine:3.20
ARG VERSION=1.0
LABEL version=\${VERSION
`,
    ],
    good: [
      `FROM alpine:3.20
COPY ["my file.txt", "/srv/"]
`,
      `FROM alpine:3.20
ARG VERSION=1.0
LABEL version=\${VERSION}
`,
    ],
    seeAlso: ["undefined-var", "syntax-error"],
  },
  messages,
  visitor: {
    Arg: check,
    From: check,
    Env: check,
    Label: check,
    Copy: check,
    Add: check,
    Workdir: check,
    User: check,
    Stopsignal: check,
    Volume: check,
    Expose: check,
  },
});

/** Reports the first text of `node` BuildKit cannot expand. */
function check(node: Instruction, ctx: Context): void {
  if (ctx.isTrigger(node)) return;
  // BuildKit stops at the first text it cannot expand: one finding per instruction.
  for (const piece of texts(ctx, node)) {
    const options: ExpandOptions = { escape: ctx.ast.escapeChar, skipUnset: true };
    const { error } = expandWord(
      piece.text,
      noVariables,
      piece.skipQuotes ? heredocBodyOptions(options) : options,
    );
    if (error === null) continue;
    const { range } = piece.origin();
    const shown = piece.text.length > 40 ? `${piece.text.slice(0, 40)}…` : piece.text;
    if (
      (node.type === "Copy" || node.type === "Add") &&
      !piece.skipQuotes &&
      node.form === "shell" &&
      /matching/.test(error)
    )
      ctx.report(range, "unclosedQuote", node.type.toUpperCase(), shown);
    // After a name the lexer wants `}` or a modifier; at the end of the text it finds neither (and Go prints U+FFFD).
    else ctx.report(range, "failed", shown, error.includes("(\uFFFD)") ? "its '}' is missing" : error);
    return;
  }
}

/**
 * The texts of an instruction that BuildKit expands and its lexer could refuse: those of `expansions`, but for
 * RUN's mounts, with ARG defaults, EXPOSE's ports and FROM's image and platform.
 */
function texts(ctx: Context, node: Instruction): Expansion[] {
  if (node.type === "Arg") {
    const out: Expansion[] = [];
    for (const decl of node.declarations) {
      const value = decl.defaultValue;
      if (value && mayFail(value.value))
        out.push({ text: value.value, origin: () => originOf(ctx, value.range) });
    }
    return out;
  }
  // EXPOSE's words are expanded and split again (convert_expose.go); the lexer refuses the same texts.
  if (node.type === "Expose") {
    const out: Expansion[] = [];
    for (const arg of node.args)
      if (mayFail(arg.value)) out.push({ text: arg.value, origin: () => originOf(ctx, arg.range) });
    return out;
  }
  if (node.type === "From") {
    const out: Expansion[] = [];
    const image = node.image;
    if (image && mayFail(image.value))
      out.push({ text: image.value, origin: () => originOf(ctx, image.range) });
    for (const flag of node.flags) {
      const range = flag.valueRange;
      if (flag.name === "platform" && flag.value !== null && range !== null && mayFail(flag.value))
        out.push({ text: flag.value, origin: () => originOf(ctx, range) });
    }
    return out;
  }
  if (node.type === "Run" || !expandingTypes.has(node.type)) return [];
  return expansions(ctx, node, mayFail);
}
