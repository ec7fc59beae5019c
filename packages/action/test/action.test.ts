import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The committed bundle that action.yml runs, started the way the runner starts it: inputs in INPUT_* variables,
// outputs and the summary in files, the workspace as GITHUB_WORKSPACE.
const entry = fileURLToPath(new URL("../bundle/action.cjs", import.meta.url));
const cliBundle = fileURLToPath(new URL("../../cli/bundle/hull.cjs", import.meta.url));
const action = fileURLToPath(new URL("../../../action.yml", import.meta.url));
const schemaPath = fileURLToPath(
  new URL("../../../../shared/schemas/sarif-schema-2.1.0.json", import.meta.url),
);
const built = existsSync(entry) && existsSync(cliBundle);
if (!built) console.warn("GitHub Action tests skipped: run `node scripts/bundle.mjs` first");
if (!existsSync(schemaPath)) console.warn(`Action SARIF schema check skipped: ${schemaPath} not found.`);

const root = mkdtempSync(join(tmpdir(), "hull-action-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function workspace(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function runAction(dir: string, inputs: Record<string, string>) {
  const output = join(dir, "..", `${dir.split("/").pop()}.output`);
  const summary = join(dir, "..", `${dir.split("/").pop()}.summary`);
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const run = spawnSync(process.execPath, [entry], {
    cwd: root,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "someone/app",
      GITHUB_SHA: "0123abc",
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  const annotationLines = run.stdout.split("\n").filter((l) => /^::(error|warning|notice) /.test(l));
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    outputs,
    annotationLines,
    summary: readFileSync(summary, "utf8"),
  };
}

// Twelve stages on `latest`: more warnings than GitHub shows, so the action must summarise the rest.
const noisy = Array.from({ length: 12 }, (_, i) => `FROM node:latest AS s${i}\nRUN echo ${i}\n`).join("");
const bad = "FROM node:latest\nMAINTAINER me\nADD . /app\n";

describe.skipIf(!built)("the GitHub Action", () => {
  it("declares the inputs it reads and runs the committed bundle on node20", () => {
    const yml = readFileSync(action, "utf8");
    expect(yml).toContain("using: node20");
    expect(yml).toContain("main: packages/action/bundle/action.cjs");
    for (const name of ["paths", "config", "preset", "failure-threshold", "format", "sarif-file"])
      expect(yml).toMatch(new RegExp(`^  ${name}:$`, "m"));
  });

  it("annotates, summarises, writes outputs and SARIF, and fails on findings", async () => {
    const dir = workspace("bad", {
      Dockerfile: bad,
      "svc/noisy.Dockerfile": noisy,
      "ok/Dockerfile": "FROM alpine:3.20\n",
    });
    const run = runAction(dir, {
      paths: "Dockerfile svc\nok",
      format: "compact",
      "sarif-file": "out/hull.sarif",
    });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({
      files: "3",
      "exit-code": "1",
      "sarif-file": join(dir, "out/hull.sarif"),
    });
    const findings = Number(run.outputs.findings);
    expect(findings).toBe(
      Number(run.outputs.errors) + Number(run.outputs.warnings) + Number(run.outputs.notices),
    );
    expect(Number(run.outputs.warnings)).toBeGreaterThan(10);
    // The compact log lists every finding; the annotations stop at 10 per kind and say how many more there are.
    expect(
      run.stdout.split("\n").filter((l) => /^(Dockerfile|svc\/noisy\.Dockerfile):\d+:\d+: /.test(l)),
    ).toHaveLength(findings);
    const warnings = run.annotationLines.filter((l) => l.startsWith("::warning "));
    expect(warnings).toHaveLength(10);
    expect(warnings[9]).toBe(
      `::warning title=hull::${Number(run.outputs.warnings) - 9} more warnings are not annotated (GitHub shows 10 per kind); see the job summary.`,
    );
    expect(run.annotationLines).toContain(
      "::error file=Dockerfile,line=3,endLine=3,col=1,endColumn=4,title=hull prefer-copy-over-add::ADD is used for plain files; use COPY, which only copies.",
    );
    expect(run.summary).toContain("## hull lint ❌");
    expect(run.summary).toContain(`${findings} findings in 2 of 3 Dockerfiles`);
    expect(run.summary).toContain(
      "| [no-latest-tag](https://github.com/hull-dev/hull/blob/main/docs/rules/no-latest-tag.md) | warning | 13 |",
    );
    expect(run.summary).toContain(
      "[Dockerfile:3:1](https://github.com/someone/app/blob/0123abc/Dockerfile#L3)",
    );

    const sarif = JSON.parse(readFileSync(join(dir, "out/hull.sarif"), "utf8")) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]?.results).toHaveLength(findings);
    if (existsSync(schemaPath)) {
      // CommonJS modules: under NodeNext, `default` is module.exports, whose `default` is the export.
      const Ajv04 = (await import("ajv-draft-04")).default.default;
      const addFormats = (await import("ajv-formats")).default.default;
      const ajv = new Ajv04({ strict: false, allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
      expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    }
  });

  it("passes a clean workspace, and a dirty one under failure-threshold none", () => {
    const clean = runAction(workspace("clean", { "app/Dockerfile": "FROM alpine:3.20\nUSER nobody\n" }), {});
    expect(clean.status).toBe(0);
    expect(clean.annotationLines).toEqual([]);
    expect(clean.outputs).toMatchObject({ findings: "0", files: "1", "exit-code": "0", "sarif-file": "" });
    expect(clean.summary).toBe("## hull lint ✅\n\nNo findings in 1 Dockerfile.\n");

    const lenient = runAction(workspace("lenient", { Dockerfile: bad }), { "failure-threshold": "none" });
    expect(lenient.status).toBe(0);
    expect(Number(lenient.outputs.findings)).toBeGreaterThan(0);
    expect(lenient.summary).toContain("## hull lint ✅");
  });

  it("reports an unknown format as one error annotation and exit code 2", () => {
    const run = runAction(workspace("format", { Dockerfile: bad }), { format: "yaml" });
    expect(run.status).toBe(2);
    expect(run.annotationLines).toHaveLength(1);
    expect(run.annotationLines[0]).toMatch(/^::error title=hull::hull lint --format yaml failed: .*yaml/);
  });

  it("reports a configuration error as one error annotation and exit code 2", () => {
    const run = runAction(workspace("broken", { Dockerfile: bad }), { config: "missing.yaml" });
    expect(run.status).toBe(2);
    expect(run.annotationLines).toHaveLength(1);
    expect(run.annotationLines[0]).toMatch(
      /^::error title=hull::hull lint failed \(exit 2\): .*missing\.yaml/,
    );
  });
});
