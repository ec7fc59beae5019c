import { describe, expect, it } from "vitest";
import { lint, shellcheckArgs, shellcheckComments } from "@hull/linter";
import { shellcheckEachScript } from "@hull/linter/shellcheck-process";
import { ShellcheckResults } from "./shellcheck.js";

/** ShellCheck's output for scripts checked as `0.sh`, `1.sh`…: one comment per [script index, code]. */
const output = (scripts: readonly string[], found: [number, number][]) => {
  const files = scripts.map((_, i) => `${i}.sh`);
  const comments = found.map(([i, code]) => ({
    file: files[i],
    line: 3,
    column: 6,
    endLine: 3,
    endColumn: 8,
    level: "info",
    code,
    message: `SC${code} here`,
  }));
  return { files, stdout: JSON.stringify({ comments }) };
};

describe("ShellcheckResults", () => {
  it("answers lint with the findings of the scripts it knows, and collects the others", () => {
    const results = new ShellcheckResults();
    results.store(
      ["echo $a", "echo fine", "echo $b"],
      shellcheckComments(
        output(
          ["a", "b", "c"],
          [
            [0, 2086],
            [2, 2154],
          ],
        ),
      )!,
    );
    const unknown = new Set<string>();
    const answer = results.runner(unknown)({ args: shellcheckArgs, scripts: ["echo $b", "ls", "echo fine"] });
    expect(unknown).toEqual(new Set(["ls"]));
    expect(answer.files).toEqual(["0.sh", "1.sh", "2.sh"]);
    // Each known finding is given under the name of the file its script has in this request.
    expect(JSON.parse(answer.stdout)).toEqual({
      comments: [
        {
          file: "0.sh",
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 8,
          level: "info",
          code: 2154,
          message: "SC2154 here",
        },
      ],
    });
  });

  it("keeps nothing of output it cannot read: the server's run gives an error, and nothing to store", async () => {
    const results = new ShellcheckResults();
    for (const stdout of ["oops", "{}"]) {
      const found = await shellcheckEachScript(
        () => Promise.resolve({ files: ["0.sh"], stdout }),
        [],
        ["echo $a"],
      );
      expect(found).toBeInstanceOf(Error);
      if (!(found instanceof Error)) results.store(["echo $a"], found);
    }
    const unknown = new Set<string>();
    results.runner(unknown)({ args: [], scripts: ["echo $a"] });
    expect(unknown).toEqual(new Set(["echo $a"]));
  });

  it("makes lint report a known finding where the RUN has it", () => {
    const results = new ShellcheckResults();
    const text = "FROM alpine:3.20\nRUN echo $a\n";
    const unknown = new Set<string>();
    expect(lint(text, { shellcheck: results.runner(unknown) }).diagnostics).toEqual([]);
    expect(unknown.size).toBe(1);
    const [script] = [...unknown];
    // `$a` is at columns 10-11 of the script's line that holds the RUN's command.
    const line = script!.split("\n").indexOf("echo $a") + 1;
    expect(line).toBeGreaterThan(0);
    const comments = [
      {
        file: "0.sh",
        line,
        column: 6,
        endLine: line,
        endColumn: 8,
        level: "info",
        code: 2086,
        message: "Double quote to prevent globbing and word splitting.",
      },
    ];
    results.store([script!], [comments]);
    const again = lint(text, { shellcheck: results.runner(new Set()) }).diagnostics;
    expect(again.map((d) => [d.ruleId, text.slice(d.range.start.offset, d.range.end.offset)])).toEqual([
      ["shellcheck/SC2086", "$a"],
    ]);
  });
});
