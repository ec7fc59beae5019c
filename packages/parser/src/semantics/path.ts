/**
 * A slash path made absolute and clean, as Go's `path.Clean` of `/` + the path: `.` and empty segments go, `..`
 * removes the segment before it (none above the root). How BuildKit resolves a relative WORKDIR or destination
 * against the working directory (`path.Join`).
 */
export function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}
