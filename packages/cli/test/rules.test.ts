import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { Io } from "../src/io.js";

async function run(argv: string[]) {
  const out = { stdout: "", stderr: "" };
  const io: Io = {
    cwd: "/repo",
    env: {},
    stdoutIsTTY: false,
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: () => {
      throw new Error("no files");
    },
    readStdin: () => "",
    readDir: () => [],
    isDirectory: () => false,
    exists: () => false,
  };
  const code = await main(argv, io);
  return { code, ...out };
}

describe("hull rules", () => {
  it("lists every rule as JSON", async () => {
    const { code, stdout } = await run(["rules", "--format", "json"]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { id: string; docs: string; aliases: { hadolint: string[] } }[];
    const maintainer = list.find((r) => r.id === "maintainer-deprecated");
    expect(maintainer).toMatchObject({
      severity: "warning",
      fixable: "unsafe",
      aliases: { hadolint: ["DL4000"] },
    });
    expect(maintainer?.docs).toMatch(/docs\/rules\/maintainer-deprecated\.md$/);
    expect(list.map((r) => r.id)).toContain("syntax-error");
  });

  it("lists every rule as text", async () => {
    const { code, stdout } = await run(["rules"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^RULE +SEVERITY/);
    expect(stdout).toMatch(
      /^maintainer-deprecated +warning +fix! +DL4000, MaintainerDeprecated +Use a label/m,
    );
  });

  it("explains one rule, by id or alias", async () => {
    const byId = await run(["rules", "maintainer-deprecated"]);
    expect(byId).toMatchSnapshot();
    expect((await run(["rules", "MaintainerDeprecated"])).stdout).toBe(byId.stdout);
    expect((await run(["rules", "dl4000"])).stdout).toBe(byId.stdout);
    const json = JSON.parse((await run(["rules", "--format", "json", "DL4000"])).stdout) as {
      bad: { code: string }[];
    };
    expect(json.bad[0]?.code).toContain("MAINTAINER");
  });

  it("suggests a near name for an unknown rule", async () => {
    expect(await run(["rules", "maintainer-deprecatd"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "hull rules: unknown rule 'maintainer-deprecatd'; did you mean 'maintainer-deprecated'?\n",
    });
  });

  it("prints the config schema", async () => {
    const { code, stdout } = await run(["rules", "--schema"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).properties.rules.properties).toHaveProperty("DL4000");
  });
});
