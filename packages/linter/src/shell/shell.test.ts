import { describe, expect, it } from "vitest";
import { findCommands, hasFlag, parseShell, runScript, subcommand } from "./shell.js";

const names = (script: string) => parseShell(script).map((c) => [c.operator, c.name, c.args.map((a) => a.value)]);

describe("parseShell", () => {
  it.each([
    ["apt-get update && apt-get install -y curl", [[null, "apt-get", ["update"]], ["&&", "apt-get", ["install", "-y", "curl"]]]],
    ["a; b || c | d & e", [[null, "a", []], [";", "b", []], ["||", "c", []], ["|", "d", []], ["&", "e", []]]],
    ["echo 'a && b' \"c; d\"", [[null, "echo", ["a && b", "c; d"]]]],
    ["FOO=1 BAR=2 make all", [[null, "make", ["all"]]]],
    ["sudo -u app npm ci", [[null, "npm", ["ci"]]]],
    ["if [ -f x ]; then rm x; fi", [[null, "[", ["-f", "x", "]"]], [";", "rm", ["x"]], [";", null, []]]],
    ["echo $(date +%s) ${A:-b c}", [[null, "echo", ["$(date +%s)", "${A:-b c}"]]]],
    ["echo a # not && a command\nls", [[null, "echo", ["a"]], ["\n", "ls", []]]],
    ["(cd /x && make)", [[null, "cd", ["/x"]], ["&&", "make", []]]],
    ["echo a\\ b \\\"c", [[null, "echo", ["a b", '"c']]]],
    ["", []],
  ] as const)("%j", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });

  it("keeps word offsets", () => {
    const [cmd] = parseShell("  npm   install  ");
    expect(cmd?.start).toBe(2);
    expect(cmd?.args[0]).toMatchObject({ start: 8, end: 15, raw: "install" });
  });

  it("marks sudo", () => {
    expect(parseShell("sudo apt-get update")[0]?.sudo).toBe(true);
    expect(parseShell("apt-get update")[0]?.sudo).toBe(false);
  });

  it("never throws on unbalanced input", () => {
    for (const s of ["'", '"', "$(", "${", "`", "\\", "(((", ")))", "a && && b"]) expect(() => parseShell(s)).not.toThrow();
  });
});

describe("helpers", () => {
  const cmds = parseShell("apt-get -qy install --no-install-recommends curl && /usr/bin/npm ci");
  it("finds commands by base name", () => {
    expect(findCommands(cmds, "npm").map((c) => subcommand(c))).toEqual(["ci"]);
  });
  it("finds flags in clusters and long form", () => {
    const apt = findCommands(cmds, "apt-get")[0]!;
    expect(hasFlag(apt, "y", "yes", "assume-yes")).toBe(true);
    expect(hasFlag(apt, null, "no-install-recommends")).toBe(true);
    expect(hasFlag(apt, "f", "fix-broken")).toBe(false);
  });
  it("reads the script of shell, heredoc and exec forms", () => {
    expect(runScript({ form: "shell", args: [{ value: "make" }], heredocs: [] })).toBe("make");
    expect(runScript({ form: "shell", args: [{ value: "<<EOF" }], heredocs: [{ body: "apt-get update\n" }] })).toBe("<<EOF\napt-get update\n");
    expect(runScript({ form: "exec", args: [{ value: "/bin/sh" }, { value: "-c" }, { value: "a && b" }], heredocs: [] })).toBe("a && b");
    expect(runScript({ form: "exec", args: [{ value: "echo" }, { value: "a b" }], heredocs: [] })).toBe("echo 'a b'");
  });
});
