// Runs the cases of BuildKit's own parser and shell-lexer tests through hull's parser and lists where hull differs.
//
//   pnpm exec tsx --conditions=@hull/source packages/parser/scripts/buildkit-cases.ts BUILDKIT_CHECKOUT
//
// From frontend/dockerfile of the checkout, as BuildKit's tests read them:
// - parser/testfiles/*: each Dockerfile parses without error, and its AST dump (`dump`, BuildKit's `Node.Dump`) is the
//   `result` file (parser_test.go, TestParseCases). hull also reports errors BuildKit leaves to a later stage (a CMD
//   before the first FROM), so only the dump is compared;
// - parser/testfiles-negative/*: each Dockerfile gives a parse error (TestParseErrorCases);
// - shell/envVarTest: `platform | word | expected` lines, the word expanded with PWD, SHELL, KOREAN and NULL set
//   (`expandWord`); `error` means the expansion fails. Windows-only lines are left out (TestShellParser4EnvVars);
// - shell/wordsTest: `ENV name=value` lines add a variable, `word | expected` lines split and expand the word into
//   the comma-separated words expected, or `error` (`expandWords`, TestShellParser4Words).
// Prints the counts, then each case where hull differs. Exits 1 when any does.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dump, expandWord, expandWords, parse } from "../src/index.js";

const checkout = process.argv[2];
if (!checkout) {
  process.stderr.write("usage: buildkit-cases.ts BUILDKIT_CHECKOUT\n");
  process.exit(2);
}
const root = join(checkout, "frontend", "dockerfile");
if (!existsSync(join(root, "parser", "testfiles"))) {
  process.stderr.write(`${root}: no parser/testfiles here; pass the root of a BuildKit checkout\n`);
  process.exit(2);
}

const differences: string[] = [];
const counts: Record<string, { same: number; different: number }> = {};
function check(suite: string, same: boolean, what: () => string): void {
  const count = (counts[suite] ??= { same: 0, different: 0 });
  if (same) count.same++;
  else {
    count.different++;
    differences.push(`${suite}: ${what()}`);
  }
}

const hasError = (text: string) => parse(text).diagnostics.some((d) => d.severity === "error");

for (const name of readdirSync(join(root, "parser", "testfiles")).sort()) {
  const dir = join(root, "parser", "testfiles", name);
  const text = readFileSync(join(dir, "Dockerfile"), "utf8");
  const expected = readFileSync(join(dir, "result"), "utf8");
  // BuildKit's test compares `Dump() + "\n"`; `dump` ends with that line break.
  const got = dump(parse(text).ast);
  check("testfiles", got === expected, () => {
    const lines = got.split("\n");
    const want = expected.split("\n");
    const at = lines.findIndex((line, i) => line !== want[i]);
    return `${name}, line ${at + 1}: ${JSON.stringify(lines[at])}, expected ${JSON.stringify(want[at])}`;
  });
}

for (const name of readdirSync(join(root, "parser", "testfiles-negative")).sort()) {
  const text = readFileSync(join(root, "parser", "testfiles-negative", name, "Dockerfile"), "utf8");
  check("testfiles-negative", hasError(text), () => `${name}: no parse error`);
}

const envVarEnv = new Map([
  ["PWD", "/home"],
  ["SHELL", "bash"],
  ["KOREAN", "한국어"],
  ["NULL", ""],
]);
for (const line of readFileSync(join(root, "shell", "envVarTest"), "utf8").split("\n")) {
  if (line.startsWith("#") || line.trim() === "") continue;
  const [platform, word, expected] = line.split("|").map((field) => field.trim());
  if (platform === "W") continue;
  const result = expandWord(word!, envVarEnv);
  const got = result.error === null ? result.value : "error";
  check(
    "envVarTest",
    got === expected,
    () => `${JSON.stringify(word)}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`,
  );
}

const wordsEnv = new Map<string, string>();
for (const line of readFileSync(join(root, "shell", "wordsTest"), "utf8").split("\n")) {
  if (line.startsWith("#") || line === "") continue;
  if (line.startsWith("ENV ")) {
    const pair = line.slice(3).trimStart();
    const eq = pair.indexOf("=");
    wordsEnv.set(pair.slice(0, eq), pair.slice(eq + 1));
    continue;
  }
  const [word, expectedText] = line.split("|");
  const expected = expectedText!.trimStart().split(",");
  const result = expandWords(word!.trim(), wordsEnv);
  const got = result.error === null ? result.words : ["error"];
  check(
    "wordsTest",
    JSON.stringify(got) === JSON.stringify(expected),
    () => `${JSON.stringify(word!.trim())}: ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`,
  );
}

process.stdout.write(`${JSON.stringify(counts)}\n`);
for (const difference of differences) process.stdout.write(`${difference}\n`);
process.exitCode = differences.length > 0 ? 1 : 0;
