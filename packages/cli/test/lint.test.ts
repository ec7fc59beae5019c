import { describe, expect, it } from "vitest";
import { lintThreads } from "../src/commands/lint.js";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

async function run(argv: string[], files: Record<string, string>, options?: Parameters<typeof fakeIo>[1]) {
  const io = fakeIo(files, { cwd: "/repo", ...options });
  const code = await main(argv, io);
  return { code, stdout: io.out, stderr: io.err };
}

const bad = "FROM alpine:3.20\nMAINTAINER me\nENV A 1\n";
const clean = "FROM alpine:3.20\nENV A=1\n";

describe("hull lint", () => {
  it("lints directories recursively, in path order, skipping .git and node_modules", async () => {
    const result = await run(["lint"], {
      "b/Dockerfile": bad,
      "a/app.Dockerfile": bad,
      "a/Containerfile.dev": clean,
      "a/Dockerfile.dockerignore": "*",
      "c/README.md": bad,
      "node_modules/x/Dockerfile": bad,
      ".git/Dockerfile": bad,
    });
    expect(result).toMatchSnapshot();
  });

  it("--build-context names a context a COPY --from reads, over the config's buildContexts", async () => {
    const files = {
      Dockerfile: "FROM alpine:3.20\nCOPY --from=templates /t /t\nCOPY --from=assets /a /a\n",
      ".hullrc.yaml": "buildContexts:\n  assets: ./assets\n",
    };
    const args = ["lint", "--format", "compact", "Dockerfile"];
    const plain = await run(args, files);
    expect(plain.stdout).toMatch(/No stage is named 'templates'/);
    expect(plain.stdout).not.toMatch(/'assets'/);
    const given = await run([...args, "--build-context", "templates=./templates"], files);
    expect(given.stdout).not.toMatch(/copy-from-undefined-stage/);
    const bad = await run([...args, "--build-context", "templates"], files);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--build-context expects NAME=VALUE, got "templates"/);
  });

  it("exits 0 when nothing reaches the failure threshold", async () => {
    expect((await run(["lint", "Dockerfile"], { Dockerfile: clean })).code).toBe(0);
    const lenient = await run(["lint", "--failure-threshold", "error", "Dockerfile"], { Dockerfile: bad });
    expect(lenient.code).toBe(0);
  });

  it.each(["stylish", "json", "compact", "github", "checkstyle", "gitlab", "sarif"])(
    "--format %s",
    async (format) => {
      const result = await run(["lint", "--format", format, "Dockerfile"], { Dockerfile: bad });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("");
      if (format !== "sarif") expect(result.stdout).toMatchSnapshot();
      else expect(JSON.parse(result.stdout).runs[0].results).toHaveLength(2);
    },
  );

  it("reads standard input with --stdin-filename", async () => {
    const result = await run(
      ["lint", "--format", "compact", "--stdin-filename", "svc/Dockerfile", "-"],
      {},
      { stdin: bad },
    );
    expect(result).toMatchSnapshot();
    const anonymous = await run(["lint", "--format", "compact", "-"], {}, { stdin: bad });
    expect(anonymous.stdout).toMatch(/^<stdin>:2:1: warning maintainer-deprecated/);
  });

  it("applies --rule and --ignore through ids and aliases", async () => {
    const result = await run(
      [
        "lint",
        "--format",
        "compact",
        "--rule",
        "DL4000=error",
        "--ignore",
        "LegacyKeyValueFormat",
        "Dockerfile",
      ],
      { Dockerfile: bad },
    );
    expect(result).toMatchSnapshot();
  });

  it("finds the config upwards, and .hadolint.yaml when there is no hull config", async () => {
    const files = {
      ".hullrc.yaml": "rules:\n  maintainer-deprecated: off\nignorePaths: [vendor/]\n",
      "svc/Dockerfile": bad,
      "vendor/Dockerfile": bad,
    };
    expect(await run(["lint", "--format", "compact"], files)).toMatchSnapshot();
    const hadolint = { ".hadolint.yaml": "ignored: [DL4000]\nfailure-threshold: error\n", Dockerfile: bad };
    expect(await run(["lint", "--format", "compact"], hadolint)).toMatchSnapshot();
  });

  it("honours inline ignores", async () => {
    const text =
      "FROM alpine:3.20\n# hadolint ignore=DL4000\nMAINTAINER me\n# hull ignore=legacy-key-valu\nENV A 1\n";
    expect(await run(["lint", "--format", "compact", "Dockerfile"], { Dockerfile: text })).toMatchSnapshot();
  });

  it("reports syntax errors and keeps linting", async () => {
    expect(
      await run(["lint", "--format", "compact", "Dockerfile"], {
        Dockerfile: "FROM alpine:3.20\nCOPY\nMAINTAINER x\n",
      }),
    ).toMatchSnapshot();
  });

  it("colours only on a terminal without NO_COLOR and without --no-color", async () => {
    const files = { Dockerfile: bad };
    expect((await run(["lint", "Dockerfile"], files, { tty: true })).stdout).toContain("\u001b[");
    expect((await run(["lint", "Dockerfile"], files, { tty: false })).stdout).not.toContain("\u001b[");
    expect(
      (await run(["lint", "Dockerfile"], files, { tty: true, env: { NO_COLOR: "1" } })).stdout,
    ).not.toContain("\u001b[");
    expect((await run(["lint", "--no-color", "Dockerfile"], files, { tty: true })).stdout).not.toContain(
      "\u001b[",
    );
  });

  it.each([
    [["lint", "missing/Dockerfile"], {}],
    [["lint", "--rule", "maintainer-deprecatd=error", "Dockerfile"], { Dockerfile: clean }],
    [["lint", "--rule", "maintainer-deprecated=loud", "Dockerfile"], { Dockerfile: clean }],
    [["lint", "--ignore", "DL9999", "Dockerfile"], { Dockerfile: clean }],
    [["lint", "--format", "xml", "Dockerfile"], { Dockerfile: clean }],
    [["lint", "--config", "nope.yaml", "Dockerfile"], { Dockerfile: clean }],
    [
      ["lint", "Dockerfile"],
      { Dockerfile: clean, ".hullrc.json": '{"rules":{"maintainer-deprecatd":"off"}}' },
    ],
    [["lint", "Dockerfile"], { Dockerfile: clean, ".hullrc.yaml": "rules: [" }],
    [["lint", "-", "Dockerfile"], { Dockerfile: clean }],
  ] as const)("exits 2 with a message and no stack trace: %j", async (argv, files) => {
    const result = await run([...argv], files);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatchSnapshot();
  });
});

describe("hull lint with ShellCheck", () => {
  const script = "FROM alpine:3.20\nRUN echo $a\n";
  /** A fake ShellCheck that reports SC2086 on the first `$` of each script, and records its calls. */
  const withShellcheck = (
    files: Record<string, string>,
    env: Record<string, string> = { PATH: "/opt/sc:/usr/bin" },
  ) => {
    const io = fakeIo({ ...files, "/opt/sc/shellcheck": "" }, { cwd: "/repo", env });
    const calls: { program: string; scripts: readonly string[] }[] = [];
    io.runShellcheck = (program, request) => {
      calls.push({ program, scripts: request.scripts });
      const files = request.scripts.map((_, i) => `${i}.sh`);
      const comments = request.scripts.map((text, i) => {
        const lines = text.split("\n");
        const line = lines.findIndex((l) => l.includes("$"));
        return {
          file: files[i],
          line: line + 1,
          endLine: line + 1,
          column: lines[line]!.indexOf("$") + 1,
          endColumn: lines[line]!.indexOf("$") + 3,
          level: "info",
          code: 2086,
          message: "Double quote to prevent globbing and word splitting.",
        };
      });
      return { files, stdout: JSON.stringify({ comments }) };
    };
    return { io, calls };
  };

  it("runs ShellCheck from PATH once for many files and reports each finding in its file, at its place", async () => {
    const { io, calls } = withShellcheck({ a: script, b: `${script}RUN echo $b\n`, c: "FROM alpine:3.20\n" });
    const code = await main(["lint", "--format", "compact", "a", "b", "c"], io);
    expect(code).toBe(1);
    expect(calls.map((c) => [c.program, c.scripts.length])).toEqual([["/opt/sc/shellcheck", 3]]);
    expect(io.out).toContain(
      "a:2:10: info shellcheck/SC2086 Double quote to prevent globbing and word splitting.",
    );
    expect(io.out).toContain("b:2:10: info shellcheck/SC2086");
    expect(io.out).toContain("b:3:10: info shellcheck/SC2086");
    expect(io.out.match(/SC2086/g)).toHaveLength(3);
  });

  it("holds at most 64 files or 1 MB of text in one ShellCheck batch", async () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`d${i}`, script]));
    const { io, calls } = withShellcheck(many);
    await main(["lint", "--format", "compact", ...Object.keys(many)], io);
    expect(calls.map((c) => c.scripts.length)).toEqual([64, 6]);
    expect(io.out.match(/SC2086/g)).toHaveLength(70);
    // A file of 1 MB ends its batch.
    const large = `${script}${"# a comment line\n".repeat(65_536)}`;
    const sized = withShellcheck({ a: large, b: script, c: script });
    await main(["lint", "--format", "compact", "a", "b", "c"], sized.io);
    expect(sized.calls.map((c) => c.scripts.length)).toEqual([1, 2]);
  });

  it("gives a file its own ShellCheck run when the shared run fails, or when lint asks about other scripts", async () => {
    // The first run (the shared one) fails; each file is then checked alone.
    const failing = withShellcheck({ a: script, b: `${script}RUN echo $b\n` });
    const fake = failing.io.runShellcheck!;
    failing.io.runShellcheck = (program, request) =>
      failing.calls.length === 0
        ? (failing.calls.push({ program, scripts: request.scripts }), null)
        : fake(program, request);
    expect(await main(["lint", "--format", "compact", "a", "b"], failing.io)).toBe(1);
    expect(failing.calls.map((c) => c.scripts.length)).toEqual([3, 1, 2]);
    expect(failing.io.out.match(/SC2086/g)).toHaveLength(3);
    // A template is linted with its markup masked: its scripts are not the ones the shared run checked.
    const template = withShellcheck({ a: script, t: "FROM alpine:{{ .v }}\nRUN echo $t {{ .x }}\n" });
    expect(await main(["lint", "--format", "compact", "a", "t"], template.io)).toBe(1);
    expect(template.calls).toHaveLength(2);
    expect(template.calls[1]!.scripts[0]).not.toContain("{{");
    expect(template.io.out).toContain("a:2:10: info shellcheck/SC2086");
    expect(template.io.out).toMatch(/^t:2:\d+: info shellcheck\/SC2086/m);
  });

  it("accepts ShellCheck codes in --rule and --ignore", async () => {
    const { io } = withShellcheck({ a: script });
    expect(await main(["lint", "--format", "compact", "--rule", "SC2086=error", "a"], io)).toBe(1);
    expect(io.out).toContain("a:2:10: error shellcheck/SC2086");
    const off = withShellcheck({ a: script });
    expect(await main(["lint", "--format", "compact", "--ignore", "shellcheck/SC2086", "a"], off.io)).toBe(0);
  });

  it("--no-shellcheck and --shellcheck PATH choose the program", async () => {
    const none = withShellcheck({ a: script });
    await main(["lint", "--no-shellcheck", "a"], none.io);
    expect(none.calls).toHaveLength(0);
    const chosen = withShellcheck({ a: script, "tools/sc": "" }, {});
    await main(["lint", "--shellcheck", "tools/sc", "a"], chosen.io);
    expect(chosen.calls.map((c) => c.program)).toEqual(["/repo/tools/sc"]);
    const missing = withShellcheck({ a: script });
    expect(await main(["lint", "--shellcheck", "nope", "a"], missing.io)).toBe(2);
    expect(missing.io.err).toBe("hull lint: --shellcheck: no such file: nope\n");
  });

  it("runs the program a config's shellcheck.path names, relative to the config; the command line wins", async () => {
    const config = { ".hullrc.yaml": "shellcheck:\n  path: tools/sc\n", "tools/sc": "" };
    const chosen = withShellcheck({ ...config, a: script }, {});
    await main(["lint", "a"], chosen.io);
    expect(chosen.calls.map((c) => c.program)).toEqual(["/repo/tools/sc"]);
    const off = withShellcheck({ ...config, a: script }, {});
    await main(["lint", "--no-shellcheck", "a"], off.io);
    expect(off.calls).toHaveLength(0);
    const missing = withShellcheck({ ".hullrc.yaml": "shellcheck:\n  path: nope\n", a: script });
    expect(await main(["lint", "a"], missing.io)).toBe(2);
    expect(missing.io.err).toBe("hull lint: /repo/.hullrc.yaml: shellcheck.path: no such file: /repo/nope\n");
  });

  it("says once, with --verbose, that ShellCheck findings were skipped when there is no ShellCheck", async () => {
    const { io, calls } = withShellcheck({ a: script, b: script }, { PATH: "/usr/bin" });
    await main(["lint", "--verbose", "a", "b"], io);
    expect(calls).toHaveLength(0);
    expect(io.err).toBe(
      "hull: ShellCheck was not found on PATH (or --shellcheck); its findings (SC codes) were skipped\n",
    );
    const quiet = withShellcheck({ a: script }, { PATH: "/usr/bin" });
    await main(["lint", "a"], quiet.io);
    expect(quiet.io.err).toBe("");
  });
});

describe("a UTF-8 byte order mark", () => {
  // `ubuntu` starts at column 6 of line 1 whether or not the file starts with a byte order mark.
  const text = "FROM ubuntu\nRUN true\n";
  it.each([
    ["compact", /^Dockerfile:1:6: /m],
    ["stylish", /^ {2}1:6 /m],
    ["github", /^::warning file=Dockerfile,line=1,endLine=1,col=6,endColumn=12,/m],
  ])("leaves the columns of line 1 as they are in --format %s", async (format, pattern) => {
    for (const source of [text, `\ufeff${text}`]) {
      const result = await run(
        ["lint", "--format", format, "--rule", "no-untagged-image=warning", "Dockerfile"],
        {
          Dockerfile: source,
        },
      );
      expect(result.stdout).toMatch(pattern);
    }
  });

  it("leaves the columns of line 1 as they are in SARIF", async () => {
    const result = await run(["lint", "--format", "sarif", "Dockerfile"], { Dockerfile: `\ufeff${text}` });
    const regions = JSON.parse(result.stdout).runs[0].results.map(
      (r: { locations: { physicalLocation: { region: unknown } }[] }) =>
        r.locations[0]!.physicalLocation.region,
    );
    expect(regions).toContainEqual({ startLine: 1, startColumn: 6, endLine: 1, endColumn: 12 });
  });
});

describe("lintThreads", () => {
  const processors = (n: number) => () => n;
  it("lints fewer than 32 files in this thread, without counting the processors", () => {
    expect(lintThreads(31, "4", () => expect.unreachable("processors counted"))).toBe(1);
  });
  it("leaves one processor to this thread and V8's own threads", () => {
    expect(lintThreads(64, undefined, processors(2))).toBe(1);
    expect(lintThreads(3197, undefined, processors(8))).toBe(7);
    expect(lintThreads(1, undefined, processors(1))).toBe(1);
  });
  it("starts a thread per processor when ShellCheck runs, whose processes do most of the work", () => {
    expect(lintThreads(64, undefined, processors(2), true)).toBe(2);
    expect(lintThreads(3197, undefined, processors(8), true)).toBe(8);
    expect(lintThreads(31, undefined, processors(8), true)).toBe(1);
  });
  it("starts no more than one thread per 16 files", () => {
    expect(lintThreads(64, undefined, processors(16))).toBe(4);
  });
  it("takes the number HULL_LINT_THREADS sets, within those bounds", () => {
    expect(lintThreads(64, "3", processors(2))).toBe(3);
    expect(lintThreads(64, "9", processors(2))).toBe(4);
    expect(lintThreads(64, "1", processors(8))).toBe(1);
    expect(lintThreads(64, "0", processors(8))).toBe(1);
    // Not a number: the processors decide.
    expect(lintThreads(3197, "many", processors(8))).toBe(7);
  });
});
