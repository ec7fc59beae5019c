import { parse, type Run, semanticModel } from "@hull/parser";
import { describe, expect, it } from "vitest";
import {
  embeddedScripts,
  keptRunSplits,
  runCommands,
  runShell,
  scriptCommands,
  substitutionMentions,
  withRunCaches,
} from "./run.js";

/** A RUN node as runShell reads it, from a one-line shell-form script. */
function run(script: string) {
  const range = { start: { offset: 4 }, end: { offset: 4 + script.length } };
  return {
    form: "shell" as const,
    args: [{ value: script, range }],
    heredocs: [],
    tokens: [{ kind: "text", text: script, offset: 4 }],
  } as unknown as Run;
}

describe("substitutionMentions", () => {
  const wget = (raw: string) => raw.includes("wget");
  it.each([
    ["wget -q https://e.com/a", false],
    ["echo $(uname -m) && wget -q https://e.com/a", false],
    ['tar -xzf "$(wget -qO- https://e.com/a)"', true],
    ["echo `wget -qO- https://e.com/a`", true],
    ["cat > $(wget -qO- https://e.com/name)", true],
    ["echo '$(wget)' ${wget}", true],
  ])("%s → %s", (script, expected) => {
    expect(substitutionMentions(runShell(run(script), null), wget)).toBe(expected);
  });

  it("is true whenever runCommands finds a matching command that runShell does not", () => {
    for (const script of ["a $(wget x)", "a `b; wget`", 'a "$(b $(wget c))"', "a > $(wget)", "wget $(b)"]) {
      const node = run(script);
      const extra = runCommands(node, null)
        .lists.slice(1)
        .flat()
        .some((c) => c.base === "wget");
      if (extra) expect(substitutionMentions(runShell(node, null), wget)).toBe(true);
    }
  });
});

describe("withRunCaches", () => {
  it("splits each RUN once while it runs, and afresh on every call outside it", () => {
    const node = run("apt-get update && echo $(uname -m)");
    withRunCaches(() => {
      expect(runShell(node, null)).toBe(runShell(node, null));
      expect(runCommands(node, null)).toBe(runCommands(node, null));
      expect(runCommands(node, null).shell).toBe(runShell(node, null));
      // A nested scope (a lint inside a lint) has its own caches and gives the outer ones back.
      const outer = runShell(node, null);
      withRunCaches(() => expect(runShell(node, null)).not.toBe(outer));
      expect(runShell(node, null)).toBe(outer);
    });
    expect(runShell(node, null)).not.toBe(runShell(node, null));
    expect(runShell(node, null).commands.map((c) => c.base)).toEqual(["apt-get", "echo"]);
  });
});

describe("run caches", () => {
  it("give each RUN, file and shell its own split, whatever the order of the calls", () => {
    const code = 'FROM debian:12\nRUN echo a\nSHELL ["pwsh", "-c"]\nRUN echo b\n';
    const { ast } = parse(code);
    const scope = { semantic: semanticModel(ast) };
    const [first, second] = ast.instructions.filter((i): i is Run => i.type === "Run");
    withRunCaches(() => {
      const a = runShell(first!, scope);
      const b = runShell(second!, scope);
      const bPosix = runShell(second!, null);
      expect([a.dialect, b.dialect, bPosix.dialect]).toEqual(["posix", "powershell", "posix"]);
      expect(runShell(first!, scope)).toBe(a);
      expect(runShell(second!, null)).toBe(bPosix);
      expect(runShell(second!, scope)).toBe(b);
      expect(runShell(first!, null)).toBe(a);
      expect(scriptCommands(b).map((c) => c.base)).toEqual(["write-output"]);
    });
  });

  it("read the scripts a RUN hands to PowerShell or cmd once per file", () => {
    const node = run('echo a && pwsh -c "iwr https://e.com/a" && CMD /C "del x" && chmod +x a');
    withRunCaches(() => {
      const scripts = embeddedScripts(runShell(node, null));
      expect(scripts.map((s) => [s.dialect, s.script])).toEqual([
        ["powershell", "iwr https://e.com/a"],
        ["cmd", "del x"],
      ]);
      expect(embeddedScripts(runShell(node, null))).toBe(scripts);
      expect(scriptCommands(scripts[0]!)).toBe(scriptCommands(embeddedScripts(runShell(node, null))[0]!));
    });
    expect(embeddedScripts(runShell(node, null))).not.toBe(embeddedScripts(runShell(node, null)));
    const outside = embeddedScripts(runShell(node, null))[0]!;
    expect(scriptCommands(outside)).not.toBe(scriptCommands(outside));
    expect(scriptCommands(outside)).toEqual(scriptCommands(outside));
  });

  it("share the POSIX split of a RUN whose heredoc is data, and split again when a heredoc is script", () => {
    for (const [code, names] of [
      ["FROM a\nRUN cat <<EOF > /x && echo done\nrm -rf /\nEOF\n", ["cat", "echo"]],
      ["FROM a\nRUN bash <<EOF && echo done\nrm -rf /x\nEOF\n", ["bash", "echo", "rm"]],
    ] as const) {
      const node = parse(code).ast.instructions[1] as Run;
      expect(runShell(node, null).commands.map((c) => c.base)).toEqual(names);
    }
  });
});

describe("run caches of a long file", () => {
  it(`keep the splits of the last ${keptRunSplits} RUNs read, and split the others afresh`, () => {
    const runs = Array.from({ length: keptRunSplits + 1 }, (_, i) => run(`echo ${i} && pwsh -c "echo"`));
    withRunCaches(() => {
      const first = runShell(runs[0]!, null);
      const inner = embeddedScripts(first);
      const second = runShell(runs[1]!, null);
      // As many RUNs as are kept, then the first again: it is now the most recent, the second the oldest.
      for (const node of runs.slice(2, -1)) runShell(node, null);
      expect(runShell(runs[0]!, null)).toBe(first);
      // One more RUN drops the second.
      runShell(runs.at(-1)!, null);
      expect(runShell(runs[0]!, null)).toBe(first);
      expect(embeddedScripts(first)).toBe(inner);
      expect(inner.map((s) => s.dialect)).toEqual(["powershell"]);
      const again = runShell(runs[1]!, null);
      expect(again).not.toBe(second);
      expect(again.script).toBe(second.script);
      expect(runCommands(runs[1]!, null).all.map((c) => c.base)).toEqual(["echo", "pwsh"]);
    });
  });
});

describe("the map of a shell-form script", () => {
  // With the Dockerfile's text, a script that stands in the source as written is mapped without its tokens; the
  // spans must be those its tokens give, and a script split over lines must still be mapped from its tokens.
  it.each([
    ["one line", "FROM a\nRUN apt-get install -y curl && rm -rf /x\n"],
    ["continued lines", "FROM a\nRUN apt-get install -y \\\n    curl \\\n  # a comment\n    git\n"],
    ["a heredoc the shell reads", "FROM a\nRUN <<EOF\necho one\necho two\nEOF\n"],
    ["a heredoc after a continued line", "FROM a\nRUN sh \\\n  <<EOF\necho one\nEOF\n"],
    ["a backtick escape", "# escape=`\nFROM a\nRUN echo a `\n  b\n"],
  ])("gives the same spans with the source as from the tokens: %s", (_name, text) => {
    const { ast } = parse(text);
    const semantic = semanticModel(ast);
    const node = ast.instructions.find((i): i is Run => i.type === "Run")!;
    const fromTokens = runShell(node, { semantic });
    const fromSource = runShell(node, { semantic, source: text });
    expect(fromSource.script).toBe(fromTokens.script);
    const n = fromTokens.script.length;
    let compared = 0;
    for (let i = 0; i <= n; i++) {
      for (const j of [i, Math.min(i + 1, n), n]) {
        expect(fromSource.span(i, j)).toEqual(fromTokens.span(i, j));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3 * n);
  });
});
