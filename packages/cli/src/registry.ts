import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parseReference, readImageConfig, type BaseImage, type ImageReference } from "@hull/planner";

// A small client of the OCI distribution API, written here rather than taken from npm: what `hull plan --resolve`
// needs is three GETs (manifest, maybe a second manifest, the config blob) and the bearer-token dance, which
// Node's fetch does; the npm clients we looked at either pull whole images, shell out to a docker binary, or
// bring HTTP stacks and dependencies of their own. This is the only module of hull that talks to a network.

/** How `--resolve` reaches registries. */
export interface RegistryOptions {
  /** Milliseconds one request may take before the registry counts as unreachable. */
  readonly timeoutMs?: number;
  /** Registries (`host[:port]`) reached over plain HTTP besides localhost and 127.0.0.0/8. */
  readonly insecure?: readonly string[];
  /** Mirrors tried first for Docker Hub images, as `https://mirror.example` or `host:port`. */
  readonly mirrors?: readonly string[];
  /** Seconds a tag's digest is reused from the cache before the registry is asked again. */
  readonly tagTtlSeconds?: number;
  /** The cache folder; none when null. */
  readonly cacheDir?: string | null;
  /** Environment, for DOCKER_CONFIG, HOME and XDG_CACHE_HOME. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Current time in milliseconds (tests fix it). */
  readonly now?: () => number;
}

/** A resolved base image, or why it could not be. */
export type Resolution = { readonly image: BaseImage; readonly digest: string } | { readonly error: string };

const manifestTypes = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
].join(", ");

/** The default cache folder: `$XDG_CACHE_HOME/hull/registry`, else `~/.cache/hull/registry`. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env["XDG_CACHE_HOME"] || join(env["HOME"] || homedir(), ".cache");
  return join(base, "hull", "registry");
}

/** Whether a registry is reached over plain HTTP: loopback always (as Docker does), others when configured. */
export function isInsecure(domain: string, insecure: readonly string[] = []): boolean {
  const host = domain.startsWith("[") ? domain.slice(1, domain.indexOf("]")) : domain.replace(/:\d+$/, "");
  return (
    host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || insecure.includes(domain)
  );
}

/** Reads a base image's config from its registry: tag → manifest (→ the platform's manifest) → config blob. */
export async function resolveImage(
  reference: string,
  platform: { os: string; architecture: string; variant?: string | null },
  options: RegistryOptions = {},
): Promise<Resolution> {
  const ref = parseReference(reference);
  if (ref === null) return { error: `"${reference}" is not a valid image reference` };
  const client = new Client(ref, options);
  try {
    return await client.resolve(platform);
  } catch (error) {
    return { error: describe(error, client.lastUrl, options.timeoutMs ?? defaultTimeout) };
  }
}

const defaultTimeout = 10_000;

function describe(error: unknown, url: string, timeoutMs: number): string {
  if (error instanceof RegistryError) return error.message;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `${url}: no answer within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `${url}: ${e.message ?? String(error)}${cause ? ` (${cause})` : ""}`;
}

class RegistryError extends Error {}

class Client {
  lastUrl = "";
  private token: string | null = null;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly cacheDir: string | null;

  constructor(
    private readonly ref: ImageReference,
    private readonly options: RegistryOptions,
  ) {
    this.env = options.env ?? process.env;
    this.cacheDir = options.cacheDir === undefined ? defaultCacheDir(this.env) : options.cacheDir;
  }

  async resolve(platform: {
    os: string;
    architecture: string;
    variant?: string | null;
  }): Promise<Resolution> {
    const bases = this.bases();
    let lastError: unknown = null;
    for (const base of bases) {
      try {
        return await this.resolveAt(base, platform);
      } catch (error) {
        // A mirror that fails is skipped; the registry itself is the last word.
        lastError = error;
      }
    }
    throw lastError;
  }

  private bases(): string[] {
    const { domain } = this.ref;
    const own =
      domain === "docker.io"
        ? "https://registry-1.docker.io"
        : `${isInsecure(domain, this.options.insecure) ? "http" : "https"}://${domain}`;
    if (domain !== "docker.io") return [own];
    const mirrors = (this.options.mirrors ?? []).map((m) =>
      /^https?:\/\//.test(m)
        ? m.replace(/\/+$/, "")
        : `${isInsecure(m, this.options.insecure) ? "http" : "https"}://${m}`,
    );
    return [...mirrors, own];
  }

  private async resolveAt(
    base: string,
    platform: { os: string; architecture: string; variant?: string | null },
  ): Promise<Resolution> {
    const { tag, digest } = this.ref;
    const top = digest ?? (await this.tagDigest(base, tag ?? "latest"));
    let manifest = await this.manifest(base, top);
    if (Array.isArray(manifest["manifests"])) {
      const chosen = pickPlatform(manifest["manifests"] as unknown[], platform);
      if (chosen === null) {
        const wanted = [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
        throw new RegistryError(`${this.name()}: no manifest for platform ${wanted} in the image index`);
      }
      manifest = await this.manifest(base, chosen);
    }
    const config = manifest["config"] as { digest?: unknown } | undefined;
    if (typeof config?.digest !== "string")
      throw new RegistryError(`${this.name()}: the manifest names no config blob`);
    const blob = await this.blob(base, config.digest);
    let json: unknown;
    try {
      json = JSON.parse(blob.toString("utf8"));
    } catch {
      throw new RegistryError(`${this.name()}: the config blob ${config.digest} is not JSON`);
    }
    const image = readImageConfig(json, top);
    if ("error" in image) throw new RegistryError(`${this.name()}: ${image.error}`);
    return { image, digest: top };
  }

  private name(): string {
    return `${this.ref.domain}/${this.ref.path}`;
  }

  /** The digest a tag points at now, from the cache while its TTL lasts. */
  private async tagDigest(base: string, tag: string): Promise<string> {
    const key = sha256(`${base}/${this.ref.path}:${tag}`);
    const now = (this.options.now ?? Date.now)();
    const ttl = (this.options.tagTtlSeconds ?? 3600) * 1000;
    const cached = this.readCache(`tags/${key}.json`);
    if (cached) {
      try {
        const entry = JSON.parse(cached.toString("utf8")) as { digest: string; at: number };
        if (now - entry.at < ttl && (await this.hasCached(entry.digest))) return entry.digest;
      } catch {
        // A damaged cache entry is ignored and rewritten.
      }
    }
    const { body, digest } = await this.getManifest(base, tag);
    this.writeCache(`blobs/${digest.replace(":", "-")}`, body);
    this.writeCache(`tags/${key}.json`, Buffer.from(JSON.stringify({ digest, at: now })));
    return digest;
  }

  private async hasCached(digest: string): Promise<boolean> {
    return this.readCache(`blobs/${digest.replace(":", "-")}`) !== null;
  }

  private async manifest(base: string, digest: string): Promise<Record<string, unknown>> {
    let body = this.readCache(`blobs/${digest.replace(":", "-")}`);
    if (body === null) {
      const got = await this.getManifest(base, digest);
      body = got.body;
      this.writeCache(`blobs/${digest.replace(":", "-")}`, body);
    }
    try {
      return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw new RegistryError(`${this.name()}: the manifest ${digest} is not JSON`);
    }
  }

  private async getManifest(base: string, reference: string): Promise<{ body: Buffer; digest: string }> {
    const res = await this.get(`${base}/v2/${this.ref.path}/manifests/${reference}`, manifestTypes);
    const body = Buffer.from(await res.arrayBuffer());
    const computed = `sha256:${sha256(body)}`;
    // Content is addressed by its hash: a manifest asked for by digest must hash to it.
    if (reference.startsWith("sha256:") && reference !== computed)
      throw new RegistryError(`${this.name()}: the manifest served for ${reference} hashes to ${computed}`);
    return { body, digest: computed };
  }

  private async blob(base: string, digest: string): Promise<Buffer> {
    const cached = this.readCache(`blobs/${digest.replace(":", "-")}`);
    if (cached) return cached;
    const res = await this.get(`${base}/v2/${this.ref.path}/blobs/${digest}`, "*/*");
    const body = Buffer.from(await res.arrayBuffer());
    if (digest.startsWith("sha256:") && `sha256:${sha256(body)}` !== digest)
      throw new RegistryError(`${this.name()}: the blob served for ${digest} does not match its digest`);
    this.writeCache(`blobs/${digest.replace(":", "-")}`, body);
    return body;
  }

  /** GET with the bearer-token flow: a 401 names a realm, which hands out a token for the pull scope. */
  private async get(url: string, accept: string): Promise<Response> {
    let res = await this.fetch(url, accept, this.authorization());
    if (res.status === 401) {
      const challenge = res.headers.get("www-authenticate") ?? "";
      await res.arrayBuffer();
      const auth = await this.answer(challenge);
      if (auth !== null) res = await this.fetch(url, accept, auth);
    }
    if (!res.ok) {
      await res.arrayBuffer().catch(() => undefined);
      const what =
        res.status === 404 ? "not found" : res.status === 401 ? "unauthorized" : `HTTP ${res.status}`;
      throw new RegistryError(`${this.name()}: ${what} (${url})`);
    }
    return res;
  }

  private authorization(): string | null {
    return this.token === null ? null : `Bearer ${this.token}`;
  }

  private async answer(challenge: string): Promise<string | null> {
    const scheme = challenge.split(" ")[0]?.toLowerCase();
    const credentials = this.credentials();
    if (scheme === "basic") return credentials ? `Basic ${credentials}` : null;
    if (scheme !== "bearer") return null;
    const params = Object.fromEntries(
      [...challenge.slice(7).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]),
    );
    const realm = params["realm"];
    if (!realm) return null;
    const tokenUrl = new URL(realm);
    if (params["service"]) tokenUrl.searchParams.set("service", params["service"]);
    tokenUrl.searchParams.set("scope", params["scope"] ?? `repository:${this.ref.path}:pull`);
    const res = await this.fetch(
      tokenUrl.toString(),
      "application/json",
      credentials ? `Basic ${credentials}` : null,
    );
    if (!res.ok) {
      await res.arrayBuffer().catch(() => undefined);
      throw new RegistryError(`${this.name()}: the token service answered HTTP ${res.status} (${realm})`);
    }
    const body = (await res.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`${this.name()}: the token service gave no token (${realm})`);
    this.token = token;
    return `Bearer ${token}`;
  }

  /** `user:password` in base64 from the Docker config's `auths`, for this registry. */
  private credentials(): string | null {
    const dir = this.env["DOCKER_CONFIG"] || join(this.env["HOME"] || homedir(), ".docker");
    let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
    try {
      config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as typeof config;
    } catch {
      return null;
    }
    const domain = this.ref.domain;
    const keys =
      domain === "docker.io"
        ? ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"]
        : [domain, `https://${domain}`, `http://${domain}`];
    for (const [key, entry] of Object.entries(config.auths ?? {})) {
      const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
      if (!keys.includes(key) && !keys.includes(host)) continue;
      if (entry.auth) return entry.auth;
      if (entry.username && entry.password)
        return Buffer.from(`${entry.username}:${entry.password}`).toString("base64");
    }
    return null;
  }

  private async fetch(url: string, accept: string, authorization: string | null): Promise<Response> {
    this.lastUrl = url;
    const headers: Record<string, string> = { accept };
    if (authorization) headers["authorization"] = authorization;
    return fetch(url, {
      headers,
      redirect: "follow",
      signal: AbortSignal.timeout(this.options.timeoutMs ?? defaultTimeout),
    });
  }

  private readCache(name: string): Buffer | null {
    if (this.cacheDir === null) return null;
    try {
      return readFileSync(join(this.cacheDir, name));
    } catch {
      return null;
    }
  }

  private writeCache(name: string, body: Buffer): void {
    if (this.cacheDir === null) return;
    try {
      const file = join(this.cacheDir, name);
      mkdirSync(join(file, ".."), { recursive: true });
      // Write then rename, so that a concurrent reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, body);
      renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs a later request.
    }
  }
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The digest of the index entry for the platform (a missing variant matches any, as containerd's matcher does). */
function pickPlatform(
  manifests: readonly unknown[],
  want: { os: string; architecture: string; variant?: string | null },
): string | null {
  let fallback: string | null = null;
  for (const m of manifests) {
    const entry = m as {
      digest?: unknown;
      platform?: { os?: string; architecture?: string; variant?: string };
    };
    if (typeof entry.digest !== "string" || !entry.platform) continue;
    const p = entry.platform;
    if (p.os !== want.os || p.architecture !== want.architecture) continue;
    if (!want.variant || p.variant === want.variant) return entry.digest;
    if (!p.variant) fallback ??= entry.digest;
  }
  return fallback;
}
