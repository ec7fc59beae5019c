import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

const ok = 'FROM alpine:3.20 AS build\nENV A=1 B=2\nONBUILD RUN make\nCMD ["sh"]\n';

describe("hull parse", () => {
  it("prints BuildKit's dump format", async () => {
    const io = fakeIo({ "/w/Dockerfile": ok });
    expect(await main(["parse", "Dockerfile", "--format", "buildkit"], io)).toBe(0);
    expect(io.out).toBe(
      '(from "alpine:3.20" "AS" "build")\n(env "A" "1" "=" "B" "2" "=")\n(onbuild (run "make"))\n(cmd "sh")\n',
    );
    expect(io.err).toBe("");
  });

  it("prints the AST as JSON by default, ONBUILD triggers nested", async () => {
    const io = fakeIo({ "/w/Dockerfile": ok });
    expect(await main(["parse", "Dockerfile"], io)).toBe(0);
    const json = JSON.parse(io.out) as {
      ast: { stages: { name: string }[]; instructions: { type: string; trigger?: { type: string } }[] };
    };
    expect(json.ast.stages[0]?.name).toBe("build");
    expect(json.ast.instructions.map((i) => i.type)).toEqual(["From", "Env", "Onbuild", "Cmd"]);
    expect(json.ast.instructions[2]?.trigger?.type).toBe("Run");
  });

  it("reads standard input with -", async () => {
    const io = fakeIo({}, { stdin: "FROM scratch\n" });
    expect(await main(["parse", "-", "--format", "buildkit"], io)).toBe(0);
    expect(io.out).toBe('(from "scratch")\n');
  });

  it("exits 1 and prints errors with file:line:column when the file has errors", async () => {
    const io = fakeIo({ "/w/Dockerfile": "FROM alpine\nCOPY onlyone\nRUNN x\n" });
    expect(await main(["parse", "Dockerfile", "--format", "buildkit"], io)).toBe(1);
    expect(io.err).toBe(
      "Dockerfile:2:1: error argument-count: COPY needs at least one source and a destination.\n" +
        'Dockerfile:3:1: error unknown-instruction: Unknown instruction "RUNN". Did you mean RUN?\n',
    );
  });

  it("exits 0 on warnings only", async () => {
    const io = fakeIo({ "/w/Dockerfile": "FROM alpine\nRUN a \\\n\n  b\n" });
    expect(await main(["parse", "Dockerfile", "--format", "buildkit"], io)).toBe(0);
    expect(io.err).toMatch(/^Dockerfile:3:1: warning empty-continuation/);
  });

  it("exits 2 on a missing file or a bad option, without a stack trace", async () => {
    const missing = fakeIo({});
    expect(await main(["parse", "nope"], missing)).toBe(2);
    expect(missing.err).toMatch(/^hull parse: cannot read nope: ENOENT/);
    expect(missing.err).not.toMatch(/\n\s+at /);
    const bad = fakeIo({ "/w/Dockerfile": ok });
    expect(await main(["parse", "Dockerfile", "--format", "yaml"], bad)).toBe(2);
    expect(bad.err).toMatch(/Allowed choices are json, buildkit/);
  });
});
