import { dirname, resolve } from "node:path";
import { Option } from "commander";
import { parse, type Dockerfile } from "@hull/parser";
import { findDockerignore } from "@hull/linter";
import { resolveImage, type RegistryOptions } from "../registry.js";
import { readImageConfigs } from "../base-images.js";
import { namedContexts } from "../build-contexts.js";
import { addRegistryOptions, collect, registryOptionsOf, type RegistryFlags } from "../registry-flags.js";
import {
  containerArgv,
  invalidate,
  plan,
  renderDot,
  renderMermaid,
  writeText,
  share,
  toJson,
  toJsonMulti,
  writeJson,
  type BaseImage,
  type BuildPlan,
  type ContainerRun,
  type InvalidatedNode,
  type PlanDiagnostic,
  type PlanOptions,
} from "@hull/planner";
import type { Register } from "../main.js";
import { readFailure, type Io } from "../io.js";

const formats = ["text", "json", "dot", "mermaid"] as const;
type Format = (typeof formats)[number];

interface PlanFlags extends RegistryFlags {
  target?: string;
  buildArg: string[];
  platform?: string;
  changed: string[];
  changedBuildArg: string[];
  context?: string;
  format: Format;
  run?: boolean;
  buildContext: string[];
  resolve?: boolean;
}

/** Parses `K=V` pairs; a bare `K` takes its value from the environment, as `docker build --build-arg K` does. */
function keyValues(pairs: readonly string[], io: Io, flag: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (key === "") return `hull plan: ${flag} expects KEY=VALUE, got "${pair}"`;
    const value = eq < 0 ? io.env[key] : pair.slice(eq + 1);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

interface FilePlan {
  file: string;
  plan: BuildPlan;
  parseDiagnostics: PlanDiagnostic[];
  /** Base images `--resolve` could not read (warnings: the plan goes on with them unknown). */
  resolveDiagnostics: PlanDiagnostic[];
  run?: ContainerRun;
  invalidation?: { invalidated: readonly InvalidatedNode[]; cached: readonly string[] };
}

/** `hull plan FILE…`: the build graph, order, image and container argv, as text, JSON, DOT or Mermaid. */
export const registerPlan: Register = (program, io, setExit) => {
  const command = program
    .command("plan")
    .description("compile Dockerfiles into their build graph, build order and image config")
    .argument("<files...>", "Dockerfiles to plan (`-` reads standard input)")
    .option("--target <stage>", "stage to build (default: the last one)")
    .option("--build-arg <key=value>", "build argument (repeatable)", collect, [])
    .option("--platform <os/arch>", "target platform (default: linux/amd64)")
    .option("--changed <path>", "context path whose content changed (repeatable)", collect, [])
    .option("--changed-build-arg <key=value>", "build argument whose value changed (repeatable)", collect, [])
    .option("--context <dir>", "build context, for .dockerignore (default: the Dockerfile's folder)")
    .addOption(new Option("--format <format>", "output format").choices(formats).default("text"))
    .option("--run", "print the argv `docker run IMAGE ARGS…` starts; ARGS follow `--`")
    .option(
      "--build-context <name=value>",
      "named build context: a folder, docker-image://REF, oci-layout://… or a URL (repeatable)",
      collect,
      [],
    )
    .option("--resolve", "read base image configs from their registries (network; cached by digest)");
  addRegistryOptions(command).action(
    async (operands: string[], flags: PlanFlags, command: { parent?: { rawArgs?: string[] } | null }) => {
      setExit(await runPlan(operands, flags, command.parent?.rawArgs ?? [], io));
    },
  );
};

async function runPlan(
  operands: readonly string[],
  flags: PlanFlags,
  rawArgs: readonly string[],
  io: Io,
): Promise<number> {
  // Commander merges everything after `--` into the operands; with --run those words are the container's ARGS.
  const dash = rawArgs.indexOf("--");
  const runArgs = dash >= 0 ? rawArgs.slice(dash + 1) : [];
  const files = operands.slice(0, operands.length - runArgs.length);
  if (files.length === 0) {
    io.stderr("hull plan: no Dockerfile given\n");
    return 2;
  }
  if (runArgs.length > 0 && !flags.run) {
    io.stderr("hull plan: arguments after `--` need --run\n");
    return 2;
  }
  const buildArgs = keyValues(flags.buildArg, io, "--build-arg");
  const changedArgs = keyValues(flags.changedBuildArg, io, "--changed-build-arg");
  const buildContexts = namedContexts(flags.buildContext);
  if (typeof buildContexts === "string") {
    io.stderr(`hull plan: ${buildContexts}\n`);
    return 2;
  }
  if (typeof buildArgs === "string" || typeof changedArgs === "string") {
    io.stderr(`${typeof buildArgs === "string" ? buildArgs : (changedArgs as string)}\n`);
    return 2;
  }
  const imageConfigs = readImageConfigs(flags.imageConfig, io);
  if (typeof imageConfigs === "string") {
    io.stderr(`hull plan: ${imageConfigs}\n`);
    return 2;
  }
  const registry = registryOptionsOf(flags, io.env);
  if (typeof registry === "string") {
    io.stderr(`hull plan: ${registry}\n`);
    return 2;
  }
  const results: FilePlan[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === "-" ? io.readStdin() : io.readFile(resolve(io.cwd, file));
    } catch (error) {
      io.stderr(`hull plan: ${readFailure(file === "-" ? "<stdin>" : file, error)}\n`);
      return 2;
    }
    const { ast, diagnostics } = parse(text);
    const base: PlanOptions = {
      buildArgs,
      buildContexts,
      imageConfigs,
      ...(flags.target !== undefined ? { target: flags.target } : {}),
      ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
    };
    const resolved = flags.resolve
      ? await resolveBases(ast, base, registry)
      : { configs: {}, diagnostics: [] };
    const options: PlanOptions = {
      buildArgs,
      buildContexts,
      imageConfigs: { ...resolved.configs, ...imageConfigs },
      dockerignore: readDockerignore(io, file, flags.context),
      ...(flags.target !== undefined ? { target: flags.target } : {}),
      ...(flags.platform !== undefined ? { platform: flags.platform } : {}),
    };
    const wantsInvalidation = flags.changed.length > 0 || Object.keys(changedArgs).length > 0;
    const inv = wantsInvalidation
      ? invalidate(ast, options, { paths: flags.changed, buildArgs: changedArgs })
      : null;
    const p = inv ? inv.plan : plan(ast, options);
    const result: FilePlan = {
      file,
      plan: p,
      parseDiagnostics: diagnostics.map((d) => ({ ...d })),
      resolveDiagnostics: resolved.diagnostics,
    };
    if (inv) result.invalidation = { invalidated: inv.invalidated, cached: inv.cached };
    if (flags.run && p.image) result.run = containerArgv(p.image, runArgs);
    results.push(result);
  }
  if (flags.format === "json") writeJsonOutput(results, io);
  else if (flags.format === "text" && !flags.run) writeTextOutput(results, io);
  else io.stdout(render(results, flags.format));
  // With `--run` in text form stdout is only the argv; problems and notes go to stderr.
  if (flags.run && flags.format === "text") io.stderr(problems(results));
  const failed = results.some(
    (r) =>
      [...r.parseDiagnostics, ...r.plan.diagnostics].some((d) => d.severity === "error") ||
      (r.run?.error ?? null) !== null,
  );
  return failed ? 1 : 0;
}

/**
 * `--resolve`: the image bases of the stages the target needs, read from their registries. What cannot be read
 * becomes a warning at its FROM, and the plan goes on with that base unknown.
 */
async function resolveBases(
  ast: Dockerfile,
  options: PlanOptions,
  registry: RegistryOptions,
): Promise<{ configs: Record<string, BaseImage>; diagnostics: PlanDiagnostic[] }> {
  const first = plan(ast, options);
  const configs: Record<string, BaseImage> = {};
  const diagnostics: PlanDiagnostic[] = [];
  const seen = new Set<string>();
  for (const s of first.stages) {
    if (s.pruned || s.baseKind !== "image" || s.base === null || s.baseConfig === "known") continue;
    const key = `${s.base} ${s.platform}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [os = "linux", architecture = "amd64", variant = null] = s.platform.split("/");
    const r = await resolveImage(s.base, { os, architecture, variant }, registry);
    if ("error" in r) {
      diagnostics.push({
        code: "base-image-unresolved",
        message: `cannot read the config of ${s.base}: ${r.error}; planning with it unknown`,
        severity: "warning",
        range: s.range,
      });
    } else {
      configs[s.base] = r.image;
    }
  }
  return { configs, diagnostics };
}

function readDockerignore(io: Io, file: string, context: string | undefined): string {
  const dir = resolve(io.cwd, context ?? (file === "-" ? "." : dirname(file)));
  return findDockerignore(file === "-" ? null : resolve(io.cwd, file), io, dir) ?? "";
}

function extras(r: FilePlan) {
  return {
    file: r.file,
    diagnostics: [...r.parseDiagnostics, ...r.resolveDiagnostics],
    ...(r.run ? { run: r.run } : {}),
    ...(r.invalidation ? { invalidation: r.invalidation } : {}),
  };
}

/**
 * The JSON output, written in pieces as it is made: a large file's plan lists more JSON than one string may hold.
 * Written down to each node of each plan (a depth of 2 under one plan, 4 under `plans`).
 */
function writeJsonOutput(results: readonly FilePlan[], io: Io): void {
  if (results.length === 1) {
    const r = results[0] as FilePlan;
    writeJson(toJson(r.plan, extras(r)), (text) => io.stdout(text), 2);
  } else {
    const value = toJsonMulti(
      results.map((r) => ({ plan: r.plan, extras: extras(r) })),
      share(results),
    );
    writeJson(value, (text) => io.stdout(text), 4);
  }
}

/**
 * The output in the other formats, made whole (their size is that of the graph, not of every RUN's env): the graph
 * as dot or mermaid, or, for text with `--run`, just the argv.
 */
function render(results: readonly FilePlan[], format: Exclude<Format, "json">): string {
  switch (format) {
    case "dot":
      return results.map((r) => (results.length > 1 ? `// ${r.file}\n` : "") + renderDot(r.plan)).join("\n");
    case "mermaid":
      return results
        .map((r) => (results.length > 1 ? `%% ${r.file}\n` : "") + renderMermaid(r.plan))
        .join("\n");
    case "text":
      // `--run` alone prints just the argv, one JSON array per file, so that scripts can read it.
      return results
        .map(
          (r) => `${results.length > 1 ? `${r.file}: ` : ""}${r.run ? JSON.stringify(r.run.argv) : "null"}\n`,
        )
        .join("");
  }
}

/** The text output, written in pieces as it is made (a large file's plan is more text than one string holds). */
function writeTextOutput(results: readonly FilePlan[], io: Pick<Io, "stdout">): void {
  for (const [i, r] of results.entries()) {
    const head = `${i > 0 ? "\n" : ""}${parseProblems(r)}`;
    if (head !== "") io.stdout(head);
    writeText(r.plan, extras(r), (text) => io.stdout(text));
  }
  if (results.length > 1) io.stdout(`\n${renderShared(results)}`);
}

function parseProblems(r: FilePlan): string {
  const errors = r.parseDiagnostics.filter((d) => d.severity === "error");
  return [
    ...errors.map(
      (d) => `${r.file}:${d.range.start.line}:${d.range.start.column} parse error ${d.code}: ${d.message}\n`,
    ),
    ...r.resolveDiagnostics.map(
      (d) => `${r.file}:${d.range.start.line}:${d.range.start.column} warning ${d.code}: ${d.message}\n`,
    ),
  ].join("");
}

function problems(results: readonly FilePlan[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of [...r.parseDiagnostics, ...r.plan.diagnostics]) {
      if (d.severity === "error")
        lines.push(`${r.file}:${d.range.start.line}:${d.range.start.column} error ${d.code}: ${d.message}`);
    }
    for (const d of r.resolveDiagnostics)
      lines.push(`${r.file}:${d.range.start.line}:${d.range.start.column} warning ${d.code}: ${d.message}`);
    if (r.run?.error) lines.push(`${r.file}: error: ${r.run.error}`);
    for (const n of r.run?.notes ?? []) lines.push(`${r.file}: note: ${n}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function renderShared(results: readonly FilePlan[]): string {
  const report = share(results);
  const out = [`shared across ${results.length} files:`];
  if (report.stages.length === 0 && report.nodes.length === 0)
    out.push("  nothing: no stage or layer has the same cache key in two files");
  for (const s of report.stages)
    out.push(
      `  stage ${s.members.map((m) => `${m.file}#${m.name ?? `stage-${m.stage}`}`).join(" = ")}  [${s.cacheKey}]`,
    );
  for (const n of report.nodes)
    out.push(
      `  ${n.instruction.padEnd(8)} ${n.label}: ${n.members.map((m) => `${m.file}#${m.id}`).join(", ")}  [${n.cacheKey}]`,
    );
  return `${out.join("\n")}\n`;
}
