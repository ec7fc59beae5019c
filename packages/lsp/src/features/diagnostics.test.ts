import type { ConfigReader } from "@hull/linter";
import { describe, expect, it } from "vitest";
import { defaultFeatureConfig, resolveConfig, type FeatureConfig } from "../config.js";
import { createDocument } from "../documents.js";
import { pinnedRules } from "../testing.js";
import { computeDiagnostics, type LspDiagnostic } from "./diagnostics.js";

const registry = pinnedRules(["copy-ignored-file", "no-latest-tag", "syntax-error"]);
const defaults = defaultFeatureConfig(registry);

/** Lints `text` and keeps what a test cares about: code, severity and the 0-based range as `line:char-line:char`. */
function check(text: string, config: FeatureConfig = defaults, uri = "untitled:Dockerfile") {
  return computeDiagnostics(createDocument(uri, 1, text), config).map(brief);
}

function brief(d: LspDiagnostic) {
  const { start, end } = d.range;
  return `${d.code} ${d.severity} ${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** A fake file system of path → contents. */
function reader(files: Record<string, string>): ConfigReader {
  return {
    exists: (path) => path in files,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`);
      return files[path]!;
    },
  };
}

describe("computeDiagnostics", () => {
  it("converts a finding to the protocol's shape", () => {
    const [d] = computeDiagnostics(createDocument("untitled:Dockerfile", 1, "FROM node:latest\n"), defaults);
    expect(d).toEqual({
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
      severity: 2,
      code: "no-latest-tag",
      codeDescription: { href: "https://github.com/hull-dev/hull/blob/main/docs/rules/no-latest-tag.md" },
      source: "hull",
      message: "Image 'node:latest' uses the 'latest' tag; name a version instead.",
    });
  });

  it.each([
    ["error", 1],
    ["warning", 2],
    ["info", 3],
    ["style", 4],
  ] as const)("maps severity %s to %i", (severity, expected) => {
    const config = resolveConfig(
      "/w/Dockerfile",
      reader({ "/w/.hullrc.json": JSON.stringify({ rules: { "no-latest-tag": severity } }) }),
      registry,
    );
    expect(check("FROM node:latest\n", config)).toEqual([`no-latest-tag ${expected} 0:10-0:16`]);
  });

  it.each([
    ["an empty file", "", ["syntax-error 1 0:0-0:0"]],
    ["a clean file", "FROM node:22\n", []],
    ["a parse error", "FROM node:22\nFROB x\n", ["syntax-error 1 1:0-1:4"]],
    ["CRLF line breaks", "FROM node:22\r\nFROM node:latest\r\n", ["no-latest-tag 2 1:10-1:16"]],
    // BuildKit splits lines at \n only, so the FROM is part of the comment; the protocol puts the end on line 1.
    ["a lone CR", "# a\rFROM node:latest\n", ["syntax-error 1 2:0-2:0"]],
    ["an inline ignore", "# hull ignore=no-latest-tag\nFROM node:latest\n", []],
  ])("%s", (_, text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it("finds the config from the document's directory upwards", () => {
    const files = reader({ "/w/.hullrc.yaml": "rules:\n  no-latest-tag: off\n" });
    const config = resolveConfig("/w/app/deep/Dockerfile", files, registry);
    expect(config.loaded.path).toBe("/w/.hullrc.yaml");
    expect(check("FROM node:latest\n", config, "file:///w/app/deep/Dockerfile")).toEqual([]);
  });

  it("applies the config's imageConfigs only when the imageConfigs setting is on", () => {
    const rules = pinnedRules(["no-root-user", "syntax-error"]);
    const files = reader({
      "/w/.hullrc.yaml": "imageConfigs:\n  example/root:1: root.json\n  example/bad:1: bad.json\n",
      "/w/root.json": JSON.stringify({ config: { User: "root" } }),
      "/w/bad.json": "[1, 2]",
    });
    const text = "FROM example/root:1\nRUN true\n";
    const off = resolveConfig("/w/Dockerfile", files, rules);
    expect(off.imageConfigs).toBeUndefined();
    expect(check(text, off, "file:///w/Dockerfile")).toEqual([]);
    const on = resolveConfig("/w/Dockerfile", files, rules, { imageConfigs: true });
    expect(check(text, on, "file:///w/Dockerfile")).toEqual(["no-root-user 2 0:5-0:19"]);
    expect(on.loaded.warnings).toEqual([
      "/w/.hullrc.yaml: imageConfigs.example/bad:1: /w/bad.json: expected the inspect output of one image, got a list of 2",
    ]);
  });

  it("reads a .hadolint.yaml when there is no hull config", () => {
    const config = resolveConfig(
      "/w/Dockerfile",
      reader({ "/w/.hadolint.yaml": "ignored: [DL3007]\n" }),
      registry,
    );
    expect(check("FROM node:latest\n", config)).toEqual([]);
  });

  it("uses the defaults for untitled documents", () => {
    const config = resolveConfig(null, reader({}), registry);
    expect(config.loaded.kind).toBe("default");
    expect(check("FROM node:latest\n", config)).toEqual(["no-latest-tag 2 0:10-0:16"]);
  });

  it("reports a broken config once, at the top, and lints with the defaults", () => {
    const config = resolveConfig("/w/Dockerfile", reader({ "/w/.hullrc.json": "{ nope" }), registry);
    const diagnostics = computeDiagnostics(
      createDocument("file:///w/Dockerfile", 1, "FROM node:latest\n"),
      config,
    );
    expect(diagnostics.map(brief)).toEqual(["config 1 0:0-0:0", "no-latest-tag 2 0:10-0:16"]);
    expect(diagnostics[0]!.message).toMatch(
      /^The config file could not be used, so the defaults apply: \/w\/\.hullrc\.json: not valid JSON/,
    );
  });

  it("publishes nothing for a file the config's ignorePaths exclude", () => {
    const config = resolveConfig(
      "/w/vendor/Dockerfile",
      reader({ "/w/.hullrc.json": '{ "ignorePaths": ["vendor/"] }' }),
      registry,
    );
    expect(check("FROM node:latest\n", config, "file:///w/vendor/Dockerfile")).toEqual([]);
  });

  it("reads the .dockerignore beside the document", () => {
    const files = reader({ "/w/.dockerignore": "secret.txt\n" });
    const config = resolveConfig("/w/Dockerfile", files, registry);
    expect(config.readDockerignore()).toBe("secret.txt\n");
    expect(check("FROM alpine:3.20\nCOPY secret.txt /x\n", config, "file:///w/Dockerfile")).toEqual([
      "copy-ignored-file 2 1:5-1:15",
    ]);
  });
});
