import {
  expandWord,
  heredocBodyOptions,
  type ExpandOptions,
  nonEnvArgs,
  type Instruction,
  type Stage,
  type StageScope,
} from "@hull/parser";
import type { BaseImage } from "@hull/planner";
import { defineRule, type RuleContext } from "../rule.js";
import { imageEnv, type ImageEnv } from "./undefined-var-utils/image-env.js";
import { type Expansion, expandingTypes, expansions, word } from "./utils/expansions.js";
import { findVarRefs, guardedForm, locateRefs } from "./utils/stage-env.js";
import { nearMiss } from "./utils/near-miss.js";

/** A piece of text BuildKit expands against the stage environment, with where it came from. */
const messages = {
  undefined: (name: string) => `Variable '$${name}' is not defined here, so it expands to an empty string.`,
  typo: (name: string, suggestion: string) =>
    `Variable '$${name}' is not defined here; did you mean '$${suggestion}'?`,
  globalArg: (name: string) =>
    `'$${name}' is a global ARG, which a stage only sees after redeclaring it with 'ARG ${name}'.`,
  globalArgInOwnDefault: (name: string) =>
    `'$${name}' in the default of 'ARG ${name}' is empty: the global value is not seen yet; write 'ARG ${name}' without a default to take it.`,
  ownDefault: (name: string) =>
    `'$${name}' in the default of 'ARG ${name}' is the ARG itself, not set yet: the default is empty, and a build arg sets the value without it; write 'ARG ${name}'.`,
  ownDefaultGuarded: (name: string, form: string) =>
    `'${form}' in the default of 'ARG ${name}' reads the ARG itself, not set yet, so it always takes its unset branch (a build arg replaces the whole default); write that value as the default.`,
  predefinedArg: (name: string) =>
    `'$${name}' is predefined by BuildKit, but a stage only sees it after declaring 'ARG ${name}'.`,
  otherStage: (name: string, stage: string, line: number) =>
    `Variable '$${name}' is defined in stage '${stage}' (line ${line}), which this stage does not inherit from.`,
  laterStage: (name: string, stage: string, line: number) =>
    `Variable '$${name}' is defined only in stage '${stage}' (line ${line}), which is built on this one: a stage sees what its base stages set, not what the stages built on it set.`,
  alwaysUnset: (name: string, form: string) =>
    `Variable '$${name}' is not defined here, so '${form}' always takes its unset branch; declare 'ARG ${name}' if a build should set it.`,
  usedBeforeDefinition: (name: string, line: number) =>
    `Variable '$${name}' is used before line ${line} defines it, so it expands to an empty string here.`,
  usedBeforeDefinitionGuarded: (name: string, line: number, form: string) =>
    `Variable '$${name}' is used before line ${line} defines it, so '${form}' always takes its unset branch here.`,
};

// Nearly every file expands only defined names: what the messages need is made on the first undefined one, and
// `state` (made for every file) allocates nothing but its object.
type State = {
  /** The ENV of a base image whose config was given: all of it, so any other name is surely undefined. */
  configEnvs: Map<BaseImage, ImageEnv> | undefined;
  /** For each name defined in the current stage, the line of its first definition. */
  definedAt: Map<string, number> | undefined;
  /** For each name an ENV or ARG defines anywhere in a stage: which stage, and where. */
  definedIn: Map<string, { stage: Stage; label: string; line: number; arg: boolean }[]> | undefined;
  currentStage: Stage | null;
  caseInsensitive: boolean;
  /**
   * Made once per file, on the first expansion: heredoc bodies are expanded as BuildKit expands them
   * (`heredocBodyOptions`), other words with the file's options.
   */
  wordOptions: ExpandOptions | undefined;
  heredocOptions: ExpandOptions | undefined;
  /** How many near-miss searches the file has had (`nearMiss`). */
  searches: number;
};
type Context = RuleContext<typeof messages, Record<string, unknown>, State>;

export default defineRule({
  id: "undefined-var",
  title: "Define variables before BuildKit expands them",
  severity: "warning",
  fixable: false,
  markupReach: "control-lines",
  aliases: { buildkit: "UndefinedVar" },
  docs: {
    rationale:
      "BuildKit itself replaces `$VAR` in `ADD`, `COPY`, `ENV`, `LABEL`, `ARG` defaults, `WORKDIR`, `USER`, `VOLUME`, `STOPSIGNAL` and `RUN --mount` options, using the stage's environment: the base image's `ENV`, the stage's own `ENV`, and the `ARG`s declared in the stage or in the stage it is built `FROM`. " +
      "A variable that is not there expands to an empty string without any error, so `COPY app $APP_HOME/` quietly copies to `/`. " +
      "Global ARGs (declared before the first `FROM`) and BuildKit's predefined ARGs such as `TARGETARCH` are only visible in a stage after `ARG NAME` redeclares them, and one `ENV` instruction cannot use a variable it defines itself.",
    limitations:
      "Shell-form `RUN`, `CMD` and `ENTRYPOINT` are not checked: the shell expands those at run time. `EXPOSE` is not checked either, as in BuildKit. " +
      "The base image's `ENV` is known when its config is given (`hull lint --resolve` or `--image-config`), and then every undefined name is reported, as on `scratch`. Without it, hull assumes `PATH` everywhere (BuildKit sets it when the image does not), knows the whole `ENV` of some official images (`alpine`, `busybox`, `debian`, `ubuntu`, `golang`, `node`, `python`, `rust`) and part of others' (`openjdk`, `eclipse-temurin`, `maven`, `gradle`, `tomcat`, `php`, `nginx`, `httpd`, `postgres`, `ruby`, `erlang`, `elixir`). On `scratch` and on the images it knows completely, every undefined name is reported. On any other image, where the variable may come from the image, a name is only reported when the file itself shows a mistake: a global ARG the stage does not redeclare, a predefined ARG it does not declare, a variable defined later in the stage, an ARG of a stage this one is not built from, or a near miss of a defined name (one or two edits away, and not the same name with a prefix: `GOPATH` is no misspelling of `PATH`). On an image whose whole `ENV` is known, `${NAME:-default}` and `${NAME:+alternative}` of an undefined name are reported as BuildKit reports them: the form then always takes its unset branch. " +
      "Near misses are looked for among the first 100 undefined names of a file; later ones get no suggestion (and, on an image whose `ENV` is not known, are then only reported for the other mistakes above).",
    bad: [
      `FROM alpine:3.20
COPY app.tar $APP_HOME/
`,
      `ARG VERSION=1.2.3
FROM alpine:3.20
LABEL version=$VERSION
`,
      `FROM golang:1.23 AS build
COPY bin/$TARGETARCH/app /usr/local/bin/
`,
      `FROM alpine:3.20
ARG DIR_ASSETS=assets/
COPY $DIR_ASSET /srv/
`,
    ],
    good: [
      `FROM alpine:3.20
ENV APP_HOME=/srv/app
COPY app.tar $APP_HOME/
`,
      `ARG VERSION=1.2.3
FROM alpine:3.20
ARG VERSION
LABEL version=$VERSION
`,
      `FROM golang:1.23 AS build
ARG TARGETARCH
COPY bin/$TARGETARCH/app /usr/local/bin/
`,
      `FROM alpine:3.20 AS base
ARG CONFIG=prod.yaml

FROM base
COPY $CONFIG /etc/app/
`,
      `FROM alpine:3.20
ENV PATH=/opt/app/bin:$PATH
RUN echo $UNDECLARED_IN_SHELL
`,
    ],
    seeAlso: ["undefined-arg-in-from"],
  },
  messages,
  state: (ctx): State => ({
    configEnvs: undefined,
    definedAt: undefined,
    definedIn: undefined,
    currentStage: null,
    caseInsensitive: ctx.ast.escapeChar === "`",
    wordOptions: undefined,
    heredocOptions: undefined,
    searches: 0,
  }),
  visitor: {
    Stage(stage, ctx) {
      ctx.state.currentStage = stage;
      ctx.state.definedAt = undefined;
    },
    Instruction(node, ctx) {
      // Most instructions expand nothing BuildKit checks (RUN only in its mounts): they cost one lookup.
      if (
        (!expandingTypes.has(node.type) && node.type !== "Arg") ||
        (node.type === "Run" && node.flags.length === 0)
      )
        return;
      // ONBUILD triggers are expanded in the child build, against its environment.
      if (ctx.isTrigger(node) || ctx.currentStage() === null) return;
      if (node.type === "Arg") {
        // Each declaration in the scope before it: one piece at a time.
        for (const decl of node.declarations) {
          const pieces: Expansion[] = [];
          word(pieces, ctx, hasDollar, decl.defaultValue);
          const piece = pieces[0];
          const scope = piece ? ctx.semantic.scopeBefore(node, decl) : null;
          if (scope && piece) check(ctx, scope, node, piece, decl.name.value.replace(/["']/g, ""));
        }
        return;
      }
      const pieces = expansions(ctx, node, hasDollar);
      if (pieces.length === 0) return;
      const scope = ctx.semantic.scopeBefore(node);
      if (scope) for (const piece of pieces) check(ctx, scope, node, piece);
    },
  },
});

/** The ENV of a base image whose config was given, made on first use for the file. */
function configEnv(ctx: Context, image: BaseImage): ImageEnv {
  const configEnvs = (ctx.state.configEnvs ??= new Map<BaseImage, ImageEnv>());
  let env = configEnvs.get(image);
  if (!env) {
    const names = (image.config.Env ?? []).map((e) => e.split("=")[0]!);
    configEnvs.set(image, (env = { names: new Set(names), complete: true }));
  }
  return env;
}

/** `name` as compared: upper-cased when names are case-insensitive. */
function fold(caseInsensitive: boolean, name: string): string {
  return caseInsensitive ? name.toUpperCase() : name;
}

/** True when `scope` defines `name` (in any case when names are case-insensitive), or it is in `nonEnvArgs`. */
function known(caseInsensitive: boolean, scope: StageScope, name: string): boolean {
  if (nonEnvArgs.has(name)) return true;
  if (!caseInsensitive) return scope.env.has(name) || scope.args.has(name);
  const folded = fold(caseInsensitive, name);
  for (const key of [...scope.env.keys(), ...scope.args])
    if (fold(caseInsensitive, key) === folded) return true;
  return false;
}

/** Reports the names `piece` uses that are undefined in `scope`; `declaring` is the ARG whose default it is. */
function check(
  ctx: Context,
  scope: StageScope,
  node: Instruction,
  piece: Expansion,
  declaring?: string,
): void {
  const { state } = ctx;
  const { caseInsensitive, currentStage } = state;
  // Without a `$` nothing is expanded, so nothing can be undefined; nor when every name the text could use
  // has a value, which most texts show without running the expander.
  if (!piece.text.includes("$") || (!caseInsensitive && allSet(piece.text, scope.env))) return;
  if (!state.wordOptions || !state.heredocOptions) {
    // Named fields, not a spread of the model's options: V8 copies a spread through the runtime (measured on
    // the corpus: the two spreads cost more than all the rest of the rule's first expansion in each file).
    const { escape, rawQuotes, rawEscapes, skipUnset } = ctx.semantic.options;
    state.wordOptions = { escape, rawQuotes, rawEscapes, skipUnset, caseInsensitive };
    state.heredocOptions = heredocBodyOptions(state.wordOptions);
  }
  const result = expandWord(
    piece.text,
    scope.env,
    piece.skipQuotes ? state.heredocOptions : state.wordOptions,
  );
  if (result.missing.length === 0) return;
  const given = currentStage && scope.baseImage !== null ? ctx.baseImage(currentStage) : undefined;
  const base: ImageEnv =
    scope.baseImage === null ? scratchEnv : given ? configEnv(ctx, given) : imageEnv(scope.baseImage);
  const missing = result.missing.filter(
    (name) => !known(caseInsensitive, scope, name) && !base.names.has(name),
  );
  if (missing.length === 0) return;
  const escape = piece.skipQuotes ? "\\" : ctx.ast.escapeChar;
  const refs = findVarRefs(piece.text, escape, piece.skipQuotes);
  const origin = piece.origin();
  const located = locateRefs(piece.text, refs, origin.source, origin.start);
  let suggestion: string | null;
  for (const name of new Set(missing)) {
    const uses = located.filter((l) => l.ref.name === name);
    const first = uses.find((u) => u.start !== null);
    const at = first ? ctx.rangeOf(first.start, first.end) : origin.range;
    const later = definedInStage(ctx).get(name);
    // An ENV of another stage may well be set by this stage's image too (LD_LIBRARY_PATH, JAVA_HOME…), and
    // a base name that depends on an unset variable may be any stage: only trust ARGs and known images.
    const elsewhere = scope.baseUnresolved
      ? undefined
      : definedInFile(ctx)
          .get(name)
          ?.find((d) => d.stage !== currentStage && (d.arg || base.complete));
    if (later !== undefined && later > node.range.start.line) {
      // `${NAME:-default}` gives its default, `${NAME:+word}` nothing: not always an empty string.
      const form = guardedForm(uses, piece.text);
      if (form !== null) ctx.report(at, "usedBeforeDefinitionGuarded", name, later, form);
      else ctx.report(at, "usedBeforeDefinition", name, later);
    } else if (ctx.semantic.globals.declared.has(name))
      ctx.report(at, name === declaring ? "globalArgInOwnDefault" : "globalArg", name);
    else if (ctx.semantic.predefined.has(name)) ctx.report(at, "predefinedArg", name);
    // `ARG V=${V}`: a default read from the ARG itself, as if it took a value from outside; on an image that may
    // set V, its value.
    else if (name === declaring) {
      if (!base.complete) continue;
      const form = guardedForm(uses, piece.text);
      if (form !== null) ctx.report(at, "ownDefaultGuarded", name, form);
      else ctx.report(at, "ownDefault", name);
    } else if (
      (suggestion = nearMiss(state, name, () =>
        [...new Set([...scope.env.keys(), ...scope.args, ...(given ? base.names : [])])]
          .filter((candidate) => !prefixed(name, candidate))
          .sort(),
      )) &&
      // `COPY $START_FILE $STARTUP_FILE …` uses both names: on an image whose ENV is not known, two variables (the
      // image may set the other), not a misspelling of one.
      (base.complete || !readsName(ctx, node, suggestion))
    )
      ctx.report(at, "typo", name, suggestion);
    else if (elsewhere)
      ctx.report(
        at,
        currentStage && ctx.semantic.chain(elsewhere.stage).includes(currentStage)
          ? "laterStage"
          : "otherStage",
        name,
        elsewhere.label,
        elsewhere.line,
      );
    // A name the file never defines may come from an image whose ENV hull does not know. BuildKit reports
    // `${NAME:-default}` too: on an image without NAME it always gives the default, often a forgotten ARG.
    else if (base.complete) {
      const form = guardedForm(uses, piece.text);
      if (form !== null) ctx.report(at, "alwaysUnset", name, form);
      else ctx.report(at, "undefined", name);
    }
  }
}

/** True when the instruction's text reads the variable `name` (`$NAME`, `${NAME…}`). */
function readsName(ctx: Context, node: Instruction, name: string): boolean {
  const text = ctx.source.slice(node.range.start.offset, node.range.end.offset);
  return findVarRefs(text, ctx.ast.escapeChar).some((ref) => ref.name === name);
}

/**
 * True when one name is the other with a prefix: variables of one family are named so (`GOPATH`, `CPATH` and
 * `PATH`; `N_SRC_DIR` and `SRC_DIR`), and such a name is most likely another variable, not a misspelling.
 */
function prefixed(name: string, candidate: string): boolean {
  return name.length !== candidate.length && (name.endsWith(candidate) || candidate.endsWith(name));
}

/** For each name defined in the current stage, the line of its first definition; made on first use in the stage. */
function definedInStage(ctx: Context): Map<string, number> {
  const { state } = ctx;
  if (state.definedAt) return state.definedAt;
  const definedAt = (state.definedAt = new Map<string, number>());
  for (const node of state.currentStage?.instructions ?? []) {
    for (const name of definedNames(node))
      if (!definedAt.has(name)) definedAt.set(name, node.range.start.line);
  }
  return definedAt;
}

/** For each name an ENV or ARG defines anywhere in a stage: which stage, and where; made on first use. */
function definedInFile(ctx: Context): NonNullable<State["definedIn"]> {
  const { state } = ctx;
  if (state.definedIn) return state.definedIn;
  const definedIn: NonNullable<State["definedIn"]> = (state.definedIn = new Map());
  for (const stage of ctx.ast.stages) {
    const label = stage.name ?? String(stage.index);
    for (const node of stage.instructions) {
      for (const name of definedNames(node)) {
        const list = definedIn.get(name) ?? [];
        list.push({ stage, label, line: node.range.start.line, arg: node.type === "Arg" });
        definedIn.set(name, list);
      }
    }
  }
  return definedIn;
}

const scratchEnv: ImageEnv = { names: new Set(), complete: true };

/**
 * True when every `$NAME` and `${NAME` in the text names a variable with a value. The expander looks up some of
 * those names (not the ones in single quotes or escaped), never others: so nothing it looks up is missing. A `$`
 * followed by anything else (`$1`, `$@`, a non-ASCII letter) gives false, and the expander decides.
 */
function allSet(text: string, env: ReadonlyMap<string, string>): boolean {
  for (let i = text.indexOf("$"); i >= 0; i = text.indexOf("$", i + 1)) {
    let start = i + 1;
    if (text.charCodeAt(start) === 0x7b) start++;
    let end = start;
    while (end < text.length && isNameChar(text.charCodeAt(end), end === start)) end++;
    if (end === start || text.charCodeAt(end) >= 0x80 || !env.has(text.slice(start, end))) return false;
  }
  return true;
}

/** An ASCII letter, `_`, or (after the first character) a digit. */
function isNameChar(code: number, first: boolean): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    (!first && code >= 0x30 && code <= 0x39)
  );
}

/** The names an ENV or ARG instruction defines. */
function definedNames(node: Instruction): string[] {
  if (node.type === "Env") return node.pairs.map((p) => p.key.value);
  if (node.type === "Arg") return node.declarations.map((d) => d.name.value);
  return [];
}

/** A text without `$` cannot use a variable: it is left out, so that the scope of an instruction without any is never computed. */
function hasDollar(text: string): boolean {
  return text.includes("$");
}
