import type { Comment, Directive, Position, Range } from "@hull/parser";
import type { HadolintCode, IgnoreDirective, IgnoreEntry } from "../rule.js";
import { suggestSpelling } from "@hull/parser";
import type { RuleIndex } from "../rule-index.js";
import { shellcheckPrefix } from "../shellcheck/shellcheck.js";

/** Every BuildKit build check, including those hull does not implement (so that skipping them is not an error). */
export const buildkitCheckNames = [
  "ConsistentInstructionCasing",
  "CopyIgnoredFile",
  "DuplicateStageName",
  "ExposeInvalidFormat",
  "ExposeProtoCasing",
  "FromAsCasing",
  "FromPlatformFlagConstDisallowed",
  "InvalidBaseImagePlatform",
  "InvalidDefaultArgInFrom",
  "InvalidDefinitionDescription",
  "JSONArgsRecommended",
  "LegacyKeyValueFormat",
  "MaintainerDeprecated",
  "MultipleInstructionsDisallowed",
  "NoEmptyContinuation",
  "RedundantTargetPlatform",
  "ReservedStageName",
  "SecretsUsedInArgOrEnv",
  "StageNameCasing",
  "UndefinedArgInFrom",
  "UndefinedVar",
  "WorkdirRelativePath",
] as const;

/** hadolint 2.15's DL codes (DL1000 is its parse-error code); SC codes are ShellCheck's and always accepted. */
export const hadolintCodes = [
  "DL1000",
  "DL1001",
  "DL3000",
  "DL3001",
  "DL3002",
  "DL3003",
  "DL3004",
  "DL3006",
  "DL3007",
  "DL3008",
  "DL3009",
  "DL3010",
  "DL3011",
  "DL3012",
  "DL3013",
  "DL3014",
  "DL3015",
  "DL3016",
  "DL3018",
  "DL3019",
  "DL3020",
  "DL3021",
  "DL3022",
  "DL3023",
  "DL3024",
  "DL3025",
  "DL3026",
  "DL3027",
  "DL3028",
  "DL3029",
  "DL3030",
  "DL3032",
  "DL3033",
  "DL3034",
  "DL3035",
  "DL3036",
  "DL3037",
  "DL3038",
  "DL3040",
  "DL3041",
  "DL3042",
  "DL3043",
  "DL3044",
  "DL3045",
  "DL3046",
  "DL3047",
  "DL3048",
  "DL3049",
  "DL3050",
  "DL3051",
  "DL3052",
  "DL3053",
  "DL3054",
  "DL3055",
  "DL3056",
  "DL3057",
  "DL3058",
  "DL3059",
  "DL3060",
  "DL3061",
  "DL3062",
  "DL3063",
  "DL3064",
  "DL3065",
  "DL3066",
  "DL3067",
  "DL4000",
  "DL4001",
  "DL4003",
  "DL4004",
  "DL4005",
  "DL4006",
] as const;

/** The raw form of an ignore comment before its names are resolved. */
export interface ParsedIgnore {
  source: IgnoreDirective["source"];
  scope: IgnoreDirective["scope"];
  /** Each name with its 0-based offset inside the text that was parsed. */
  names: { name: string; index: number }[];
}

/** Ignore comments of the security scanners; `*` stands for every rule that has an alias of that scanner. */
const scannerPatterns: readonly {
  source: "trivy" | "checkov" | "kics" | "semgrep";
  pattern: RegExp;
  scope: IgnoreDirective["scope"];
}[] = [
  // `#trivy:ignore:DS002` (optionally followed by `:exp:2026-01-01` or a workspace), for the next instruction.
  { source: "trivy", pattern: /^#\s*trivy:ignore:(?<names>[A-Za-z0-9-]+)/, scope: "next" },
  // `#checkov:skip=CKV_DOCKER_3:reason`: Checkov applies a Dockerfile's skip comments to the whole file.
  { source: "checkov", pattern: /^#\s*checkov:skip=(?<names>[A-Za-z0-9_]+)/, scope: "global" },
  // `# kics-scan disable=<uuid>,<uuid>` for the file, `# kics-scan ignore` for the whole file.
  {
    source: "kics",
    pattern: /^#\s*kics-scan\s+disable=(?<names>[0-9a-fA-F-]+(?:\s*,\s*[0-9a-fA-F-]+)*)/,
    scope: "global",
  },
  { source: "kics", pattern: /^#\s*kics-scan\s+ignore\s*$/, scope: "global" },
  // `# kics-scan ignore-line` and `ignore-block` silence the instruction below.
  { source: "kics", pattern: /^#\s*kics-scan\s+ignore-(?:line|block)\b/, scope: "next" },
  // `# nosemgrep` or `# nosemgrep: rule-id, other-id` for the instruction below.
  {
    source: "semgrep",
    pattern: /^#\s*nosemgrep(?::\s*(?<names>[\w.-]+(?:\s*,\s*[\w.-]+)*))?\s*$/,
    scope: "next",
  },
];

/** The first word of every directive below, in lower case (hull's, hadolint's and BuildKit's ignore case). */
const directiveWords = ["hull", "hadolint", "check", "trivy", "kics", "nosemgrep"];

const hullPattern = /^#\s*hull\s+(?:(global|stage)\s+)?ignore\s*=\s*/i;
const hadolintPattern = /^#\s*hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*/i;
const checkPattern = /^#\s*check\s*=\s*/i;
const namePattern = /[^\s,#]+/y;

/**
 * Parses one comment line (`#` included) as an ignore comment; null when it is not one.
 * Accepted: `# hull [global|stage] ignore=a,b`, `# hadolint [global|stage] ignore=DL3006`, `# check=skip=A,B|all[;…]`, and the
 * scanners' `#trivy:ignore:DS002`, `#checkov:skip=CKV_DOCKER_3:reason`, `# kics-scan ignore-line|ignore-block|ignore`,
 * `# kics-scan disable=<uuid>,…` and `# nosemgrep[: id,…]`.
 * Text after the list (a reason such as `# because …`) is allowed.
 */
export function parseIgnoreComment(text: string): ParsedIgnore | null {
  const leading = text.length - text.trimStart().length;
  const line = text.slice(leading);
  // Most comments are prose: a line whose first word is none of the directives' is not matched against each (and a
  // process whose comments are all prose never compiles the patterns). `trimStart` drops what `\s` matches.
  const first = line.slice(1).trimStart().slice(0, 9).toLowerCase();
  if (line[0] !== "#" || !directiveWords.some((word) => first.startsWith(word))) return null;
  for (const [pattern, source] of [
    [hullPattern, "hull"],
    [hadolintPattern, "hadolint"],
  ] as const) {
    const match = pattern.exec(line);
    if (!match) continue;
    return {
      source,
      scope: match[1] ? (match[1].toLowerCase() as "global" | "stage") : "next",
      names: readList(line, match[0].length).map((n) => ({ ...n, index: n.index + leading })),
    };
  }
  for (const { source, pattern, scope } of scannerPatterns) {
    const match = pattern.exec(line);
    if (!match) continue;
    const list = match.groups?.names;
    if (list === undefined) return { source, scope, names: [{ name: "*", index: leading }] };
    const start = match.index + match[0].length - list.length;
    return {
      source,
      scope,
      names: [...list.matchAll(/[^\s,]+/g)].map((m) => ({ name: m[0], index: leading + start + m.index })),
    };
  }
  const check = checkPattern.exec(line);
  if (check) {
    const parsed = parseCheckValue(line, check[0].length);
    if (!parsed) return null;
    return {
      source: "buildkit",
      scope: "next",
      names: parsed.map((n) => ({ ...n, index: n.index + leading })),
    };
  }
  return null;
}

/** Parses the value of a `check` directive (`skip=A,B;error=true`); only the part before the first space counts. */
export function parseCheckValue(text: string, start: number): { name: string; index: number }[] | null {
  const end = text.slice(start).search(/\s/);
  const value = end === -1 ? text.slice(start) : text.slice(start, start + end);
  let offset = start;
  const names: { name: string; index: number }[] = [];
  let found = false;
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim().toLowerCase() === "skip") {
      found = true;
      let index = offset + eq + 1;
      for (const name of part.slice(eq + 1).split(",")) {
        if (name.trim() !== "") names.push({ name: name.trim(), index: index + name.indexOf(name.trim()) });
        index += name.length + 1;
      }
    }
    offset += part.length + 1;
  }
  return found ? names : null;
}

function readList(line: string, start: number): { name: string; index: number }[] {
  const names: { name: string; index: number }[] = [];
  let i = start;
  for (;;) {
    namePattern.lastIndex = i;
    const match = namePattern.exec(line);
    if (!match) break;
    names.push({ name: match[0], index: i });
    i += match[0].length;
    const comma = /^\s*,\s*/.exec(line.slice(i));
    if (!comma) break;
    i += comma[0].length;
  }
  return names;
}

/** Every ignore comment and `check` directive of a file, with names resolved to rule ids. */
export function collectIgnoreDirectives(
  comments: readonly Comment[],
  directives: readonly Directive[],
  index: RuleIndex,
): IgnoreDirective[] {
  const result: IgnoreDirective[] = [];
  for (const directive of directives) {
    if (directive.name !== "check") continue;
    const names = parseCheckValue(directive.value, 0);
    if (!names) continue;
    const base = directive.valueRange.start;
    result.push({
      source: "buildkit",
      scope: "global",
      range: directive.range,
      entries: names.map((n) => resolveEntry("buildkit", n.name, shift(base, n.index, n.name.length), index)),
    });
  }
  for (const comment of comments) {
    const parsed = parseIgnoreComment(comment.text);
    if (!parsed) continue;
    const base = comment.range.start;
    result.push({
      source: parsed.source,
      scope: parsed.scope,
      range: comment.range,
      entries: parsed.names.map((n) =>
        resolveEntry(parsed.source, n.name, shift(base, n.index, n.name.length), index),
      ),
    });
  }
  return result;
}

function shift(base: Position, index: number, length: number): Range {
  const at = (delta: number): Position => ({
    offset: base.offset + delta,
    line: base.line,
    column: base.column + delta,
  });
  return { start: at(index), end: at(index + length) };
}

function resolveEntry(
  source: IgnoreDirective["source"],
  name: string,
  range: Range,
  index: RuleIndex,
): IgnoreEntry {
  if (source === "buildkit") {
    if (name === "all") {
      const ids = index.rules.filter((r) => r.aliases?.buildkit !== undefined).map((r) => r.id);
      return { name, range, ruleIds: ids, foreign: false, suggestion: null };
    }
    // BuildKit matches check names exactly (PascalCase), so a hull id is not accepted here.
    const ids = (buildkitCheckNames as readonly string[]).includes(name) ? index.resolve(name) : [];
    const foreign = ids.length === 0 && (buildkitCheckNames as readonly string[]).includes(name);
    const suggestion = ids.length || foreign ? null : suggestSpelling(name, buildkitCheckNames);
    return { name, range, ruleIds: ids, foreign, suggestion };
  }
  if (source === "trivy" || source === "checkov" || source === "kics" || source === "semgrep") {
    // hull knows only the scanners' checks it has rules for; any other id is theirs, not a typo.
    const ids =
      name === "*"
        ? index.rules.filter((r) => r.aliases?.[source] !== undefined).map((r) => r.id)
        : index.resolve(name).filter((id) => index.byId(id)?.aliases?.[source] !== undefined);
    return { name, range, ruleIds: ids, foreign: ids.length === 0, suggestion: null };
  }
  const code = /^(?:shellcheck\/)?(SC\d{4})$/i.exec(name);
  if (code) {
    // ShellCheck's findings are reported as `shellcheck/SC2086`; hadolint's comments name them `SC2086`.
    return {
      name,
      range,
      ruleIds: [shellcheckPrefix + code[1]!.toUpperCase()],
      foreign: false,
      suggestion: null,
    };
  }
  if (source === "hadolint") {
    const upper = name.toUpperCase();
    const ids = index.resolve(upper);
    const foreign =
      ids.length === 0 && (/^SC\d{4}$/.test(upper) || (hadolintCodes as readonly string[]).includes(upper));
    const suggestion = ids.length || foreign ? null : suggestSpelling(upper, hadolintCodes);
    return { name, range, ruleIds: ids, foreign, suggestion, ...hadolintCodeOf(upper, ids) };
  }
  const ids = index.resolve(name);
  const foreign =
    ids.length === 0 &&
    ((buildkitCheckNames as readonly string[]).includes(name) || /^(DL\d{4}|SC\d{4})$/i.test(name));
  return {
    name,
    range,
    ruleIds: ids,
    foreign,
    suggestion: ids.length || foreign ? null : index.suggest(name),
    ...hadolintCodeOf(name.toUpperCase(), ids),
  };
}

/** The `hadolint` field of an entry whose name is a hadolint code that names a rule. */
function hadolintCodeOf(name: string, ids: readonly string[]): Pick<IgnoreEntry, "hadolint"> {
  return ids.length > 0 && /^DL\d{4}$/.test(name) ? { hadolint: name as HadolintCode } : {};
}
