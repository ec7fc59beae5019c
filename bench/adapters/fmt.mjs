// hull's formatter in ../shared/bench's harness, beside dockerfile-utils:format: format() parses, lays the file out
// and checks that BuildKit reads the result as it read the input. Build first: node scripts/bundle.mjs.
export const kind = "format";
export const note = "hull fmt (format(content): the formatted text, checked to read as the input does)";
export async function setup() {
  const { format } = await import(new URL("../dist/parser.mjs", import.meta.url).href);
  return (content) => format(content);
}
