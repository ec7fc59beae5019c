// Times parse on a 1 MB and a 10 MB Dockerfile made by joining the files of a directory (linear time check).
// Usage: pnpm tsx --conditions=@hull/source packages/parser/scripts/parse-size.ts DIR
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../src/index.js";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: parse-size.ts DIR\n");
  process.exit(2);
}
let text = "";
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (statSync(path).isFile()) text += readFileSync(path, "utf8") + "\n";
  if (text.length >= 1_000_000) break;
}
const oneMb = text.slice(0, 1_000_000);
const fastest = (input: string) => {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    parse(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
};
parse(oneMb);
const one = fastest(oneMb);
const ten = fastest(oneMb.repeat(10));
process.stdout.write(
  `1 MB: ${one.toFixed(0)} ms; 10 MB: ${ten.toFixed(0)} ms; ratio ${(ten / one).toFixed(1)}\n`,
);
