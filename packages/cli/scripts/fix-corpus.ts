import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkFix, type FixCheck } from "../test/fix-check.js";

/**
 * Runs `hull lint --fix`'s core on every file of a directory, with safe fixes and then with unsafe ones too, and
 * reports files changed, fixes per rule, and the files that break a promise: idempotence, no new parse errors,
 * no new findings, and (safe fixes) cache keys of untouched instructions unchanged.
 * Usage: tsx --conditions=@hull/source packages/cli/scripts/fix-corpus.ts DIR
 */
function main(dir: string | undefined): number {
  if (!dir) {
    process.stderr.write("usage: fix-corpus.ts DIR\n");
    return 2;
  }
  const names = readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort();
  let failures = 0;
  for (const unsafe of [false, true]) {
    const perRule = new Map<string, { fixes: number; files: number }>();
    const broken: [string, FixCheck][] = [];
    let changed = 0;
    let keysKept = 0;
    let keysTotal = 0;
    let filesAllKeysKept = 0;
    const editedKeys: string[] = [];
    const start = performance.now();
    for (const name of names) {
      const check = checkFix(readFileSync(join(dir, name), "utf8"), unsafe);
      if (check.changed) changed++;
      for (const [id, n] of Object.entries(check.fixed)) {
        const entry = perRule.get(id) ?? { fixes: 0, files: 0 };
        entry.fixes += n;
        entry.files++;
        perRule.set(id, entry);
      }
      keysKept += check.keysKept;
      keysTotal += check.keysTotal;
      if (check.changed && check.keysKept === check.keysTotal) filesAllKeysKept++;
      for (const where of check.editedKeyChanges) editedKeys.push(`${name}: ${where}`);
      if (
        check.notIdempotent ||
        check.newParseErrors.length ||
        check.moreFindings.length ||
        check.keyChanges.length
      )
        broken.push([name, check]);
    }
    const seconds = (performance.now() - start) / 1000;
    const total = [...perRule.values()].reduce((s, e) => s + e.fixes, 0);
    const out = [
      `## ${unsafe ? "--fix --unsafe-fixes" : "--fix (safe fixes)"}: ${names.length} files, ${seconds.toFixed(1)} s (fix twice, parse, lint, plan per file)`,
      `files changed: ${changed}; fixes: ${total}`,
      `idempotent: ${names.length - broken.filter(([, c]) => c.notIdempotent).length}/${names.length}`,
      `new parse errors: ${broken.filter(([, c]) => c.newParseErrors.length).length} files`,
      `more findings of a rule after the fix: ${broken.filter(([, c]) => c.moreFindings.length).length} files`,
    ];
    if (!unsafe)
      out.push(
        `cache keys: ${keysKept}/${keysTotal} plan nodes of changed files kept their exact key; ` +
          `${filesAllKeysKept}/${changed} changed files kept every key; ` +
          `unexplained key changes (node and inputs unchanged): ${broken.filter(([, c]) => c.keyChanges.length).length} files`,
      );
    out.push("", "| rule | fixes | files |", "|---|---:|---:|");
    for (const [id, e] of [...perRule].sort(([a], [b]) => (a < b ? -1 : 1)))
      out.push(`| ${id} | ${e.fixes} | ${e.files} |`);
    for (const name of editedKeys) out.push(`edited node with a new cache key: ${name}`);
    for (const [name, c] of broken.slice(0, 20))
      out.push(
        `BROKEN ${name}: ${JSON.stringify({ notIdempotent: c.notIdempotent, newParseErrors: c.newParseErrors, moreFindings: c.moreFindings, keyChanges: c.keyChanges })}`,
      );
    process.stdout.write(`${out.join("\n")}\n\n`);
    failures += broken.length;
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = main(process.argv[2]);
