/** Parses `--build-context NAME=VALUE` options into contexts by name; a message when one is not of that form. */
export function namedContexts(pairs: readonly string[]): Record<string, string> | string {
  const contexts: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) return `--build-context expects NAME=VALUE, got "${pair}"`;
    contexts[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return contexts;
}
