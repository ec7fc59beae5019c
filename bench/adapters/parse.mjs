// hull's parser in ../shared/bench's harness: parse() builds the whole typed AST, every argument and flag included.
// Build first: node scripts/bundle.mjs (writes bench/dist/).
export const kind = "parse";
export const note = "hull parse (full typed AST, all arguments and flags materialised)";
export async function setup() {
  const { parse } = await import(new URL("../dist/parser.mjs", import.meta.url).href);
  return (content) => parse(content);
}
