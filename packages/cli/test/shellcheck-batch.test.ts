import { spawnSync } from "node:child_process";
import { shellcheckRequest, type ShellcheckOutput, type ShellcheckRequest } from "@hull/linter";
import { parse, semanticModel } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { runShellcheckBatch } from "../src/commands/shellcheck-batch.js";
import { processIo } from "../src/io.js";

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

describe("runShellcheckBatch", () => {
  it("splits one run's output into each request's share, in order", () => {
    const calls: ShellcheckRequest[] = [];
    const run = (r: ShellcheckRequest): ShellcheckOutput => {
      calls.push(r);
      const files = r.scripts.map((_, i) => `${i}.sh`);
      const comments = files.map((file, i) => ({ file, line: 1, code: 2000 + i }));
      return { files, stdout: JSON.stringify({ comments }) };
    };
    const requests = [
      { args: ["-x"], scripts: ["a", "b"] },
      { args: ["-x"], scripts: [] },
      { args: ["-x"], scripts: ["c"] },
    ];
    const outputs = runShellcheckBatch(run, requests)!;
    expect(calls).toEqual([{ args: ["-x"], scripts: ["a", "b", "c"] }]);
    expect(outputs.map((o) => o.files)).toEqual([["0.sh", "1.sh"], [], ["2.sh"]]);
    expect(outputs.map((o) => byScript(o).map((cs) => cs.map((c) => c.code)))).toEqual([
      [[2000], [2001]],
      [],
      [[2002]],
    ]);
  });

  it("gives up when the run fails or its output cannot be read", () => {
    const requests = [{ args: [], scripts: ["a"] }];
    expect(runShellcheckBatch(() => null, requests)).toBeNull();
    expect(runShellcheckBatch(() => ({ files: ["0.sh"], stdout: "not json" }), requests)).toBeNull();
    expect(runShellcheckBatch(() => ({ files: ["0.sh"], stdout: "{}" }), requests)).toBeNull();
  });
});

const shellcheckFound = spawnSync("shellcheck", ["--version"]).status === 0;

describe.skipIf(!shellcheckFound)("runShellcheckBatch with the real ShellCheck", () => {
  if (!shellcheckFound) console.warn("shellcheck is not on PATH: the real-ShellCheck batch test is skipped");

  it("finds in one run what a run per Dockerfile finds", () => {
    const requests = dockerfiles.map(request);
    const run = (r: ShellcheckRequest) => processIo.runShellcheck!("shellcheck", r);
    const alone = requests.map((r) => byScript(run(r)!));
    const batched = runShellcheckBatch(run, requests)!.map(byScript);
    expect(batched).toEqual(alone);
    // Each case has the findings it was written for: the batch is compared on something.
    expect(alone.map((scripts) => scripts.flat().length > 0)).toEqual([true, true, false, true]);
  });
});
