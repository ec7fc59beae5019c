import { spawnSync } from "node:child_process";
import { parse, semanticModel } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { runShellcheckBatch, shellcheckEachScript, splitScripts } from "./batch.js";
import { runShellcheck, runShellcheckSync } from "./process.js";
import { shellcheckRequest, type ShellcheckOutput, type ShellcheckRequest } from "./shellcheck.js";

const request = (dockerfile: string): ShellcheckRequest =>
  shellcheckRequest(semanticModel(parse(dockerfile).ast), {})!;

/** Each file's comments, by the file's place in its request, without the file names a run chose. */
const byScript = (output: ShellcheckOutput) => {
  const comments = (JSON.parse(output.stdout) as { comments: { file: string; code: number }[] }).comments;
  return output.files.map((file) =>
    comments.filter((c) => c.file === file).map((c) => ({ ...c, file: undefined })),
  );
};

const dockerfiles = [
  "FROM alpine:3.20\nRUN echo $a\n",
  "FROM debian:12\nRUN cd /tmp && ls `pwd`\nRUN [ $x == 1 ] && echo yes\n",
  "FROM alpine:3.20\nRUN echo fine\n",
  "FROM alpine:3.20\nRUN if true; then echo\n",
];

/** A stand-in ShellCheck: one comment per script, coded 2000 + the script's place in its run. */
const fake = (calls: ShellcheckRequest[]) => (r: ShellcheckRequest) => {
  calls.push(r);
  const files = r.scripts.map((_, i) => `${i}.sh`);
  const comments = files.map((file, i) => ({ file, line: 1, code: 2000 + i, script: r.scripts[i] }));
  return Promise.resolve<ShellcheckOutput>({ files, stdout: JSON.stringify({ comments }) });
};

describe("runShellcheckBatch", () => {
  it("splits one run's output into each request's share, in order", async () => {
    const calls: ShellcheckRequest[] = [];
    const requests = [
      { args: ["-x"], scripts: ["a", "b"] },
      { args: ["-x"], scripts: [] },
      { args: ["-x"], scripts: ["c"] },
    ];
    const outputs = (await runShellcheckBatch(fake(calls), requests))!;
    expect(calls).toEqual([{ args: ["-x"], scripts: ["a", "b", "c"] }]);
    expect(outputs.map((o) => o.files)).toEqual([["0.sh", "1.sh"], [], ["0.sh"]]);
    expect(outputs.map((o) => byScript(o).map((cs) => cs.map((c) => c.code)))).toEqual([
      [[2000], [2001]],
      [],
      [[2002]],
    ]);
  });

  it("runs the scripts in several processes side by side, and gives each request its own", async () => {
    const calls: ShellcheckRequest[] = [];
    const scripts = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const requests = [
      { args: ["-x"], scripts: scripts.slice(0, 3) },
      { args: ["-x"], scripts: scripts.slice(3, 7) },
      { args: ["-x"], scripts: scripts.slice(7) },
    ];
    const outputs = (await runShellcheckBatch(fake(calls), requests, 2))!;
    expect(calls.map((c) => c.scripts)).toEqual([scripts.slice(0, 5), scripts.slice(5)]);
    // Each comment lands on its own script, whichever run checked it and whatever name it had there.
    const found = outputs.map((o) =>
      byScript(o).map((cs) => cs.map((c) => (c as { script?: string }).script)),
    );
    expect(found).toEqual(requests.map((r) => r.scripts.map((script) => [script])));
  });

  it("takes a run of more scripts than a call takes arguments (a generated file)", async () => {
    const scripts = Array.from({ length: 200_000 }, (_, i) => `s${i}`);
    const outputs = (await runShellcheckBatch(fake([]), [{ args: [], scripts }]))!;
    const comments = (JSON.parse(outputs[0]!.stdout) as { comments: { file: string; script: string }[] })
      .comments;
    expect(comments).toHaveLength(200_000);
    expect(comments[199_999]).toMatchObject({ file: "199999.sh", script: "s199999" });
  });

  it("gives up when a run fails or its output cannot be read", async () => {
    const requests = [{ args: [], scripts: ["a"] }];
    const output = (o: ShellcheckOutput | Error) => () => Promise.resolve(o);
    expect(await runShellcheckBatch(output(new Error("no such program")), requests)).toBeNull();
    expect(await runShellcheckBatch(output({ files: ["0.sh"], stdout: "not json" }), requests)).toBeNull();
    expect(await runShellcheckBatch(output({ files: ["0.sh"], stdout: "{}" }), requests)).toBeNull();
    // One failed run of two.
    let n = 0;
    const second = (r: ShellcheckRequest) => (n++ === 1 ? Promise.resolve(new Error("killed")) : fake([])(r));
    const eight = [{ args: [], scripts: Array.from({ length: 8 }, (_, i) => `s${i}`) }];
    expect(await runShellcheckBatch(second, eight, 2)).toBeNull();
  });
});

describe("shellcheckEachScript", () => {
  it("gives the error that stopped a run, or one saying its output is not json1", async () => {
    const failed = new Error("no such program");
    expect(await shellcheckEachScript(() => Promise.resolve(failed), [], ["a"])).toBe(failed);
    const unreadable = await shellcheckEachScript(
      () => Promise.resolve({ files: ["0.sh"], stdout: "{}" }),
      [],
      ["a"],
    );
    expect(unreadable).toBeInstanceOf(Error);
    expect((unreadable as Error).message).toBe("its output is not ShellCheck's json1");
  });
});

describe("splitScripts", () => {
  const sizes = (runs: string[][]) => runs.map((run) => run.map((s) => s.length));

  it("keeps a few scripts in one run: a process costs as much to start as a few scripts to check", () => {
    expect(splitScripts(["a", "b", "c", "d", "e", "f", "g"], 2)).toEqual([
      ["a", "b", "c", "d", "e", "f", "g"],
    ]);
    expect(splitScripts(["a", "b", "c", "d", "e", "f", "g", "h"], 1)).toHaveLength(1);
    expect(splitScripts([], 4)).toEqual([[]]);
  });

  it("gives each run about the same length of text, in order, with at least four scripts", () => {
    const scripts = [1, 1, 1, 1, 1, 1, 1, 1, 50, 50, 1, 1, 1, 1].map((n) => "x".repeat(n));
    const runs = splitScripts(scripts, 2);
    expect(runs.flat()).toEqual(scripts);
    expect(sizes(runs)).toEqual([
      [1, 1, 1, 1, 1, 1, 1, 1, 50],
      [50, 1, 1, 1, 1],
    ]);
    // A long script first still leaves four scripts to each later run.
    expect(
      sizes(
        splitScripts(
          [100, 1, 1, 1, 1, 1, 1, 1].map((n) => "x".repeat(n)),
          2,
        ),
      ),
    ).toEqual([
      [100, 1, 1, 1],
      [1, 1, 1, 1],
    ]);
    expect(
      splitScripts(
        Array.from({ length: 40 }, () => "x"),
        3,
      ).map((run) => run.length),
    ).toEqual([13, 14, 13]);
    // The scripts of docker-library's postgres Dockerfile: the long one late in the file goes to the second run.
    const postgres = [373, 257, 1133, 588, 300, 196, 483, 2214, 705, 289, 273];
    expect(
      sizes(
        splitScripts(
          postgres.map((n) => "x".repeat(n)),
          2,
        ),
      ),
    ).toEqual([postgres.slice(0, 7), postgres.slice(7)]);
  });
});

const shellcheckFound = spawnSync("shellcheck", ["--version"]).status === 0;

describe.skipIf(!shellcheckFound)("runShellcheckBatch with the real ShellCheck", () => {
  if (!shellcheckFound) console.warn("shellcheck is not on PATH: the real-ShellCheck batch test is skipped");

  it.each([1, 2, 3])("finds in runs side by side (%i) what a run per Dockerfile finds", async (ways) => {
    const requests = [...dockerfiles, ...dockerfiles, ...dockerfiles].map(request);
    const run = (r: ShellcheckRequest) => runShellcheck("shellcheck", r);
    const alone = requests.map((r) => byScript(runShellcheckSync("shellcheck", r) as ShellcheckOutput));
    const batched = (await runShellcheckBatch(run, requests, ways))!.map(byScript);
    expect(batched).toEqual(alone);
    // Each case has the findings it was written for: the batch is compared on something.
    expect(alone.slice(0, 4).map((scripts) => scripts.flat().length > 0)).toEqual([true, true, false, true]);
  });
});
