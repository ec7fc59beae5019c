var __hullMetaUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";

// packages/action/src/main.ts
var import_node_child_process = require("node:child_process");
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_url = require("node:url");

// packages/action/src/report.ts
var levels = ["error", "warning", "info", "style"];
var kindOf = {
  error: "error",
  warning: "warning",
  info: "notice",
  style: "notice"
};
var annotationLimit = 10;
function findingsOf(files) {
  const findings = files.flatMap(
    (file) => file.messages.map((m) => ({
      file: file.filePath,
      ruleId: m.ruleId ?? "hull",
      level: m.level,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine ?? m.line,
      endColumn: m.endColumn ?? m.column
    }))
  );
  const rank = (f) => levels.indexOf(f.level);
  return findings.sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
  );
}
function countLevels(findings) {
  const counts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function annotations(findings) {
  const lines = [];
  for (const kind of ["error", "warning", "notice"]) {
    const ofKind = findings.filter((f) => kindOf[f.level] === kind);
    const shown = ofKind.length > annotationLimit ? ofKind.slice(0, annotationLimit - 1) : ofKind;
    for (const f of shown) {
      const properties = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `endLine=${f.endLine}`,
        `col=${f.column}`,
        // GitHub rejects a column range that spans lines.
        ...f.endLine === f.line ? [`endColumn=${f.endColumn}`] : [],
        `title=${escapeProperty(`hull ${f.ruleId}`)}`
      ];
      lines.push(`::${kind} ${properties.join(",")}::${escapeData(f.message)}`);
    }
    const rest = ofKind.length - shown.length;
    if (rest > 0) {
      const noun = kind === "notice" ? "notices" : `${kind}s`;
      lines.push(
        `::${kind} title=hull::${rest} more ${noun} are not annotated (GitHub shows ${annotationLimit} per kind); see the job summary.`
      );
    }
  }
  return lines;
}
var topFindings = 20;
var cell = (s) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
var link = (text, url) => url ? `[${text}](${url})` : text;
function summary(findings, fileCount, links, failed) {
  const counts = countLevels(findings);
  const files = new Set(findings.map((f) => f.file)).size;
  const out = [`## hull lint ${failed ? "\u274C" : "\u2705"}`, ""];
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (findings.length === 0) {
    out.push(`No findings in ${plural(fileCount, "Dockerfile")}.`);
    return `${out.join("\n")}
`;
  }
  const bySeverity = levels.filter((l) => counts[l] > 0).map((l) => l === "error" || l === "warning" ? plural(counts[l], l) : `${counts[l]} ${l}`);
  out.push(
    `${plural(findings.length, "finding")} in ${files} of ${plural(fileCount, "Dockerfile")}: ${bySeverity.join(", ")}.`,
    "",
    "| Rule | Severity | Findings |",
    "| --- | --- | ---: |"
  );
  const perRule = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const key = `${f.level} ${f.ruleId}`;
    const row = perRule.get(key) ?? { ruleId: f.ruleId, level: f.level, count: 0 };
    row.count++;
    perRule.set(key, row);
  }
  const rows = [...perRule.values()].sort(
    (a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || b.count - a.count || a.ruleId.localeCompare(b.ruleId)
  );
  for (const r of rows) out.push(`| ${link(r.ruleId, links.docs.get(r.ruleId))} | ${r.level} | ${r.count} |`);
  out.push("", `### ${findings.length > topFindings ? `Top ${topFindings} findings` : "Findings"}`, "");
  out.push("| Where | Rule | Message |", "| --- | --- | --- |");
  for (const f of findings.slice(0, topFindings)) {
    const where = link(`${cell(f.file)}:${f.line}:${f.column}`, links.source?.(f.file, f.line));
    out.push(`| ${where} | ${link(f.ruleId, links.docs.get(f.ruleId))} (${f.level}) | ${cell(f.message)} |`);
  }
  if (findings.length > topFindings) out.push("", `\u2026 and ${findings.length - topFindings} more.`);
  return `${out.join("\n")}
`;
}

// packages/action/src/main.ts
var env = process.env;
var input = (name) => (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
var cli = (0, import_node_url.fileURLToPath)(new URL("../../cli/bin/hull.js", __hullMetaUrl));
var workspace = env.GITHUB_WORKSPACE || process.cwd();
function hull(args) {
  const run2 = (0, import_node_child_process.spawnSync)(process.execPath, [cli, ...args], {
    cwd: workspace,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...env, NO_COLOR: "1" }
  });
  return {
    status: run2.status ?? 2,
    // Node leaves stdout null (though typed string) when the process could not start.
    stdout: run2.stdout ?? "",
    stderr: run2.stderr || (run2.error?.message ?? "")
  };
}
function setOutputs(outputs) {
  if (!env.GITHUB_OUTPUT) return;
  (0, import_node_fs.appendFileSync)(
    env.GITHUB_OUTPUT,
    Object.entries(outputs).map(([k, v]) => `${k}=${v}
`).join("")
  );
}
function fail(message) {
  process.stdout.write(`::error title=hull::${message.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}
`);
  return 2;
}
function run() {
  const paths = input("paths").split(/\s+/).filter(Boolean);
  const format = input("format") || "stylish";
  const options = [];
  for (const [name, flag] of [
    ["config", "--config"],
    ["preset", "--preset"],
    ["failure-threshold", "--failure-threshold"]
  ]) {
    if (input(name)) options.push(flag, input(name));
  }
  const lint = (fmt) => hull(["lint", "--format", fmt, ...options, "--", ...paths.length ? paths : ["."]]);
  const json = lint("json");
  let files;
  try {
    files = JSON.parse(json.stdout);
  } catch {
    return fail(`hull lint failed (exit ${json.status}): ${json.stderr.trim() || "no output"}`);
  }
  if (json.stderr) process.stderr.write(json.stderr);
  if (format !== "github") {
    const log = lint(format);
    if (log.status === 2) return fail(`hull lint --format ${format} failed: ${log.stderr.trim()}`);
    process.stdout.write(log.stdout);
  }
  const sarifFile = input("sarif-file");
  if (sarifFile) {
    const sarif = lint("sarif");
    const target = (0, import_node_path.resolve)(workspace, sarifFile);
    (0, import_node_fs.mkdirSync)((0, import_node_path.dirname)(target), { recursive: true });
    (0, import_node_fs.writeFileSync)(target, sarif.stdout);
  }
  const findings = findingsOf(files);
  const failed = json.status !== 0;
  for (const line of annotations(findings)) process.stdout.write(`${line}
`);
  if (env.GITHUB_STEP_SUMMARY) {
    const docs = /* @__PURE__ */ new Map();
    if (findings.length > 0) {
      const rules = hull(["rules", "--format", "json"]);
      try {
        for (const rule of JSON.parse(rules.stdout))
          docs.set(rule.id, rule.docs);
      } catch {
      }
    }
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
    const source = server && repository && sha ? (file, line) => `${server}/${repository}/blob/${sha}/${file}#L${line}` : void 0;
    (0, import_node_fs.appendFileSync)(env.GITHUB_STEP_SUMMARY, summary(findings, files.length, { docs, source }, failed));
  }
  const counts = countLevels(findings);
  setOutputs({
    findings: findings.length,
    errors: counts.error,
    warnings: counts.warning,
    notices: counts.info + counts.style,
    files: files.length,
    "sarif-file": sarifFile ? (0, import_node_path.resolve)(workspace, sarifFile) : "",
    "exit-code": json.status
  });
  if (json.status === 1) {
    process.stderr.write("hull: findings at or above the failure threshold; failing the step.\n");
  }
  return json.status;
}
process.exitCode = run();
