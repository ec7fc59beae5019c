/**
 * What a COPY or ADD source names, as BuildKit's dispatch decides it (convert_copy.go, with dfgitutil's ParseGitRef):
 * - `git`: a repository ADD clones: `git://…`, `ssh://…`, an scp-style `user@host:path`, or an `http(s)://` URL whose
 *   path (before `?` and `#`) ends in `.git`;
 * - `url`: a file ADD downloads: any other URL that starts with `http://` or `https://`, in lower case;
 * - `local`: a path in the build context or the `--from` stage. That includes what only looks remote: `ftp://…` and
 *   other schemes, `HTTPS://…`, and `github.com/org/repo`, which BuildKit reads as a remote only for build contexts.
 *
 * COPY takes local sources only; BuildKit stops the build on a `git` or `url` one.
 */
export type SourceKind = "git" | "url" | "local";

const scheme = /^([a-zA-Z0-9]+):\/\//;
/** sshutil's scp-style form: user, host, then the path after a colon. */
const scpStyle = /^[\w-]+@[a-zA-Z0-9.-]+:/;

/** The kind of a COPY/ADD source, its variables already expanded. */
export function sourceKind(source: string): SourceKind {
  if (source.startsWith("./") || source.startsWith("../") || source.startsWith("github.com/")) return "local";
  const m = scheme.exec(source);
  if (m === null) return scpStyle.test(source) ? "git" : "local";
  const protocol = m[1]!.toLowerCase();
  if (protocol === "git" || protocol === "ssh") return "git";
  if (protocol !== "http" && protocol !== "https") return "local";
  // The URL's path: after the host, before the query and the fragment.
  const rest = source.slice(m[0].length);
  const hostEnd = rest.search(/[/?#]|$/);
  const pathEnd = rest.slice(hostEnd).search(/[?#]|$/) + hostEnd;
  if (rest.slice(hostEnd, pathEnd).endsWith(".git")) return "git";
  return source.startsWith("http://") || source.startsWith("https://") ? "url" : "local";
}
