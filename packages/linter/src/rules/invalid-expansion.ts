import { expandWord, heredocBodyOptions, type ExpandOptions, type Instruction } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { type Expansion, expansions, flag, word } from "./utils/expansions.js";

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
  const options: ExpandOptions = { escape: ctx.ast.escapeChar, skipUnset: true };
  // BuildKit stops at the first text it cannot expand: one finding per instruction.
  for (const piece of texts(ctx, node)) {
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
 * The texts of an instruction that BuildKit expands and its lexer could refuse: those of `expansions` (RUN's mounts
 * aside: RUN is not visited), with ARG defaults, EXPOSE's ports and FROM's image and platform.
 */
function texts(ctx: Context, node: Instruction): Expansion[] {
  if (node.type !== "Arg" && node.type !== "Expose" && node.type !== "From")
    return expansions(ctx, node, mayFail);
  const out: Expansion[] = [];
  if (node.type === "Arg") for (const decl of node.declarations) word(out, ctx, mayFail, decl.defaultValue);
  // EXPOSE's words are expanded and split again (convert_expose.go); the lexer refuses the same texts.
  else if (node.type === "Expose") for (const arg of node.args) word(out, ctx, mayFail, arg);
  else {
    word(out, ctx, mayFail, node.image);
    for (const f of node.flags) if (f.name === "platform") flag(out, ctx, mayFail, f);
  }
  return out;
}
