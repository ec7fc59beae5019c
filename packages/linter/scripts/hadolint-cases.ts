// Runs the cases of hadolint's own rule tests through hull and lists where hull's answer differs from hadolint's.
//
//   pnpm exec tsx --conditions=@hull/source packages/linter/scripts/hadolint-cases.ts HADOLINT_CHECKOUT [--all]
//
// hadolint's rule specs (test/Hadolint/Rule/*Spec.hs) and its spec of inline ignores (PragmaSpec.hs) state their cases as `ruleCatches "DL3008" "RUN …"`,
// `ruleCatchesNot`, and the same for the instruction wrapped in ONBUILD (`onBuildRuleCatches…`), with the Dockerfile
// written as a Haskell string or as a list of lines joined by `Text.unlines`. This reads those calls (a small reader
// of Haskell strings, lists and `let` bindings, not a Haskell parser: a case it cannot read is counted, not guessed),
// the spec's configuration where it sets one (`labelSchema`, `strictLabels`, `allowedRegistries`), and asks whether
// a hull rule with that hadolint code reports the file. A snippet without a FROM gets `FROM debian:12` first (`scratch`
// for DL3026), since hull reads instructions in a stage. Prints the counts and, with --all, every case where hull differs; a rule's
// "Differences from hadolint" in docs/rules says which differences are meant.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { lint, rules, type LintSettings } from "../src/index.js";

type Token = { kind: "string" | "name" | "punct"; text: string };
type Case = {
  file: string;
  test: string;
  code: string;
  expect: "some" | "none";
  onbuild: boolean;
  text: string | null;
  settings: Partial<LintSettings> | null;
};

/** Haskell tokens: string literals (escapes and gaps read), names, and single punctuation characters. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const escapes: Record<string, string> = {
    n: "\n",
    t: "\t",
    r: "\r",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "&": "",
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (src.startsWith("--", i)) {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (src.startsWith("{-", i)) {
      const end = src.indexOf("-}", i);
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"') {
      let text = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] !== "\\") {
          text += src[i++];
          continue;
        }
        const next = src[i + 1] ?? "";
        if (/\s/.test(next)) {
          // A string gap: `\`, white space, `\`.
          i = src.indexOf("\\", i + 1) + 1;
        } else if (/\d/.test(next)) {
          const digits = /^\d+/.exec(src.slice(i + 1))![0];
          text += String.fromCharCode(Number(digits));
          i += 1 + digits.length;
        } else {
          text += Object.hasOwn(escapes, next) ? escapes[next] : next;
          i += 2;
        }
      }
      i++;
      tokens.push({ kind: "string", text });
    } else if (c === "'" && src[i + 2] === "'") {
      i += 3;
    } else if (/[A-Za-z_?]/.test(c)) {
      const name = /^[A-Za-z0-9_?.']+/.exec(src.slice(i))![0];
      tokens.push({ kind: "name", text: name });
      i += name.length;
    } else {
      if (!/\s/.test(c)) tokens.push({ kind: "punct", text: c });
      i++;
    }
  }
  return tokens;
}

const labelTypes: Record<string, string> = {
  RawText: "text",
  Url: "url",
  SemVer: "semver",
  GitHash: "hash",
  Rfc3339: "rfc3339",
  Spdx: "spdx",
  Email: "email",
};

/** hull's settings for a `def { … }` configuration, or null for one this script does not translate. */
function settingsOf(tokens: Token[], from: number): { settings: Partial<LintSettings> | null; end: number } {
  if (tokens[from]?.text !== "def" || tokens[from + 1]?.text !== "{")
    return { settings: null, end: from + 1 };
  let depth = 0;
  let end = from + 1;
  for (; end < tokens.length; end++) {
    if (tokens[end]!.text === "{") depth++;
    if (tokens[end]!.text === "}" && --depth === 0) break;
  }
  const body = tokens.slice(from + 2, end);
  const settings: {
    trustedRegistries?: string[];
    labelSchema?: Record<string, string>;
    strictLabels?: boolean;
  } = {};
  for (let k = 0; k < body.length; k++) {
    const name = body[k]!.text;
    if (name === "allowedRegistries") {
      settings.trustedRegistries = [];
      for (k += 2; k < body.length && body[k]!.text !== "]"; k++)
        if (body[k]!.kind === "string") settings.trustedRegistries.push(body[k]!.text);
    } else if (name === "labelSchema") {
      settings.labelSchema = {};
      for (k += 2; k < body.length && body[k]!.text !== "]"; k++) {
        if (body[k]!.kind !== "string") continue;
        const type = labelTypes[body[k + 2]!.text.replace(/^Rule\./, "")];
        if (type === undefined) return { settings: null, end };
        settings.labelSchema[body[k]!.text] = type;
      }
    } else if (name === "strictLabels") {
      settings.strictLabels = body[k + 2]?.text === "True";
    } else if (body[k]!.kind === "name" && body[k + 1]?.text === "=") {
      return { settings: null, end };
    }
  }
  return { settings, end };
}

const calls = new Set(["ruleCatches", "ruleCatchesNot", "onBuildRuleCatches", "onBuildRuleCatchesNot"]);

/** The cases of one spec file. */
function casesOf(file: string, src: string): Case[] {
  const tokens = tokenize(src);
  const bindings = new Map<string, string | string[]>();
  const cases: Case[] = [];
  const unlines = (lines: string[]) => lines.map((l) => `${l}\n`).join("");
  const list = (k: number): [string[], number] => {
    const out: string[] = [];
    for (k++; k < tokens.length && tokens[k]!.text !== "]"; k++)
      if (tokens[k]!.kind === "string") out.push(tokens[k]!.text);
    return [out, k + 1];
  };
  // `undefined` while the spec's own configuration is the default; null when it is one this script cannot translate.
  let fileSettings: Partial<LintSettings> | null | undefined;
  let testSettings: Partial<LintSettings> | null | undefined;
  let test = "";
  let inTest = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === "it" && tokens[k + 1]?.kind === "string") {
      test = tokens[k + 1]!.text;
      inTest = true;
      testSettings = undefined;
    } else if (t.text === "?config" && tokens[k + 1]?.text === "=") {
      const plain = tokens[k + 2]?.text === "def" && tokens[k + 3]?.text !== "{";
      const settings = plain ? undefined : settingsOf(tokens, k + 2).settings;
      if (inTest) testSettings = settings;
      else fileSettings = settings;
    } else if (t.kind === "name" && tokens[k + 1]?.text === "=" && !t.text.startsWith("?")) {
      const v = tokens[k + 2];
      if (v?.kind === "string") bindings.set(t.text, v.text);
      else if (v?.text === "[") bindings.set(t.text, list(k + 2)[0]);
      else if (/^(?:Text\.)?unlines$/.test(v?.text ?? "") && tokens[k + 3]?.text === "[")
        bindings.set(t.text, unlines(list(k + 3)[0]));
    } else if (calls.has(t.text) && /^DL\d{4}$/.test(tokens[k + 1]?.text ?? "")) {
      let j = k + 2;
      if (tokens[j]?.text === "$") j++;
      let text: string | null = null;
      if (tokens[j]?.kind === "string") text = tokens[j]!.text;
      else if (/^(?:Text\.)?unlines$/.test(tokens[j]?.text ?? "")) {
        const bound = bindings.get(tokens[j + 1]?.text ?? "");
        if (tokens[j + 1]?.text === "[") text = unlines(list(j + 1)[0]);
        else if (Array.isArray(bound)) text = unlines(bound);
      } else {
        const bound = bindings.get(tokens[j]?.text ?? "");
        if (typeof bound === "string") text = bound;
      }
      const settings = testSettings !== undefined ? testSettings : fileSettings;
      cases.push({
        file,
        test,
        code: tokens[k + 1]!.text,
        expect: t.text.endsWith("Not") ? "none" : "some",
        onbuild: t.text.startsWith("onBuild"),
        text,
        settings: settings === undefined ? {} : settings,
      });
    }
  }
  return cases;
}

/** The hadolint codes each hull rule answers for. */
const codesOf = new Map<string, string[]>(rules.map((r) => [r.id, [r.aliases?.hadolint ?? []].flat()]));
const known = new Set([...codesOf.values()].flat());

function reports(text: string, code: string, settings: Partial<LintSettings>): number {
  // hadolint's test helpers wrap each RUN in ONBUILD for the onBuild… variants; a file ends with a line break.
  const { diagnostics } = lint(`${text}\n`, { preset: "all", settings });
  return diagnostics.filter((d) => (d.hadolint ? d.hadolint === code : codesOf.get(d.ruleId)?.includes(code)))
    .length;
}

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: hadolint-cases.ts HADOLINT_CHECKOUT [--all]");
  process.exit(2);
}
const dir = join(root, "test/Hadolint/Rule");
// The rule specs, and the spec of inline ignores (`# hadolint ignore=…`), written with the same helpers.
const specs = [
  ...readdirSync(dir)
    .filter((f) => /^DL\d{4}Spec\.hs$/.test(f))
    .sort()
    .map((f) => join(dir, f)),
  join(root, "test/Hadolint/PragmaSpec.hs"),
];
const cases = specs.flatMap((f) => casesOf(basename(f), readFileSync(f, "utf8")));
const counts = {
  cases: cases.length,
  unread: 0,
  untranslatedConfig: 0,
  noHullRule: 0,
  same: 0,
  different: 0,
};
const different: string[] = [];
const byCode = new Map<string, number>();
for (const c of cases) {
  if (c.text === null) counts.unread++;
  else if (c.settings === null) counts.untranslatedConfig++;
  else if (!known.has(c.code)) counts.noHullRule++;
  else {
    let text = c.onbuild ? c.text.replace(/^RUN\b/gm, "ONBUILD RUN") : c.text;
    // A base that DL3026 (trusted registries) does not question, and whose WORKDIR and USER DL3045 and DL3002 do
    // not know, as hadolint knows no image.
    if (!/^\s*FROM\b/im.test(text)) text = `FROM ${c.code === "DL3026" ? "scratch" : "debian:12"}\n${text}`;
    const found = reports(text, c.code, c.settings);
    if ((c.expect === "none") === (found === 0)) counts.same++;
    else {
      counts.different++;
      byCode.set(c.code, (byCode.get(c.code) ?? 0) + 1);
      different.push(
        `${c.code} ${c.onbuild ? "onbuild " : ""}expects ${c.expect}, hull ${found} | ${c.test} | ${JSON.stringify(c.text)}`,
      );
    }
  }
}
console.log(JSON.stringify(counts));
console.log([...byCode].map(([code, n]) => `${code} ${n}`).join(", "));
if (args.includes("--all")) for (const line of different) console.log(line);
