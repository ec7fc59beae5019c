import type { HealthcheckConfig, ImageConfig } from "./model.js";
import { newImageConfig, type MutableImageConfig } from "./image.js";

/** One history entry of a base image, as its config lists it. */
export interface BaseHistoryEntry {
  readonly created_by: string;
  readonly comment: string;
  readonly empty_layer: boolean;
}

/** What the planner knows of a base image once its config has been read. */
export interface BaseImage {
  readonly config: ImageConfig;
  /** The image's history; null when the source did not include it (`docker inspect` does not). */
  readonly history: readonly BaseHistoryEntry[] | null;
  readonly os: string | null;
  readonly architecture: string | null;
  /** The manifest digest the config was read through, when known; plans pin it. */
  readonly digest: string | null;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads a base image's config from any of the shapes tools print: `docker inspect` (an array of objects with
 * `Config`), `buildah inspect` (`OCIv1` and `Docker` sections), or a bare OCI/Docker image config as
 * `crane config`, `skopeo inspect --config` and registries serve it (`config`, `history`, `os`).
 * Returns a message naming the problem for anything else.
 */
export function readImageConfig(json: unknown, digest: string | null = null): BaseImage | { error: string } {
  const root = Array.isArray(json) ? (json.length === 1 ? (json[0] as unknown) : undefined) : json;
  if (Array.isArray(json) && json.length !== 1)
    return { error: `expected the inspect output of one image, got a list of ${json.length}` };
  if (!isObject(root)) return { error: "expected a JSON object (an image config or inspect output)" };
  // buildah inspect: the Docker section keeps Healthcheck, Shell and OnBuild, which the OCI format lacks.
  const buildah = [root["Docker"], root["OCIv1"]].find((s) => isObject(s) && isObject(s["config"]));
  if (isObject(buildah)) {
    const d = typeof root["FromImageDigest"] === "string" ? root["FromImageDigest"] : null;
    return fromImageConfig(buildah, digest ?? (d === "" ? null : d));
  }
  // docker inspect: `Config` with capitalised platform fields beside it.
  if (isObject(root["Config"]) || (root["Config"] === null && "Os" in root)) {
    const config = readConfig(root["Config"] ?? {});
    if ("error" in config) return config;
    const digests = Array.isArray(root["RepoDigests"]) ? root["RepoDigests"] : [];
    const first = typeof digests[0] === "string" ? digests[0] : "";
    return {
      config,
      history: null,
      os: str(root["Os"]),
      architecture: str(root["Architecture"]),
      digest: digest ?? (first.includes("@") ? first.slice(first.indexOf("@") + 1) : null),
    };
  }
  if ("config" in root || "rootfs" in root || "architecture" in root) return fromImageConfig(root, digest);
  if ("Layers" in root && "Digest" in root)
    return {
      error: "this is `skopeo inspect` output, which lacks most of the config: use `skopeo inspect --config`",
    };
  return {
    error: "not an image config: expected `config` (OCI), `Config` (docker inspect) or `OCIv1` (buildah)",
  };
}

function fromImageConfig(root: Json, digest: string | null): BaseImage | { error: string } {
  const config = readConfig(root["config"] ?? {});
  if ("error" in config) return config;
  const history: BaseHistoryEntry[] = [];
  if (root["history"] !== undefined && root["history"] !== null) {
    if (!Array.isArray(root["history"])) return { error: "`history` must be a list" };
    for (const h of root["history"] as unknown[]) {
      if (!isObject(h)) return { error: "each `history` entry must be an object" };
      history.push({
        created_by: str(h["created_by"]) ?? "",
        comment: str(h["comment"]) ?? "",
        empty_layer: h["empty_layer"] === true,
      });
    }
  }
  return { config, history, os: str(root["os"]), architecture: str(root["architecture"]), digest };
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function readConfig(c: unknown): ImageConfig | { error: string } {
  if (!isObject(c)) return { error: "`config` must be an object" };
  const out: MutableImageConfig = newImageConfig();
  const list = (key: string): readonly string[] | null | { error: string } => {
    const v = c[key];
    if (v === undefined || v === null) return null;
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
    // Some tools print a shell-form Cmd as a single string.
    if (typeof v === "string") return [v];
    return { error: `\`${key}\` must be a list of strings` };
  };
  const set = (key: string): Readonly<Record<string, Record<string, never>>> | null | { error: string } => {
    const v = c[key];
    if (v === undefined || v === null) return null;
    if (!isObject(v)) return { error: `\`${key}\` must be an object` };
    return Object.fromEntries(Object.keys(v).map((k) => [k, {}]));
  };
  for (const key of ["Env", "Entrypoint", "Cmd", "Shell", "OnBuild"] as const) {
    const v = list(key);
    if (v !== null && "error" in v) return v;
    out[key] = v;
  }
  for (const key of ["ExposedPorts", "Volumes"] as const) {
    const v = set(key);
    if (v !== null && "error" in v) return v as { error: string };
    out[key] = v;
  }
  for (const key of ["WorkingDir", "User", "StopSignal"] as const) {
    const v = c[key];
    if (v !== undefined && v !== null && typeof v !== "string")
      return { error: `\`${key}\` must be a string` };
    // Docker prints unset strings as "", which BuildKit treats as unset.
    out[key] = typeof v === "string" && v !== "" ? v : null;
  }
  const labels = c["Labels"];
  if (labels !== undefined && labels !== null) {
    if (!isObject(labels) || !Object.values(labels).every((v) => typeof v === "string"))
      return { error: "`Labels` must map strings to strings" };
    out.Labels = labels as Record<string, string>;
  }
  const hc = c["Healthcheck"];
  if (hc !== undefined && hc !== null) {
    if (!isObject(hc) || !Array.isArray(hc["Test"]))
      return { error: "`Healthcheck` must have a `Test` list" };
    const h: { -readonly [K in keyof HealthcheckConfig]: HealthcheckConfig[K] } = {
      Test: (hc["Test"] as unknown[]).map(String),
    };
    for (const k of ["Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"] as const) {
      const v = hc[k];
      if (typeof v === "number" && v !== 0) h[k] = v;
    }
    out.Healthcheck = h;
  }
  return out;
}
