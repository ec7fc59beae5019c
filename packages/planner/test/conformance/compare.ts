import type { Case } from "./cases.js";
import { planSchema } from "../../src/index.js";

/** What buildah built: the `Docker` section of `buildah inspect` and the stages it ran. */
export interface Buildah {
  readonly image: {
    readonly config: Record<string, unknown>;
    readonly history?: readonly { created_by?: string; empty_layer?: boolean }[];
  };
  readonly stagesBuilt: readonly number[];
  /**
   * The files of the image's k-th layer (path without the leading slash → content), read on demand: the layers of
   * the COPY and ADD steps are compared with where hull says they write and which context files they read.
   */
  readonly layer?: (k: number) => Readonly<Record<string, string>>;
}

/** The parts of `hull plan --format json --run` the suite reads. */
export interface PlanJson {
  readonly stages: readonly { index: number; pruned: boolean }[];
  readonly image: {
    /** The image the target's chain of stages starts from, or null for scratch. */
    readonly baseImage: string | null;
    readonly config: Record<string, unknown>;
    readonly unknown: readonly string[];
    readonly history: readonly { created_by: string; empty_layer: boolean; node: string | null }[];
  } | null;
  readonly run?: { readonly argv: readonly string[]; readonly complete: boolean };
  readonly nodes?: readonly { readonly id: string; readonly op: Record<string, unknown> }[];
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
export function compare(
  b: Buildah,
  hull: PlanJson,
  c: Case,
  reads: ReadonlyMap<string, readonly string[]> = new Map(),
): Outcome {
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
  const copies = compareCopies(b, hull, c, reads);
  if (copies) fields["copies"] = copies;
  return { name: c.name, fields };
}

/**
 * What the COPY and ADD steps wrote: each file of the step's layer must be at or under the destination hull
 * resolved, and, for a step reading the context, the context files whose content is in the layer must be the ones
 * hull says the step reads (`reads`: those whose change rebuilds it, as `invalidate` answers). Steps are matched to
 * layers through the history, entry by entry; when the histories do not line up the history field says so and
 * nothing is compared here.
 */
function compareCopies(
  b: Buildah,
  hull: PlanJson,
  c: Case,
  reads: ReadonlyMap<string, readonly string[]>,
): FieldResult | null {
  const image = hull.image;
  if (!image || !b.layer || !hull.nodes) return null;
  const theirs = (b.image.history ?? []).map((h, k) => ({ h, k }));
  const entries = theirs.filter(({ h }) => !/#\(nop\) ONBUILD /i.test(h.created_by ?? ""));
  if (entries.length !== image.history.length) return null;
  const layerOf = (k: number) => theirs.slice(0, k).filter(({ h }) => h.empty_layer !== true).length;
  const context: Record<string, string> = { ...c.files, Dockerfile: c.dockerfile };
  const problems: string[] = [];
  let checked = 0;
  for (const [i, ours] of image.history.entries()) {
    const entry = entries[i];
    const node = hull.nodes.find((n) => n.id === ours.node);
    if (!entry || entry.h.empty_layer === true || !node) continue;
    const op = node.op;
    if (op["op"] !== "file" || (op["action"] !== "copy" && op["action"] !== "add")) continue;
    checked++;
    const k = layerOf(entry.k);
    const files = b.layer(k);
    const dest = String(op["dest"]);
    const under = dest.endsWith("/") ? dest : `${dest}/`;
    const outside = Object.keys(files).filter((p) => `/${p}` !== dest && !`/${p}`.startsWith(under));
    if (outside.length > 0)
      problems.push(`${node.id}: buildah wrote ${outside.join(", ")} outside hull's ${dest}`);
    const ourReads = reads.get(node.id);
    if (ourReads === undefined) continue;
    const contents = new Set(Object.values(files));
    // A layer holds what changed: a file the step wrote again as it was (same content, same time) is not in it,
    // so a file hull says the step reads counts as copied when an earlier layer holds its content.
    const earlier = (text: string) =>
      Array.from({ length: k }, (_, j) => j).some((j) => Object.values(b.layer?.(j) ?? {}).includes(text));
    const theirReads = Object.keys(context).filter(
      (f) => contents.has(context[f] as string) || (ourReads.includes(f) && earlier(context[f] as string)),
    );
    if (!same([...theirReads].sort(), [...ourReads].sort()))
      problems.push(
        `${node.id}: buildah copied ${JSON.stringify(theirReads.sort())}, hull reads ${JSON.stringify([...ourReads].sort())}`,
      );
  }
  if (checked === 0) return null;
  return {
    status: problems.length === 0 ? "agree" : "differ",
    detail: problems.length === 0 ? `${checked} steps` : problems.join("; "),
  };
}
