import { imageReferenceProblem, splitImageReference } from "@hull/parser";

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

/**
 * Parses `[domain/]path[:tag][@digest]` with Docker's reference grammar, which the parser's image-reference reader
 * implements (one reader for the linter and the planner), and fills in Docker's defaults: `docker.io` when the
 * first component is not a registry host, `library/` for one-component Docker Hub names, `latest` when neither a
 * tag nor a digest is given. Returns null for a name that is not a valid reference.
 */
export function parseReference(text: string): ImageReference | null {
  if (imageReferenceProblem(text) !== null) return null;
  const split = splitImageReference(text);
  const hub = split.registry === "docker.io" || split.registry === "index.docker.io";
  // The name without its registry host: a host is whatever the reader took as the registry.
  const hasHost =
    split.name.includes("/") && split.name.slice(0, split.name.indexOf("/")).toLowerCase() === split.registry;
  let path = hasHost ? split.name.slice(split.name.indexOf("/") + 1) : split.name;
  if (hub && !path.includes("/")) path = `library/${path}`;
  const tag = split.tag === null && split.digest === null ? "latest" : split.tag;
  return { domain: hub ? "docker.io" : split.registry, path, tag, digest: split.digest };
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
