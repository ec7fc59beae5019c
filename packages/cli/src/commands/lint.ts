import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Option } from "commander";
import {
  findDockerignore,
  ConfigError,
  compareSeverity,
  defaultConfig,
  findConfig,
  formatterFor,
  formatters,
  hadolintConfigNames,
  hullConfigNames,
  isIgnoredPath,
  isShellcheckName,
  lint,
  loadConfigFile,
  ruleIndexOf,
  rules as registry,
  severities,
  type ConfigReader,
  type Diagnostic,
  type FailureThreshold,
  type FileResult,
  type LoadedConfig,
  type Preset,
  type RuleSetting,
  type Severity,
  type ShellcheckOutput,
  type ShellcheckRequest,
  shellcheckRequest,
} from "@hull/linter";
import {
  normalizeImageReference,
  parse,
  semanticModel,
  type ParseResult,
  type SemanticModel,
} from "@hull/parser";
import type { BaseImage } from "@hull/planner";
import { runShellcheckBatch } from "@hull/linter/shellcheck-process";
import type { Register } from "../main.js";
import { readFailure, type Io } from "../io.js";
import { runRecord } from "../run-record.js";
import { changedSince, discoverFiles, DiscoveryError, displayOf, realPathOf } from "../discover.js";
import { namedContexts } from "../build-contexts.js";
import { addRegistryOptions, collect, registryOptionsOf, type RegistryFlags } from "../registry-flags.js";
import { MissingLibraryError, patchOf, runFixJob, type FixOutcome, type FixRequest } from "./lint-fix.js";

interface LintFlags extends RegistryFlags {
  format: string;
  config?: string;
  preset?: Preset;
  rule: string[];
  ignore: string[];
  failureThreshold?: FailureThreshold;
  color: boolean;
  stdinFilename?: string;
  /** A ShellCheck program, or false for `--no-shellcheck`. */
  shellcheck?: string | boolean;
  verbose?: boolean;
  since?: string;
  allowEmpty?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  unsafeFixes?: boolean;
  resolve?: boolean;
  buildContext: string[];
}

/** What one file needs to be linted; plain data, so that it can be sent to a worker thread. */
export interface LintJob {
  /** Absolute path of the file (or of the stdin file name). */
  path: string;
  /** The path shown in the output. */
  displayPath: string;
  preset: Preset;
  rules: Record<string, RuleSetting>;
  settings: LoadedConfig["settings"];
  /** The text, when it does not come from the file (stdin). */
  text?: string;
  /** Keep the text in the result (SARIF and GitLab fingerprints use it). */
  keepSource: boolean;
  /** The least severe finding that fails the run, from the CLI or the file's config. */
  threshold: FailureThreshold;
  /** The ShellCheck program to run on RUN scripts, when there is one. */
  shellcheck?: string;
  /** Fix the file (`--fix`, `--fix-dry-run`) before reporting what is left. */
  fix?: FixRequest;
  /** Base image configs for rules that depend on inherited values (`--image-config`, `--resolve`). */
  imageConfigs?: Record<string, BaseImage>;
}

/** The outcome of one job: findings, or an I/O error message. */
export interface LintJobResult {
  displayPath: string;
  diagnostics: Diagnostic[];
  source?: string;
  error?: string;
  /** What fixing did, for a fix job. */
  fix?: FixOutcome;
}

/** Thrown for problems that end the run with exit code 2 and a one-line message. */
class UsageError extends Error {}

/** Lints one job; never throws (an unreadable file becomes an error message). */
export function runJob(
  job: LintJob,
  io: Pick<Io, "exists" | "readFile" | "writeFile" | "runShellcheck">,
): LintJobResult {
  const options = lintOptions(job, io);
  if (job.fix) return runFixJob({ ...job, fix: job.fix }, options, io);
  const text = textOf(job, io);
  if (typeof text !== "string") return text;
  return jobResult(job, text, lint(text, options).diagnostics);
}

/** The job's text, or the result that says why it could not be read. */
function textOf(job: LintJob, io: Pick<Io, "readFile">): string | LintJobResult {
  try {
    return job.text ?? io.readFile(job.path);
  } catch (error) {
    return { displayPath: job.displayPath, diagnostics: [], error: readFailure(job.displayPath, error) };
  }
}

/** What `lint` is told for a job: its config, its `.dockerignore`, its base images and its ShellCheck. */
function lintOptions(job: LintJob, io: Pick<Io, "exists" | "readFile" | "runShellcheck">) {
  return {
    filePath: job.displayPath,
    preset: job.preset,
    rules: job.rules,
    settings: job.settings,
    readDockerignore: () => findDockerignore(job.path, io),
    ...(job.imageConfigs ? { imageConfigs: job.imageConfigs } : {}),
    ...(job.shellcheck !== undefined && io.runShellcheck
      ? { shellcheck: (request: ShellcheckRequest) => io.runShellcheck!(job.shellcheck!, request) }
      : {}),
  };
}

function jobResult(job: LintJob, text: string, diagnostics: Diagnostic[]): LintJobResult {
  return { displayPath: job.displayPath, diagnostics, ...(job.keepSource ? { source: text } : {}) };
}

/**
 * Lints jobs as `runJob` does each, but starts ShellCheck once for many files: starting it costs more than checking
 * a Dockerfile's scripts (15 ms against 2.5 ms a script here), and `hull lint .` on 522 Dockerfiles started it 510
 * times. Files are read and parsed, and their ShellCheck requests made, until a batch holds 64 files or 1 MB of text
 * (parsed files are held until the batch is linted: a batch of large generated files must not hold them all); one
 * run per program then checks every script of the batch, and each lint is handed its file's share of that run. A
 * file whose lint asks something else (a template, which lint reads with its markup masked) and every file of a
 * failed run get runs of their own. A batch's scripts go to up to `ways` ShellCheck processes side by side
 * (`runShellcheckBatch`): in the main thread one per processor, in a worker thread its share of them.
 */
export async function runJobBatch(
  jobs: readonly LintJob[],
  io: Pick<Io, "exists" | "readFile" | "writeFile" | "runShellcheck" | "runShellcheckAsync">,
  ways = 1,
): Promise<LintJobResult[]> {
  const runShellcheck = io.runShellcheck;
  const runAsync =
    io.runShellcheckAsync?.bind(io) ??
    ((program: string, request: ShellcheckRequest) =>
      Promise.resolve(runShellcheck!(program, request) ?? new Error(`${program} did not check the scripts`)));
  const results: LintJobResult[] = new Array(jobs.length);
  let batch: { k: number; text: string; parseResult: ParseResult; semantic: SemanticModel }[] = [];
  let requests = new Map<string, { k: number; request: ShellcheckRequest }[]>();
  let bytes = 0;
  const lintBatch = async () => {
    const shares = new Map<number, { request: ShellcheckRequest; output: ShellcheckOutput }>();
    for (const [program, group] of requests) {
      const outputs = await runShellcheckBatch(
        (request) => runAsync(program, request),
        group.map((g) => g.request),
        ways,
      );
      if (outputs) group.forEach((g, i) => shares.set(g.k, { request: g.request, output: outputs[i]! }));
    }
    for (const { k, text, parseResult, semantic } of batch) {
      const job = jobs[k]!;
      const options = lintOptions(job, io);
      const share = shares.get(k);
      const shellcheck = (request: ShellcheckRequest) =>
        share && sameScripts(share.request, request) ? share.output : options.shellcheck!(request);
      const result = lint(text, { ...options, parseResult, semantic, shellcheck });
      results[k] = jobResult(job, text, result.diagnostics);
    }
    batch = [];
    requests = new Map();
    bytes = 0;
  };
  for (const [k, job] of jobs.entries()) {
    if (job.fix || job.shellcheck === undefined || !runShellcheck) {
      results[k] = runJob(job, io);
      continue;
    }
    const text = textOf(job, io);
    if (typeof text !== "string") {
      results[k] = text;
      continue;
    }
    const parseResult = parse(text);
    const semantic = semanticModel(parseResult.ast);
    batch.push({ k, text, parseResult, semantic });
    bytes += text.length;
    const request = shellcheckRequest(semantic, job.rules);
    if (request !== null) {
      const group = requests.get(job.shellcheck) ?? [];
      group.push({ k, request });
      requests.set(job.shellcheck, group);
    }
    if (batch.length >= batchFiles || bytes >= batchBytes) await lintBatch();
  }
  if (batch.length > 0) await lintBatch();
  return results;
}

/** The most files, and the most text, a ShellCheck batch holds parsed at once. */
const batchFiles = 64;
const batchBytes = 1 << 20;

function sameScripts(a: ShellcheckRequest, b: ShellcheckRequest): boolean {
  return a.scripts.length === b.scripts.length && a.scripts.every((s, i) => s === b.scripts[i]);
}

/** A config's settings with the command line's `--build-context`s over its `buildContexts`. */
function withContexts(
  settings: LoadedConfig["settings"],
  contexts: Record<string, string>,
): LoadedConfig["settings"] {
  return { ...settings, buildContexts: { ...settings.buildContexts, ...contexts } };
}

/** Parses `--rule id=severity` and `--ignore id` into rule settings, checking ids against the registry. */
function cliRuleSettings(flags: LintFlags): Record<string, RuleSetting> {
  // Built on the first --rule or --ignore only: indexing every rule's names and aliases costs each run.
  let index: ReturnType<typeof ruleIndexOf> | undefined;
  const known = (name: string, flag: string) => {
    index ??= ruleIndexOf(registry);
    if (index.resolve(name).length > 0 || isShellcheckName(name)) return;
    const suggestion = index.suggest(name);
    throw new UsageError(
      `${flag}: unknown rule '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
    );
  };
  const out: Record<string, RuleSetting> = {};
  for (const spec of flags.rule) {
    const eq = spec.indexOf("=");
    const name = eq < 0 ? spec : spec.slice(0, eq);
    const severity = eq < 0 ? "" : spec.slice(eq + 1);
    known(name, "--rule");
    if (severity !== "off" && !(severities as readonly string[]).includes(severity)) {
      throw new UsageError(
        `--rule ${spec}: expected ID=SEVERITY with SEVERITY one of off, ${severities.join(", ")}`,
      );
    }
    out[name] = severity as Severity | "off";
  }
  for (const name of flags.ignore) {
    known(name, "--ignore");
    out[name] = "off";
  }
  return out;
}

/** The ShellCheck program: `--shellcheck PATH`, else `shellcheck` on PATH; undefined when there is none or it is off. */
function findShellcheck(flags: LintFlags, io: Io): string | undefined {
  if (!io.runShellcheck || flags.shellcheck === false) return undefined;
  if (typeof flags.shellcheck === "string") {
    const path = resolve(io.cwd, flags.shellcheck);
    if (!io.exists(path)) throw new UsageError(`--shellcheck: no such file: ${flags.shellcheck}`);
    return path;
  }
  const names = process.platform === "win32" ? ["shellcheck.exe"] : ["shellcheck"];
  for (const dir of (io.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of names) if (io.exists(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** From how many files a lint may run in threads, and is atypical for the code cache (see runRecord). */
const manyFiles = 32;

/**
 * How many threads lint `files` files: 1 (this thread) for fewer than 32 files, else the number HULL_LINT_THREADS
 * sets (for benchmarks and constrained CI runners), else one fewer than the processors, and never more than one per
 * 16 files. The processors are counted only when asked (node:os loads on first use). One is left to this thread
 * and to V8's own threads, which compile and collect garbage beside the code they serve: a cold lint in one thread
 * already keeps more than one processor busy (the corpus's 3,197 files: 4.6 s of CPU in 2.6 s), and on 2
 * processors two workers linted the corpus in 3.29 s against 2.73 s in this thread (64 files: 241 against 216 ms).
 * When ShellCheck runs, most of the work is in its processes, one at a time per thread: then there is a thread per
 * processor (on 2 processors, 522 Dockerfiles took 7.2–7.7 s with two workers against 12.5–12.9 s in this thread).
 */
export function lintThreads(
  files: number,
  setting: string | undefined,
  processors: () => number,
  shellcheck = false,
): number {
  if (files < manyFiles) return 1;
  const batches = Math.ceil(files / 16);
  const set = Number.parseInt(setting ?? "", 10);
  return Math.max(1, Math.min(Number.isNaN(set) ? processors() - (shellcheck ? 0 : 1) : set, batches));
}

/** Lints the jobs in worker threads when that pays off and the bundled worker exists; otherwise in this thread. */
async function runJobs(jobs: LintJob[], io: Io): Promise<LintJobResult[]> {
  const workerFile = fileURLToPath(new URL("./lint-worker.mjs", import.meta.url));
  const shellcheck = jobs.some((job) => job.shellcheck !== undefined && !job.fix);
  const threads = lintThreads(jobs.length, io.env.HULL_LINT_THREADS, () => io.cpus ?? 1, shellcheck);
  const processors = io.cpus ?? 1;
  // Many files in this thread compile much that a short run never uses (see runRecord).
  if (threads < 2 || !io.exists(workerFile)) {
    if (jobs.length >= manyFiles) runRecord.atypical = true;
    return runJobBatch(jobs, io, processors);
  }
  runRecord.atypical = true;
  const results: LintJobResult[] = new Array(jobs.length);
  let next = 0;
  // Each batch starts ShellCheck once, when it runs.
  const batch = shellcheck ? 16 : 8;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(workerFile);
          const send = () => {
            if (next >= jobs.length) {
              void worker.terminate().then(() => done());
              return;
            }
            const start = next;
            next = Math.min(jobs.length, next + batch);
            worker.postMessage({
              start,
              jobs: jobs.slice(start, next),
              ways: Math.max(1, Math.floor(processors / threads)),
            });
          };
          worker.on("message", (message: { start: number; results: LintJobResult[] }) => {
            message.results.forEach((r, i) => (results[message.start + i] = r));
            send();
          });
          worker.on("error", fail);
          send();
        }),
    ),
  );
  return results;
}

/** Loads the config for a directory, caching per directory and per config file. */
function configLoader(io: Io, explicit: string | undefined) {
  const reader: ConfigReader = { exists: (p) => io.exists(p), readFile: (p) => io.readFile(p) };
  const byFile = new Map<string, LoadedConfig>();
  const byDir = new Map<string, LoadedConfig>();
  const load = (path: string) => {
    let config = byFile.get(path);
    if (!config) {
      config = loadConfigFile(path, reader);
      for (const warning of config.warnings) io.stderr(`hull: warning: ${warning}\n`);
      byFile.set(path, config);
    }
    return config;
  };
  if (explicit !== undefined) {
    const path = resolve(io.cwd, explicit);
    if (!io.exists(path)) throw new UsageError(`--config: no such file: ${explicit}`);
    const config = load(path);
    return () => config;
  }
  return (dir: string): LoadedConfig => {
    let config = byDir.get(dir);
    if (!config) {
      const found = findConfig(dir, reader);
      config = found ? load(found.path) : defaultConfig(dir);
      byDir.set(dir, config);
    }
    return config;
  };
}

/** Runs `hull lint`; returns the exit code. */
async function runLint(paths: string[], flags: LintFlags, io: Io): Promise<number> {
  const format = formatterFor(flags.format);
  if (!format) {
    throw new UsageError(
      `unknown format '${flags.format}'; expected one of ${Object.keys(formatters).join(", ")}`,
    );
  }
  const cliRules = cliRuleSettings(flags);
  const contexts = namedContexts(flags.buildContext);
  if (typeof contexts === "string") throw new UsageError(contexts);
  const cliContexts = Object.keys(contexts).length === 0 ? null : contexts;
  if (flags.fix && flags.fixDryRun) throw new UsageError("--fix and --fix-dry-run cannot be combined");
  if (flags.unsafeFixes && !flags.fix && !flags.fixDryRun)
    throw new UsageError("--unsafe-fixes needs --fix or --fix-dry-run");
  const fixRequest: FixRequest | undefined =
    flags.fix || flags.fixDryRun
      ? { write: flags.fix === true, unsafe: flags.unsafeFixes === true }
      : undefined;
  const configFor = configLoader(io, flags.config);
  const keepSource = flags.format === "sarif" || flags.format === "gitlab";
  const stdin = paths.length === 1 && paths[0] === "-";
  if (!stdin && paths.includes("-"))
    throw new UsageError("'-' (standard input) cannot be combined with other paths");
  if (stdin && flags.since !== undefined) throw new UsageError("--since needs paths, not standard input");

  const shellcheck = findShellcheck(flags, io);
  // A config's `shellcheck.path` names the program for the files it governs, unless the command line chose.
  const shellcheckFor = (config: LoadedConfig): string | undefined => {
    if (
      config.shellcheckPath === undefined ||
      typeof flags.shellcheck === "string" ||
      flags.shellcheck === false
    )
      return shellcheck;
    if (!io.runShellcheck) return undefined;
    if (!io.exists(config.shellcheckPath))
      throw new UsageError(`${config.path}: shellcheck.path: no such file: ${config.shellcheckPath}`);
    return config.shellcheckPath;
  };
  if (shellcheck === undefined && flags.verbose) {
    io.stderr(
      flags.shellcheck === false
        ? "hull: ShellCheck is off (--no-shellcheck); its findings (SC codes) were skipped\n"
        : "hull: ShellCheck was not found on PATH (or --shellcheck); its findings (SC codes) were skipped\n",
    );
  }
  const jobs: LintJob[] = [];
  // The config of each job, for the base image configs it asks for.
  const jobConfigs = new Map<LintJob, LoadedConfig>();
  /** Paths that could not be searched or read, one line each: reported, and the exit code is 2. */
  const problems: string[] = [];
  const makeJob = (path: string, displayPath: string, config: LoadedConfig, text?: string): LintJob => {
    const program = shellcheckFor(config);
    const job: LintJob = {
      path,
      displayPath,
      preset: flags.preset ?? config.preset,
      rules: { ...config.rules, ...cliRules },
      settings: cliContexts === null ? config.settings : withContexts(config.settings, cliContexts),
      keepSource,
      threshold: flags.failureThreshold ?? config.failureThreshold,
      ...(program === undefined ? {} : { shellcheck: program }),
      ...(text === undefined ? {} : { text }),
      ...(fixRequest ? { fix: fixRequest } : {}),
    };
    jobConfigs.set(job, config);
    return job;
  };
  if (stdin) {
    const name = flags.stdinFilename ?? "<stdin>";
    const path = resolve(io.cwd, flags.stdinFilename ?? "Dockerfile");
    let text: string;
    try {
      text = io.readStdin();
    } catch (error) {
      throw new UsageError(readFailure("<stdin>", error));
    }
    jobs.push(
      makeJob(path, flags.stdinFilename ? displayOf(path, io) : name, configFor(dirname(path)), text),
    );
  } else {
    const searched = paths.length ? paths : ["."];
    const discovery = discoverFiles(searched, io);
    problems.push(...discovery.problems);
    const changed = flags.since === undefined ? null : changedSince(flags.since, io);
    for (const file of discovery.files) {
      if (changed && !changed.has(realPathOf(file.path, io))) continue;
      const config = configFor(dirname(file.path));
      if (!file.explicit && isIgnoredPath(file.path, config)) continue;
      jobs.push(makeJob(file.path, displayOf(file.path, io), config));
    }
    jobs.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
    if (jobs.length === 0 && problems.length === 0) {
      const where = searched.join(", ");
      // Nothing changed is a real answer for --since; nothing found at all is most likely a wrong path.
      if (changed) io.stderr(`hull lint: no Dockerfiles changed since ${flags.since} in ${where}\n`);
      else if (!flags.allowEmpty)
        throw new UsageError(`no Dockerfiles found in ${where} (pass --allow-empty if that is expected)`);
    }
  }
  for (const problem of problems) io.stderr(`hull lint: ${problem}\n`);

  if (flags.resolve || flags.imageConfig.length > 0 || [...jobConfigs.values()].some(wantsBaseImages))
    await addBaseImages(jobs, jobConfigs, flags, io);

  const results = await runJobs(jobs, io);
  let failing = false;
  const fileResults: FileResult[] = [];
  for (const [i, result] of results.entries()) {
    if (result.error !== undefined) {
      problems.push(result.error);
      io.stderr(`hull: ${result.error}\n`);
      // A file that could not be read has none; one whose fix could not be written has those of its text.
      if (result.diagnostics.length === 0) continue;
    }
    const limit = jobs[i]!.threshold;
    if (limit !== "none" && result.diagnostics.some((d) => compareSeverity(d.severity, limit) <= 0))
      failing = true;
    fileResults.push({
      filePath: result.displayPath,
      diagnostics: result.diagnostics,
      ...(result.source === undefined ? {} : { source: result.source }),
    });
  }
  const color = flags.color && io.stdoutIsTTY && !io.env.NO_COLOR;
  const report = format(fileResults, { color, rules: registry, version: "0.1.0", notifications: problems });
  if (fixRequest) {
    // Standard output carries the fixed text (stdin) or the diff (dry run); the findings left go to stderr then.
    let patches = "";
    for (const r of results) if (r.fix?.change) patches += await patchOf(r.displayPath, r.fix.change);
    if (stdin && fixRequest.write) io.stdout(results[0]?.fix?.output ?? "");
    else if (!fixRequest.write) io.stdout(patches);
    else io.stdout(report);
    if (stdin || !fixRequest.write) io.stderr(report);
    io.stderr(fixSummary(results, fixRequest));
  } else io.stdout(report);
  if (problems.length > 0) return 2;
  return failing ? 1 : 0;
}

const wantsBaseImages = (config: LoadedConfig) =>
  config.resolve || Object.keys(config.imageConfigs).length > 0;

/**
 * Gives each job the base image configs it may use: `--image-config` files, the config's `imageConfigs`, and
 * with `--resolve` (or the config's `resolve: true`) the configs read from registries. The code that reads them
 * (and the network client) is loaded only here, so that a plain `hull lint` never loads it.
 */
async function addBaseImages(
  jobs: readonly LintJob[],
  jobConfigs: ReadonlyMap<LintJob, LoadedConfig>,
  flags: LintFlags,
  io: Io,
): Promise<void> {
  const { baseImageNames, readImageConfigFile, readImageConfigs, resolveBaseImages } =
    await import("../base-images.js");
  const given = readImageConfigs(flags.imageConfig, io);
  if (typeof given === "string") throw new UsageError(given);
  const registry = registryOptionsOf(flags, io.env);
  if (typeof registry === "string") throw new UsageError(registry);
  const files = new Map<string, BaseImage>();
  const fromConfig = (config: LoadedConfig): Record<string, BaseImage> => {
    const out: Record<string, BaseImage> = {};
    for (const [ref, path] of Object.entries(config.imageConfigs)) {
      let image = files.get(path);
      if (!image) {
        const read = readImageConfigFile(ref, path, io);
        if (typeof read === "string")
          throw new UsageError(`${config.path ?? "config"}: imageConfigs.${read}`);
        files.set(path, (image = read));
      }
      out[ref] = image;
    }
    return out;
  };
  // Per job: the configs it was given, and the images it needs from registries.
  const wanted = new Map<LintJob, { known: Record<string, BaseImage>; names: string[] }>();
  const unknown: string[] = [];
  for (const job of jobs) {
    const config = jobConfigs.get(job)!;
    const known = { ...fromConfig(config), ...given };
    let names: string[] = [];
    if (flags.resolve || config.resolve) {
      let text: string;
      try {
        text = job.text ?? io.readFile(job.path);
      } catch {
        // The job reports the unreadable file itself.
        continue;
      }
      const have = new Set(Object.keys(known).map(normalizeImageReference));
      names = baseImageNames(text).filter((n) => !have.has(normalizeImageReference(n)));
      unknown.push(...names);
    }
    wanted.set(job, { known, names });
  }
  const resolved =
    unknown.length === 0 ? { configs: {}, warnings: [] } : await resolveBaseImages(unknown, registry);
  for (const warning of resolved.warnings) io.stderr(`hull lint: warning: ${warning}\n`);
  const byName = new Map(
    Object.entries(resolved.configs).map(([ref, image]) => [normalizeImageReference(ref), image]),
  );
  for (const [job, { known, names }] of wanted) {
    const configs: Record<string, BaseImage> = { ...known };
    for (const name of names) {
      const image = byName.get(normalizeImageReference(name));
      if (image) configs[name] = image;
    }
    if (Object.keys(configs).length > 0) job.imageConfigs = configs;
  }
}

/** One line for stderr: how many findings were (or would be) fixed, by rule, in how many files. */
function fixSummary(results: readonly LintJobResult[], request: FixRequest): string {
  const byRule = new Map<string, number>();
  let files = 0;
  for (const r of results) {
    const counts = Object.entries(r.fix?.fixed ?? {});
    if (counts.length > 0) files++;
    for (const [id, n] of counts) byRule.set(id, (byRule.get(id) ?? 0) + n);
  }
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const verb = request.write ? "fixed" : "would fix";
  // A fix that could not be written was reported as an error already.
  if (total === 0) return results.some((r) => r.error !== undefined) ? "" : "hull: nothing to fix.\n";
  const detail = [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => `${id} ${n}`);
  return `hull: ${verb} ${total} problem${total === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"} (${detail.join(", ")}).\n`;
}

/** `hull lint [PATH…|-]`: lints Dockerfiles and reports in one of several formats. */
export const registerLint: Register = (program, io, setExit) => {
  const command = program
    .command("lint")
    .description("lint Dockerfiles: files, directories (recursively) or - for standard input")
    .argument("[paths...]", "files or directories; - reads standard input", [])
    .addOption(
      new Option("-f, --format <name>", "output format").choices(Object.keys(formatters)).default("stylish"),
    )
    .option(
      "-c, --config <file>",
      `use this config file instead of searching for one (${hullConfigNames.filter((n) => n !== "package.json").join(", ")}, a "hull" key in package.json, else ${hadolintConfigNames.join(", ")}; nearest up from each Dockerfile)`,
    )
    .addOption(
      new Option("--preset <name>", "which rules run by default").choices(["recommended", "all", "security"]),
    )
    .option("--rule <id=severity>", "set a rule's severity (or off); repeatable", collect, [])
    .option("--ignore <id>", "turn a rule off; repeatable", collect, [])
    .addOption(
      new Option(
        "--failure-threshold <level>",
        `least severe finding that makes the exit code 1 (default: the config's failureThreshold, else ${defaultConfig(".").failureThreshold} as in hadolint)`,
      ).choices([...severities, "none"]),
    )
    .option("--no-color", "never colour the output")
    .option(
      "--shellcheck <path>",
      "the ShellCheck program to run on RUN scripts (default: shellcheck on PATH)",
    )
    .option("--no-shellcheck", "do not run ShellCheck")
    .option("--verbose", "say what was skipped (e.g. ShellCheck findings when ShellCheck is absent)")
    .option("--stdin-filename <path>", "the path to report (and find config for) when reading standard input")
    .option(
      "--since <rev>",
      "lint only the Dockerfiles added, modified or renamed since a git revision, and untracked ones",
    )
    .option(
      "--allow-empty",
      "exit 0 when the paths hold no Dockerfiles (for hooks that pass file lists); otherwise that is exit 2",
    )
    .option("--fix", "apply safe fixes in place (with -, print the fixed text), then report what is left")
    .option("--fix-dry-run", "print the fixes as a unified diff; change nothing")
    .option("--unsafe-fixes", "with --fix or --fix-dry-run, also apply fixes that can change the image")
    .option(
      "--build-context <name=value>",
      "a named build context the build passes (as docker buildx build); repeatable",
      collect,
      [],
    )
    .option(
      "--resolve",
      "read base image configs from their registries (network; cached by digest) for the rules that depend on inherited values",
    );
  addRegistryOptions(command).action(async (paths: string[], flags: LintFlags) => {
    try {
      setExit(await runLint(paths, flags, io));
    } catch (error) {
      if (
        error instanceof UsageError ||
        error instanceof ConfigError ||
        error instanceof DiscoveryError ||
        error instanceof MissingLibraryError
      ) {
        io.stderr(`hull lint: ${error.message}\n`);
        setExit(2);
        return;
      }
      throw error;
    }
  });
};
