import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { parse } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { containerArgv, invalidate, plan, share, toJson, toJsonMulti } from "../src/index.js";
import { schemaText } from "../scripts/gen-schema.js";

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(
  JSON.parse(readFileSync(new URL("../schema/plan.json", import.meta.url), "utf8")),
);

/** What the JSON output holds for a value: the schema describes the text `hull plan --format json` writes. */
function written(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

const files = [
  'FROM alpine AS a\nRUN echo\nFROM scratch\nCOPY --from=a / /\nENTRYPOINT ["/x"]\nHEALTHCHECK --interval=5s CMD true\nEXPOSE 80\nVOLUME /v\nLABEL a=b\n',
  "ARG X\nFROM $X\n",
  "FROM alpine AS a\nCOPY --from=9 /a /a\n",
  "",
];

describe("JSON schema", () => {
  it("the committed schema/plan.json is generated from src/schema.ts", () => {
    // Compared as JSON, because Prettier may re-wrap the committed file.
    expect(JSON.parse(readFileSync(new URL("../schema/plan.json", import.meta.url), "utf8"))).toEqual(
      JSON.parse(schemaText()),
    );
  });
  it.each(files.map((f, i) => [i, f] as const))("validates our own output for file %i", (_i, text) => {
    const ast = parse(text).ast;
    const p = plan(ast, {});
    const inv = invalidate(ast, {}, { paths: ["x"], buildArgs: { X: "alpine" } });
    const extras = {
      file: "Dockerfile",
      invalidation: inv,
      ...(p.image ? { run: containerArgv(p.image, ["a"]) } : {}),
    };
    const value = written(toJson(p, extras));
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    for (const key of ["stages", "nodes", "order", "image", "run", "invalidated", "diagnostics"]) {
      if (key !== "run" || p.image) expect(value).toHaveProperty(key);
    }
  });
  it("validates the several-files shape", () => {
    const plans = files.slice(0, 2).map((f, i) => ({ file: `f${i}`, plan: plan(parse(f).ast) }));
    const value = written(
      toJsonMulti(
        plans.map((p) => ({ plan: p.plan, extras: { file: p.file } })),
        share(plans),
      ),
    );
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });
  it("rejects a plan missing a promised field", () => {
    const value = written(toJson(plan(parse("FROM alpine\n").ast)));
    delete value["order"];
    expect(validate(value)).toBe(false);
  });
});
