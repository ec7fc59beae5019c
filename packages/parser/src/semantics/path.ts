/**
 * A slash path's segments cleaned as Go's `path.Clean` cleans them, joined without a leading or trailing `/`: `.`
 * and empty segments go, and `..` removes the segment before it (none above the start). "" for the start itself.
 */
export function cleanSegments(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/**
 * A slash path made absolute and clean, as Go's `path.Clean` of `/` + the path. How BuildKit resolves a relative
 * WORKDIR or destination against the working directory (`path.Join`).
 */
export function cleanPath(path: string): string {
  return `/${cleanSegments(path)}`;
}

/**
 * The working directory a WORKDIR of `value` sets after `current`, as BuildKit's `NormalizeWorkdir` makes it on
 * Linux: an absolute path kept as written (`//x//y`, `/a/../b/`), a relative one joined to the current one and
 * cleaned, and an empty one keeping the current one.
 */
export function workdirAfter(current: string, value: string): string {
  if (value === "") return current;
  return value.startsWith("/") ? value : cleanPath(`${current}/${value}`);
}
