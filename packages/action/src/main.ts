import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { annotations, countLevels, findingsOf, summary, type LintedFile } from "./report.js";

// The action talks to the runner through files and `::` commands only (no @actions/core): inputs arrive as
// INPUT_<NAME> variables, outputs go to $GITHUB_OUTPUT and the summary to $GITHUB_STEP_SUMMARY.
const env = process.env;
const input = (name: string) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();

// The action runs the committed CLI bundle of the same checkout, so it lints exactly as `hull lint` does.
const cli = fileURLToPath(new URL("../../cli/bin/hull.js", import.meta.url));
const workspace = env.GITHUB_WORKSPACE || process.cwd();

function hull(args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: workspace,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...env, NO_COLOR: "1" },
  });
  return {
    status: run.status ?? 2,
    // Node leaves stdout null (though typed string) when the process could not start.
    stdout: (run.stdout as string | null) ?? "",
    stderr: run.stderr || (run.error?.message ?? ""),
  };
}

function setOutputs(outputs: Record<string, string | number>): void {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
}

function fail(message: string): number {
  process.stdout.write(`::error title=hull::${message.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}\n`);
  return 2;
}

function run(): number {
  const paths = input("paths").split(/\s+/).filter(Boolean);
  const format = input("format") || "stylish";
  const options: string[] = [];
  for (const [name, flag] of [
    ["config", "--config"],
    ["preset", "--preset"],
    ["failure-threshold", "--failure-threshold"],
  ] as const) {
    if (input(name)) options.push(flag, input(name));
  }
  const lint = (fmt: string) =>
    hull(["lint", "--format", fmt, ...options, "--", ...(paths.length ? paths : ["."])]);

  const json = lint("json");
  let files: LintedFile[];
  try {
    files = JSON.parse(json.stdout) as LintedFile[];
  } catch {
    // Usage and configuration errors (exit 2) print a message and no report.
    return fail(`hull lint failed (exit ${json.status}): ${json.stderr.trim() || "no output"}`);
  }
  if (json.stderr) process.stderr.write(json.stderr);

  // The log shows the findings in the requested format; `github` is what the annotations below already are.
  if (format !== "github") {
    const log = lint(format);
    if (log.status === 2) return fail(`hull lint --format ${format} failed: ${log.stderr.trim()}`);
    process.stdout.write(log.stdout);
  }

  const sarifFile = input("sarif-file");
  if (sarifFile) {
    const sarif = lint("sarif");
    const target = resolve(workspace, sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, sarif.stdout);
  }

  const findings = findingsOf(files);
  const failed = json.status !== 0;
  for (const line of annotations(findings)) process.stdout.write(`${line}\n`);

  if (env.GITHUB_STEP_SUMMARY) {
    const docs = new Map<string, string>();
    if (findings.length > 0) {
      const rules = hull(["rules", "--format", "json"]);
      try {
        for (const rule of JSON.parse(rules.stdout) as { id: string; docs: string }[])
          docs.set(rule.id, rule.docs);
      } catch {
        // Without the docs links the summary is still complete.
      }
    }
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
    const source =
      server && repository && sha
        ? (file: string, line: number) => `${server}/${repository}/blob/${sha}/${file}#L${line}`
        : undefined;
    appendFileSync(env.GITHUB_STEP_SUMMARY, summary(findings, files.length, { docs, source }, failed));
  }

  const counts = countLevels(findings);
  setOutputs({
    findings: findings.length,
    errors: counts.error,
    warnings: counts.warning,
    notices: counts.info + counts.style,
    files: files.length,
    "sarif-file": sarifFile ? resolve(workspace, sarifFile) : "",
    "exit-code": json.status,
  });
  if (json.status === 1) {
    process.stderr.write("hull: findings at or above the failure threshold; failing the step.\n");
  }
  return json.status;
}

process.exitCode = run();
