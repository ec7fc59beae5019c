import { pathMax, workdirAfter, type Workdir } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { joinPath } from "../paths.js";

/** WORKDIR: sets cwd and `WorkingDir`; a file node `mkdir -p` unless the path is `/`. */
export function dispatchWorkdir(ctx: PlanBuilder, st: StageState, w: Workdir): void {
  const raw = w.value?.value ?? "";
  const value = ctx.expand(st, raw, w.value ?? w);
  const wd = workdirOf(st, value);
  const bytes = wd.length * 3 > pathMax ? new TextEncoder().encode(wd).length : wd.length;
  if (bytes > pathMax) {
    // Each step would keep the whole path (its label, history and config), and WORKDIRs that each go one level
    // deeper made planning quadratic: 20,000 of them took 70 s and 2.6 GB. The build fails there anyway.
    ctx.report(
      "workdir-too-long",
      `the working directory would be ${bytes} bytes long, past Linux's PATH_MAX (${pathMax}): creating it fails, and the build with it; the plan keeps ${st.workdir}`,
      (w.value ?? w).range,
    );
    return;
  }
  st.workdir = wd;
  // Windows images keep a drive-letter path in the config; the build state uses slash paths.
  st.config.WorkingDir = st.os === "windows" ? `C:${wd.replace(/\//g, "\\")}` : wd;
  const absolute = /^([A-Za-z]:)?[\\/]/.test(value);
  if (ctx.unresolved(st, raw)) st.unknown.add("WorkingDir");
  else if (absolute) st.unknown.delete("WorkingDir");
  if (wd === "/") {
    ctx.addConfig(st, "WORKDIR", `WORKDIR ${wd}`, { workdir: wd }, `WORKDIR ${wd}`);
    return;
  }
  ctx.addLayer(
    st,
    {
      instruction: "WORKDIR",
      kind: "file",
      layer: true,
      label: `mkdir -p ${wd}`,
      op: { op: "file", action: "mkdir", path: wd, user: st.config.User ?? "", platform: st.platform },
      inputs: [{ id: st.head, key: st.headKey, kind: "prev" }],
      writes: [wd],
    },
    null,
  );
  // BuildKit records WORKDIR with a layer but without the `# buildkit` suffix (no state passed to commit).
  const created = ctx.created();
  if (st.keepsHistory)
    st.history.push({
      created_by: `WORKDIR ${wd}`,
      ...(created !== null ? { created } : {}),
      comment: "buildkit.dockerfile.v0",
      empty_layer: false,
      node: st.head,
    });
}

/** The working directory a WORKDIR sets: on Windows the drive letter goes and the path is cleaned. */
function workdirOf(st: StageState, value: string): string {
  return st.os === "windows" ? joinPath(st.workdir, value, true) : workdirAfter(st.workdir, value);
}
