import type { Case } from "./cases.js";
import { planSchema } from "../../src/index.js";

/** What buildah built: the `Docker` section of `buildah inspect` and the stages it ran. */
export interface Buildah {
  readonly image: {
    readonly config: Record<string, unknown>;
    readonly history?: readonly { created_by?: string; empty_layer?: boolean }[];
  };
  readonly stagesBuilt: readonly number[];
}

/** The parts of `hull plan --format json --run` the suite reads. */
export interface PlanJson {
  readonly stages: readonly { index: number; pruned: boolean }[];
  readonly image: {
    /** The image the target's chain of stages starts from, or null for scratch. */
    readonly baseImage: string | null;
    readonly config: Record<string, unknown>;
    readonly unknown: readonly string[];
    readonly history: readonly { created_by: string; empty_layer: boolean }[];
  } | null;
  readonly run?: { readonly argv: readonly string[]; readonly complete: boolean };
}

/** How one field came out: the same, the same once buildah's known difference is set to BuildKit's rule, … */
export interface FieldResult {
  readonly status: "agree" | "adjusted" | "unknown" | "differ";
  readonly detail: string;
}

export interface Outcome {
  readonly name: string;
  readonly fields: Record<string, FieldResult>;
}

/** The image config keys the plan states, as its JSON schema lists them. */
const configKeys = planSchema.definitions.image.properties.config.required;

/** Unset, empty list, empty map and empty string all mean "not set" in an image config. */
function normal(key: string, v: unknown): unknown {
  if (v === null || v === undefined || v === "") return null;
  if (Array.isArray(v)) return v.length === 0 ? null : v;
  if (typeof v === "object") {
    const o = { ...(v as Record<string, unknown>) };
    // buildah stamps its own version on every image; BuildKit adds no label.
    if (key === "Labels") delete o["io.buildah.version"];
    if (key === "Healthcheck") for (const k of Object.keys(o)) if (o[k] === 0) delete o[k];
    const keys = Object.keys(o).sort();
    if (keys.length === 0) return null;
    return Object.fromEntries(keys.map((k) => [k, key === "ExposedPorts" || key === "Volumes" ? {} : o[k]]));
  }
  return v;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * buildah wraps shell-form CMD and ENTRYPOINT in `/bin/sh -c` whatever SHELL says; BuildKit uses SHELL
 * (dockerfile2llb/convert.go dispatchCmd and dispatchEntrypoint call withShell). Returns the value BuildKit writes.
 */
function withBuildKitShell(value: unknown, shell: unknown): unknown {
  if (!Array.isArray(shell) || !Array.isArray(value) || value.length !== 3) return value;
  if (value[0] !== "/bin/sh" || value[1] !== "-c") return value;
  return [...(shell as string[]), value[2]];
}

/**
 * buildah keeps a port range as one key (`7000-7010/tcp`); BuildKit lists every port of it
 * (dockerfile2llb/convert_expose.go parsePort). Returns the keys BuildKit writes.
 */
function expandRanges(ports: unknown): unknown {
  if (typeof ports !== "object" || ports === null) return ports;
  const out: Record<string, object> = {};
  for (const key of Object.keys(ports)) {
    const m = /^(\d+)-(\d+)\/(\w+)$/.exec(key);
    if (!m) out[key] = {};
    else for (let p = Number(m[1]); p <= Number(m[2]); p++) out[`${p}/${m[3]}`] = {};
  }
  return out;
}

/** Compares one case field by field, adjusting buildah's answer where it is known to differ from BuildKit. */
export function compare(b: Buildah, hull: PlanJson, c: Case): Outcome {
  const fields: Record<string, FieldResult> = {};
  const image = hull.image;
  if (image === null)
    return { name: c.name, fields: { image: { status: "differ", detail: "hull has no image" } } };
  const bc = b.image.config;
  const adjusted: Record<string, unknown> = {};
  for (const key of configKeys) {
    const theirs = normal(key, bc[key]);
    const ours = normal(key, image.config[key]);
    let status: FieldResult["status"];
    if (image.unknown.includes(key)) status = "unknown";
    else if (same(theirs, ours)) status = "agree";
    else if (
      (key === "Cmd" || key === "Entrypoint") &&
      same(normal(key, withBuildKitShell(bc[key], bc["Shell"])), ours)
    )
      status = "adjusted";
    else if (key === "ExposedPorts" && same(normal(key, expandRanges(bc[key])), ours)) status = "adjusted";
    // BuildKit's config of an empty image has the working directory `/` (dockerfile2llb/image.go emptyImage);
    // buildah's has none.
    else if (key === "WorkingDir" && theirs === null && ours === "/" && image.baseImage === null)
      status = "adjusted";
    else status = "differ";
    adjusted[key] =
      status === "adjusted" && key !== "ExposedPorts" ? withBuildKitShell(bc[key], bc["Shell"]) : bc[key];
    fields[key] = { status, detail: `buildah ${JSON.stringify(theirs)}, hull ${JSON.stringify(ours)}` };
  }

  // History: how many entries, and which are empty layers.
  let history = [...(b.image.history ?? [])];
  let historyAdjusted = false;
  // BuildKit writes no history for ONBUILD (convert.go dispatchOnbuild); buildah records a `#(nop) ONBUILD` entry.
  const withoutOnbuild = history.filter((h) => !/#\(nop\) ONBUILD /i.test(h.created_by ?? ""));
  if (withoutOnbuild.length !== history.length) historyAdjusted = true;
  history = withoutOnbuild;
  const ours = image.history;
  const flags = history.map((h, i) => {
    // BuildKit's WORKDIR makes the directory in a layer of its own unless it is `/` (convert.go dispatchWorkdir);
    // buildah marks it an empty layer.
    if (/#\(nop\) WORKDIR /i.test(h.created_by ?? "") && ours[i] && /^WORKDIR /.test(ours[i].created_by)) {
      if (ours[i].empty_layer !== (h.empty_layer === true)) historyAdjusted = true;
      return ours[i].empty_layer;
    }
    return h.empty_layer === true;
  });
  const theirsPattern = flags.map((e) => (e ? "0" : "L")).join("");
  const oursPattern = ours.map((h) => (h.empty_layer ? "0" : "L")).join("");
  fields["history"] = {
    status: image.unknown.includes("History")
      ? "unknown"
      : theirsPattern === oursPattern
        ? historyAdjusted
          ? "adjusted"
          : "agree"
        : "differ",
    detail: `buildah ${theirsPattern} (${b.image.history?.length ?? 0} entries), hull ${oursPattern}`,
  };

  const built = [...b.stagesBuilt].sort((x, y) => x - y);
  const planned = hull.stages.filter((s) => !s.pruned).map((s) => s.index);
  fields["stages"] = {
    status: same(built, planned) ? "agree" : "differ",
    detail: `buildah built ${built.join(",")}, hull plans ${planned.join(",")}`,
  };

  // What `docker run IMAGE` starts: ENTRYPOINT then CMD, from the (adjusted) config buildah wrote.
  const entrypoint = (normal("Entrypoint", adjusted["Entrypoint"]) as string[] | null) ?? [];
  const cmd = (normal("Cmd", adjusted["Cmd"]) as string[] | null) ?? [];
  const argv = [...entrypoint, ...cmd];
  const run = hull.run;
  fields["argv"] = {
    status:
      run === undefined || !run.complete
        ? "unknown"
        : same(argv, run.argv)
          ? fields["Cmd"]?.status === "adjusted" || fields["Entrypoint"]?.status === "adjusted"
            ? "adjusted"
            : "agree"
          : "differ",
    detail: `buildah ${JSON.stringify(argv)}, hull ${JSON.stringify(run?.argv ?? null)}`,
  };
  return { name: c.name, fields };
}
