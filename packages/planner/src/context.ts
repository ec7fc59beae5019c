import { cleanContextPath, type Dockerignore } from "@hull/parser";

function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close > i) {
        re += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = close;
      } else re += "\\[";
    } else if (c === "\\" && i + 1 < glob.length) {
      re += `\\${glob[++i] as string}`;
    } else re += c.replace(/[.+^${}()|\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Whether a changed context path falls under a COPY source (a path, a directory or a glob). */
export function sourceCovers(source: string, changed: string): boolean {
  const src = cleanContextPath(source);
  const p = cleanContextPath(changed);
  if (src === "") return true;
  if (p === src || p.startsWith(`${src}/`)) return true;
  if (!/[*?[]/.test(src)) return false;
  // A glob matches the path itself or one of its parent directories (then the whole directory is copied).
  const re = globToRegExp(src);
  const parts = p.split("/");
  for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join("/"))) return true;
  return false;
}

/** The content placeholder of a context source: `changed` when a non-ignored changed path falls under it. */
export function contentPlaceholder(source: string, changed: readonly string[], ig: Dockerignore): string {
  const hit = changed.filter((c) => !ig.ignores(c) && sourceCovers(source, c));
  return hit.length === 0
    ? `context:${cleanContextPath(source) || "."}`
    : `context:${cleanContextPath(source) || "."}@changed:${hit.sort().join(",")}`;
}
