import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { plan, renderDot, renderMermaid, renderText, toJson } from "../src/index.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const dirs = existsSync(examples)
  ? readdirSync(examples).filter((d) => existsSync(join(examples, d, "Dockerfile")))
  : [];

describe("examples", () => {
  it("has the examples the issue asks for", () => {
    expect(dirs.length).toBeGreaterThanOrEqual(6);
  });
  for (const dir of dirs) {
    describe(dir, () => {
      const text = readFileSync(join(examples, dir, "Dockerfile"), "utf8");
      const ignoreFile = join(examples, dir, ".dockerignore");
      const { ast, diagnostics } = parse(text);
      const p = plan(ast, existsSync(ignoreFile) ? { dockerignore: readFileSync(ignoreFile, "utf8") } : {});
      it("parses and plans without errors", () => {
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(p.diagnostics).toEqual([]);
      });
      it("matches plan.snap", async () => {
        await expect(`${JSON.stringify(toJson(p, { file: "Dockerfile" }), null, 2)}\n`).toMatchFileSnapshot(
          join(examples, dir, "plan.snap"),
        );
      });
      it.each([
        ["text.snap", () => renderText(p, { file: "Dockerfile" })],
        ["dot.snap", () => renderDot(p)],
        ["mermaid.snap", () => renderMermaid(p)],
      ])("matches %s", async (name, render) => {
        await expect(render()).toMatchFileSnapshot(join(examples, dir, name));
      });
    });
  }
});
