import { resolve } from "node:path";
import { normalizeImageReference, parse, semanticModel } from "@hull/parser";
import { readImageConfig, type BaseImage } from "@hull/planner";
import { resolveImage, type RegistryOptions } from "./registry.js";
import type { Io } from "./io.js";

/** Reads one base image config file; a message naming the file when it cannot be used. */
export function readImageConfigFile(
  ref: string,
  file: string,
  io: Pick<Io, "cwd" | "readFile">,
): BaseImage | string {
  let json: unknown;
  try {
    json = JSON.parse(io.readFile(resolve(io.cwd, file)));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `${ref}: cannot read ${file}: ${why}`;
  }
  const image = readImageConfig(json);
  return "error" in image ? `${ref}: ${file}: ${image.error}` : image;
}

/** Reads `--image-config REF=FILE` pairs; a message naming the flag and file when one cannot be used. */
export function readImageConfigs(
  pairs: readonly string[],
  io: Pick<Io, "cwd" | "readFile">,
): Record<string, BaseImage> | string {
  const out: Record<string, BaseImage> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) return `--image-config expects REF=FILE, got "${pair}"`;
    const ref = pair.slice(0, eq);
    const image = readImageConfigFile(ref, pair.slice(eq + 1), io);
    if (typeof image === "string") return `--image-config ${image}`;
    out[ref] = image;
  }
  return out;
}

/** The external images the stages of a Dockerfile start from, as their FROM lines expand with the global ARGs. */
export function baseImageNames(text: string): string[] {
  const { ast } = parse(text);
  // A model of its own, not the parser's cache: this runs once per file of the run, and the parse dies here.
  const semantic = semanticModel(ast);
  const names = new Set<string>();
  for (const stage of ast.stages) {
    if (semantic.baseOf(stage)) continue;
    const name = semantic.baseName(stage);
    if (name !== null && name.toLowerCase() !== "scratch") names.add(name);
  }
  return [...names];
}

/** What `resolveBaseImages` read, and one line per problem for the user. */
export interface ResolvedImages {
  configs: Record<string, BaseImage>;
  warnings: string[];
}

/**
 * `hull lint --resolve`: reads the configs of images from their registries (linux/amd64), a few at a time. An
 * image that cannot be read is left unknown; when no image of a registry could be read, the registry gets one
 * warning instead of one per image.
 */
export async function resolveBaseImages(
  references: readonly string[],
  registry: RegistryOptions,
  parallel = 6,
): Promise<ResolvedImages> {
  const byName = new Map<string, string>();
  for (const ref of references) byName.set(normalizeImageReference(ref), ref);
  const queue = [...byName.values()];
  const results = new Map<string, { image: BaseImage } | { error: string }>();
  const worker = async () => {
    for (let ref = queue.shift(); ref !== undefined; ref = queue.shift())
      results.set(ref, await resolveImage(ref, { os: "linux", architecture: "amd64" }, registry));
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  const configs: Record<string, BaseImage> = {};
  const failed = new Map<string, { ref: string; error: string }[]>();
  const read = new Set<string>();
  for (const [ref, result] of results) {
    const host = normalizeImageReference(ref).split("/")[0]!;
    if ("image" in result) {
      configs[ref] = result.image;
      read.add(host);
    } else failed.set(host, [...(failed.get(host) ?? []), { ref, error: result.error }]);
  }
  const warnings: string[] = [];
  for (const [host, failures] of failed) {
    if (failures.length > 1 && !read.has(host)) {
      const first = failures[0]!;
      warnings.push(
        `cannot read the configs of ${failures.length} images from ${host} (${first.ref}: ${first.error}); linting without them`,
      );
    } else {
      for (const f of failures)
        warnings.push(`cannot read the config of ${f.ref}: ${f.error}; linting without it`);
    }
  }
  return { configs, warnings };
}
