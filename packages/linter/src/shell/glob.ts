/**
 * True when `name` matches the shell glob `pattern` (`*`, `?`, `[…]` and `[!…]`) as one path segment, or equals
 * it when it has no glob character. A malformed bracket (`[z-a]`) matches nothing, as the shell then passes the
 * word on as written.
 */
export function segmentGlobMatch(pattern: string, name: string): boolean {
  if (!/[*?[]/.test(pattern)) return pattern === name;
  const source = pattern
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".")
    .replace(/\[!/g, "[^");
  try {
    return new RegExp(`^${source}$`).test(name);
  } catch {
    return false;
  }
}
