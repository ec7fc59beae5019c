/** An image reference split as the distribution spec names its parts, with Docker's defaults filled in. */
export interface ImageReference {
  /** Registry host (and port): `docker.io` when the name has none. */
  readonly domain: string;
  /** Repository path inside the registry: `library/alpine` for Docker Hub's official images. */
  readonly path: string;
  /** Tag; `latest` when neither a tag nor a digest is given. */
  readonly tag: string | null;
  readonly digest: string | null;
}

const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const tagPattern = /^\w[\w.-]{0,127}$/;
const pathPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * Parses `[domain/]path[:tag][@digest]` with Docker's rules: the first component is a registry only when it
 * has a dot or a port or is `localhost`; Docker Hub names get `docker.io` and, for one component, `library/`.
 * Returns null for a name that is not a valid reference.
 */
export function parseReference(text: string): ImageReference | null {
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) return null;
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag)) return null;
  }
  const slash = rest.indexOf("/");
  const first = slash < 0 ? "" : rest.slice(0, slash);
  let domain = "docker.io";
  let path = rest;
  if (slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    domain = first;
    path = rest.slice(slash + 1);
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (!pathPattern.test(path)) return null;
  if (domain === "docker.io" && !path.includes("/")) path = `library/${path}`;
  if (tag === null && digest === null) tag = "latest";
  return { domain, path, tag, digest };
}

/** The fully qualified form, `docker.io/library/alpine:3.20`, that two spellings of one image share. */
export function formatReference(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}${ref.tag === null ? "" : `:${ref.tag}`}${ref.digest === null ? "" : `@${ref.digest}`}`;
}

/** The canonical spelling of a reference, or the text itself when it does not parse. */
export function normalizeReference(text: string): string {
  const ref = parseReference(text);
  return ref === null ? text : formatReference(ref);
}
