import { flagNamed, checkedMountOptions, parseMount, type Heredoc, type Mount, type Run } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { withShell } from "../state.js";
import { resolveStageRef } from "../order.js";
import { joinPath } from "../paths.js";
import type { EdgeKind } from "../model.js";
import type { EnvList, Environment } from "../env.js";
import { ExecOp } from "../exec-op.js";

/** RUN: an exec node on the previous filesystem, with argv after SHELL, env with every ARG in scope, and mounts. */
export function dispatchRun(ctx: PlanBuilder, st: StageState, run: Run): void {
  let args = run.args.map((w) => w.value);
  const heredocs = run.heredocs;
  const mounts: Record<string, unknown>[] = [];
  const inputs: { id: string | null; key: string; kind: EdgeKind }[] = [
    { id: st.head, key: st.headKey, kind: "prev" },
  ];
  const shellForm = run.form !== "exec";
  if (shellForm && heredocs.length > 0) {
    const first = heredocs[0] as Heredoc;
    const command = args[0] ?? "";
    if (heredocs.length === 1 && isLoneHeredoc(command)) {
      const data = body(first);
      if (st.os !== "windows" && data.startsWith("#!")) {
        // A lone heredoc with a shebang becomes a script file mounted read-only and executed.
        mounts.push({
          type: "bind",
          target: "/dev/pipes/",
          from: "inline",
          file: first.name,
          content: data,
          readonly: true,
        });
        args = [`/dev/pipes/${first.name}`];
      } else {
        args = [data];
      }
    } else {
      args = [command + heredocs.map((h) => `\n${h.body}${h.name}`).join("")];
    }
  }
  const argv = shellForm ? withShell(st, args) : args;

  for (const m of run.mounts) {
    const resolved = resolveMount(ctx, st, m);
    if (resolved === null) continue;
    mounts.push(resolved.op);
    if (resolved.input) inputs.push(resolved.input);
  }

  const flag = (name: string): string | null => {
    const f = flagNamed(run, name);
    return f ? (f.value ?? "") : null;
  };
  const network = flag("network") ?? "default";
  const security = flag("security") ?? "sandbox";
  // The environment of this moment, kept as a version of the stage's list and listed only when read: n RUNs
  // holding their own copies of a list of n ARGs would make the plan quadratic.
  const env = st.env.list;
  const user = st.config.User ?? "";
  const op = new ExecOp(argv, env, st.workdir, user, network, security, mounts, st.platform);
  const node = ctx.addLayer(
    st,
    {
      instruction: "RUN",
      kind: "exec",
      layer: true,
      label: `RUN ${summarize(argv[argv.length - 1] ?? "")}`,
      op,
      // The list's digest stands for it in the key: equal environments give equal keys, and a RUN hashes only
      // the part of the list that changed since the one before.
      key: {
        op: "exec",
        argv,
        env: env.digest(),
        cwd: op.cwd,
        user,
        network,
        security,
        mounts,
        platform: op.platform,
      },
      env,
      inputs,
    },
    null,
  );
  const environment = st.env;
  const declared = st.args;
  const count = declared.length;
  ctx.history(st, () => `RUN ${runCommandString(argv, declared, count, env, environment)}`, true, node.id);
}

function isLoneHeredoc(command: string): boolean {
  return /^\s*[0-9]*<<-?\s*(["']?)[A-Za-z0-9_.-]+\1\s*$/.test(command);
}

/** The heredoc body with `<<-` tab stripping applied. */
export function body(h: Heredoc): string {
  return h.chomp ? h.body.replace(/^\t+/gm, "") : h.body;
}

/**
 * BuildKit's history text for RUN: `|N K=V … argv`, listing every ARG in scope: the first `count` of the stage's
 * `args`, with their values in `env`, the version of `environment` the RUN ran with.
 */
function runCommandString(
  argv: readonly string[],
  args: StageState["args"],
  count: number,
  env: EnvList,
  environment: Environment,
): string {
  const seen = new Map<string, number>();
  const pairs: string[] = [];
  for (const a of args.slice(0, count)) {
    const v = environment.valueIn(env, a.key) ?? a.value ?? "";
    const i = seen.get(a.key);
    if (i !== undefined) pairs[i] = `${a.key}=${v}`;
    else {
      seen.set(a.key, pairs.length);
      pairs.push(`${a.key}=${v}`);
    }
  }
  const prefix = pairs.length > 0 ? [`|${pairs.length}`, ...pairs] : [];
  return [...prefix, ...argv].join(" ");
}

/**
 * The mount as BuildKit reads it at dispatch, when a checked option (`type=$T`) uses a variable: parsed again with
 * those options expanded (commands_runmount.go checks values after expanding them). The others stay as written, and
 * are expanded where they are read. Null, with the problem reported, when BuildKit would refuse the expanded mount.
 */
function dispatchedMount(ctx: PlanBuilder, st: StageState, m: Mount): Mount | null {
  const entries = Object.entries(m.options);
  if (!entries.some(([key, value]) => value !== null && checkedMountOptions.has(key) && value.includes("$")))
    return m;
  // Written back as CSV: a value with a comma or a quote is quoted.
  const field = (key: string, v: string) =>
    /[",]/.test(v) ? `"${key}=${v.replace(/"/g, '""')}"` : `${key}=${v}`;
  const expanded = entries.map(([key, value]) =>
    value === null ? key : field(key, checkedMountOptions.has(key) ? ctx.expand(st, value, m) : value),
  );
  const { mount, error } = parseMount(expanded.join(","), m.range);
  if (error === null) return mount;
  // A mount with a problem as written is the parser's to report (it checks every option without a variable), once.
  const written = entries.map(([key, value]) => (value === null ? key : field(key, value)));
  if (parseMount(written.join(","), m.range).error === null) ctx.report("invalid-mount", error, m.range);
  return null;
}

function resolveMount(
  ctx: PlanBuilder,
  st: StageState,
  written: Mount,
): { op: Record<string, unknown>; input: { id: string | null; key: string; kind: EdgeKind } | null } | null {
  const m = dispatchedMount(ctx, st, written);
  if (m === null) return null;
  const ex = (v: string | null): string | null => (v === null ? null : ctx.expand(st, v, m));
  let target = ex(m.target);
  const source = ex(m.source);
  if (target !== null && target !== "") {
    const relative = !/^([A-Za-z]:)?[\\/]/.test(target);
    target = joinPath(st.workdir, target, st.os === "windows");
    // A relative target under an image's unseen WORKDIR is not `/` in BuildKit; only report what is certain.
    if (target === "/" && !(relative && st.unknown.has("WorkingDir"))) {
      ctx.report("invalid-mount-target", `invalid mount target "${target}"`, m.range);
      return null;
    }
  }
  const base = { type: m.mountType, target, readonly: m.readonly };
  switch (m.mountType) {
    case "secret": {
      const id = ex(m.id) ?? source ?? (target ? (target.split("/").pop() ?? "") : "");
      return {
        op: {
          ...base,
          id,
          target: target ?? `/run/secrets/${id}`,
          required: m.required ?? false,
          env: m.env,
        },
        input: null,
      };
    }
    case "ssh":
      return { op: { ...base, id: ex(m.id) ?? "default", required: m.required ?? false }, input: null };
    case "tmpfs":
      return { op: { ...base, size: m.size }, input: null };
    case "cache": {
      // Custom cache ids and sharing modes are left out of the key, as BuildKit blanks them.
      const from = m.from;
      if (from === null || from === "")
        return { op: { ...base, source: source ?? "/", mode: m.mode, uid: m.uid, gid: m.gid }, input: null };
      return fromInput(ctx, st, m, from, { ...base, source: source ?? "/" });
    }
    default: {
      const from = m.from;
      if (from === null || from === "") {
        const path = contextPath(source ?? ".", st.os === "windows");
        ctx.useContext(`s${st.index}.${st.ordinal}`, path);
        return {
          op: { ...base, from: "context", source: path, content: ctx.contextContent(path) },
          input: null,
        };
      }
      return fromInput(ctx, st, m, from, { ...base, source: source ?? "/" });
    }
  }
}

function fromInput(
  ctx: PlanBuilder,
  st: StageState,
  m: Mount,
  from: string,
  op: Record<string, unknown>,
): { op: Record<string, unknown>; input: { id: string | null; key: string; kind: EdgeKind } | null } {
  const ref = resolveStageRef(ctx, from, ctx.ast.stages, null, true);
  if (ref.kind === "stage") {
    const src = ctx.results[ref.stage];
    if (!src || ref.stage >= st.index) {
      if (!st.pruned) {
        ctx.report(
          "copy-from-later-stage",
          `cannot mount from stage "${from}" to "${m.target ?? ""}", stage needs to be defined before current command`,
          m.range,
        );
      }
      return { op: { ...op, from: `stage:${ref.stage}` }, input: null };
    }
    // Dockerfile mounts have no output, so BuildKit keys them on the content of the mounted path (exec.go).
    const path = joinPath("/", typeof op["source"] === "string" ? op["source"] : "/", st.os === "windows");
    return {
      op: { ...op, from: `stage:${ref.stage}` },
      input: { id: src.head, key: ctx.contentKey(src.head, src.headKey, path), kind: "mount-from" },
    };
  }
  if (ref.kind === "context") {
    const src = ctx.contextSource(st, ref.name, ref.value);
    return {
      op: { ...op, from: `context:${ref.name}` },
      input: { id: src.id, key: src.key, kind: "mount-from" },
    };
  }
  if (ref.kind === "image") {
    const src = ctx.imageSource(st, ref.ref);
    return {
      op: { ...op, from: `image:${ref.ref}` },
      input: { id: src.id, key: src.key, kind: "mount-from" },
    };
  }
  return { op: { ...op, from: "invalid" }, input: null };
}

/** A stage's display name: its name or `stage-N`. */
export function stageLabel(ctx: PlanBuilder, index: number): string {
  return ctx.ast.stages[index]?.name ?? `stage-${index}`;
}

/** A context path as the plan lists it: relative, no leading slash, `.` for the root. */
export function contextPath(p: string, windows: boolean): string {
  const clean = joinPath("/", p, windows).replace(/^\/+/, "");
  return clean === "" ? "." : clean;
}

function summarize(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line + (text.trim().includes("\n") ? " ..." : "");
}
