// hull's linter, every rule on, in ../shared/bench's harness. Build first: node scripts/bundle.mjs.
export const kind = "lint";
export const note = "hull lint, preset all (every rule on)";
export async function setup() {
  const { lint } = await import(new URL("../dist/linter.mjs", import.meta.url).href);
  return (content, path) => lint(content, { filePath: path, preset: "all" });
}
