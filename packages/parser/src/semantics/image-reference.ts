// The grammar of distribution/reference, which BuildKit's ParseNormalizedNamed applies to a base name.
const alphanumeric = "[a-z0-9]+";
const separator = "(?:[._]|__|-+)";
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const name = `(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = "[\\w][\\w.-]{0,127}";
const digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);

/** Hex lengths of the digest algorithms that images use; any other algorithm is refused. */
const digestLengths: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** An image reference split as Docker splits it. */
export interface ImageReference {
  /** Everything before the tag and digest, registry host included. */
  readonly name: string;
  /** The registry host as Docker decides it (lower-cased), `docker.io` when the name has none. */
  readonly registry: string;
  readonly tag: string | null;
  /** The offset of the tag in the text (the end of the name when there is no tag). */
  readonly tagStart: number;
  readonly digest: string | null;
}

/**
 * The registry host part of a name, as distribution/reference's `splitDockerDomain` decides: the part before the
 * first `/` when it has a dot or a colon, is `localhost`, or has capitals; null otherwise (Docker Hub).
 */
function domainOf(reference: string): string | null {
  const slash = reference.indexOf("/");
  if (slash < 0) return null;
  const first = reference.slice(0, slash);
  return /[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase() ? first : null;
}

/** Splits `[registry/]name[:tag][@digest]` without validating it (see `imageReferenceProblem`). */
export function splitImageReference(text: string): ImageReference {
  const at = text.indexOf("@");
  const digest = at >= 0 ? text.slice(at + 1) : null;
  const rest = at >= 0 ? text.slice(0, at) : text;
  const colon = rest.lastIndexOf(":");
  const tagged = colon > rest.lastIndexOf("/");
  const name = tagged ? rest.slice(0, colon) : rest;
  const registry = domainOf(name)?.toLowerCase() ?? "docker.io";
  return tagged
    ? { name, registry, tag: rest.slice(colon + 1), tagStart: colon + 1, digest }
    : { name, registry, tag: null, tagStart: rest.length, digest };
}

/** Checks an image reference (`[host[:port]/]path[:tag][@algo:hex]`); returns why it is invalid, or null. */
export function imageReferenceProblem(reference: string): string | null {
  if (reference === "") return "it is empty";
  if (/^[a-f0-9]{64}$/.test(reference)) return "a 64-character hexadecimal string is an image ID, not a name";
  // The part before the first `/` is a registry host when it has a dot or a colon, is `localhost`, or has capitals.
  const domain = domainOf(reference);
  const remainder = domain === null ? reference : reference.slice(domain.length + 1);
  const repository = remainder.split(/[:@]/)[0]!;
  if (repository !== repository.toLowerCase()) return "the repository name must be lowercase";
  const match = referencePattern.exec(reference);
  if (!match) return "it does not follow the [registry/]name[:tag][@digest] format";
  if (match[1]!.length > 255) return "the name is longer than 255 characters";
  const [algorithm, hex] = (match[3] ?? "").split(":");
  if (match[3] !== undefined) {
    const length = digestLengths[algorithm!];
    if (length === undefined) return `the digest algorithm '${algorithm}' is not supported`;
    if (!new RegExp(`^[a-f0-9]{${length}}$`).test(hex!))
      return `a ${algorithm} digest has ${length} lowercase hex digits`;
  }
  return null;
}

/**
 * The one spelling that every way of writing an image shares, as Docker normalises a name: `alpine`,
 * `library/alpine:latest` and `docker.io/library/alpine:latest` all become the last. Not validated.
 */
export function normalizeImageReference(text: string): string {
  const ref = splitImageReference(text);
  const domain = domainOf(ref.name);
  let path = domain === null ? ref.name : ref.name.slice(domain.length + 1);
  const registry = ref.registry === "index.docker.io" ? "docker.io" : ref.registry;
  if (registry === "docker.io" && !path.includes("/")) path = `library/${path}`;
  const tag = ref.tag ?? (ref.digest === null ? "latest" : null);
  return `${registry}/${path}${tag === null ? "" : `:${tag}`}${ref.digest === null ? "" : `@${ref.digest}`}`;
}

/**
 * The key of the named build context (`--build-context NAME=VALUE`, a bake file's `contexts`) that a FROM or
 * `--from` name reads instead of an image, if the build passes one: the name as given, or a key naming the same
 * image, since BuildKit looks a context up by the image's short name (`alpine`, `alpine:latest` and
 * `docker.io/library/alpine` are one). Undefined when the build passes none for it.
 */
export function namedContextKey(
  contexts: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  if (Object.hasOwn(contexts, name)) return name;
  const keys = Object.keys(contexts);
  if (keys.length === 0 || imageReferenceProblem(name) !== null) return undefined;
  const image = normalizeImageReference(name);
  return keys.find((k) => imageReferenceProblem(k) === null && normalizeImageReference(k) === image);
}
