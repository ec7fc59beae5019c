// The worker's functions in Node: the config reads as `hull lint` reads it, problems land on the right text,
// highlighting spans are well formed, and the share links the build writes decode in the page.
import { deflateRawSync } from "node:zlib";
import { lint, loadConfigFile, rules } from "@hull/linter";
import { parse, semanticWork } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { analyze, fixAll, hover, readConfig } from "../src/analysis.js";
import { highlightRanges } from "../src/highlight.js";
import { decodeState, encodeState } from "../src/share.js";

/** What the CLI's loader makes of the same text under the same file name. */
function cliConfig(text: string) {
  const name = text.trimStart().startsWith("{") ? ".hullrc.json" : ".hullrc.yaml";
  const path = `/playground/.hullrc/${name}`;
  return loadConfigFile(path, { exists: (p) => p === path, readFile: () => text }, rules);
}

describe("readConfig", () => {
  it.each([
    ["preset: recommended\nrules: {}\n"],
    ["# comment only\n"],
    ["preset: all\n"],
    ["{}"],
    ['{"preset": "all", "rules": {}}'],
    ["preset: all\nrules:\n  DL3007: off\n  no-latest-tag: [error]\n"],
    ["trustedRegistries: [docker.io]\nstrictLabels: true\n"],
  ])("reads %j exactly as the CLI's loader", (text) => {
    const page = readConfig(text);
    expect(page.marks).toEqual([]);
    expect(page.loaded).toEqual(cliConfig(text));
  });

  it.each([
    ["preset: all\nrules:\n  no-latest-tag: loud\n", "loud", "rules.no-latest-tag"],
    ["rules:\n  no-latets-tag: error\n", "no-latets-tag", "did you mean 'no-latest-tag'"],
    ["presett: all\n", "presett", "unknown key 'presett'"],
    ["labelSchema:\n  org.example.url: link\n", "link", "labelSchema.org.example.url"],
    ["rules: [\n", "", "Flow sequence"],
  ])("puts the problem in %j on %j", (text, marked, message) => {
    const page = readConfig(text);
    expect(() => cliConfig(text)).toThrow();
    expect(page.marks).toHaveLength(1);
    const [mark] = page.marks;
    if (marked) expect(text.slice(mark!.from, mark!.to)).toBe(marked);
    expect(mark!.message).toContain(message);
    // An invalid config lints with the defaults, as the page says.
    expect(page.loaded.preset).toBe("recommended");
  });
});

describe("analyze and fixAll", () => {
  const text = "FROM node:latest as build\nRUN apt-get update && apt-get install curl\n";

  it("reports what lint reports under the config", () => {
    const config = readConfig("preset: all\nrules:\n  DL3007: off\n");
    expect(analyze(text, config).diagnostics).toEqual(
      lint(text, { preset: "all", rules: { DL3007: "off" } }).diagnostics,
    );
  });

  it("applies fixes until none is left", () => {
    const config = readConfig("preset: all\n");
    const { output, fixed } = fixAll(text, config);
    expect(fixed).toBeGreaterThan(1);
    expect(output).toContain("AS build");
    expect(lint(output, { preset: "all" }).diagnostics.filter((d) => d.fix)).toEqual([]);
  });
});

describe("hover", () => {
  it("builds one semantic model per version of the text, shared with the diagnostics", () => {
    const config = readConfig("preset: all\n");
    const text = "FROM alpine:3.20\nENV APP=/srv\nCOPY x $APP/\nCOPY y $APPP/\n";
    const before = semanticWork.models;
    expect(analyze(text, config).diagnostics.map((d) => d.ruleId)).toContain("undefined-var");
    expect(hover(text, config, text.indexOf("$APP/") + 2)?.markdown).toBe(
      "**ENV** `APP` (line 2)\n\nValue: `/srv`",
    );
    expect(hover(text, config, text.indexOf("$APPP") + 2)?.markdown).toMatch(/not defined/);
    expect(semanticWork.models - before).toBe(1);
    // A new version of the text gets its own.
    hover(`${text}\n`, config, text.indexOf("$APP/") + 2);
    expect(semanticWork.models - before).toBe(2);
  });
});

describe("highlightRanges", () => {
  it("gives sorted, non-overlapping spans that name what the parser found", () => {
    const text = [
      "# syntax=docker/dockerfile:1",
      "ARG BASE=alpine",
      "FROM ${BASE}:3.20 AS build",
      "RUN --mount=type=cache,target=/root/.cache echo $HOME \\",
      "  # dropped by BuildKit",
      "  && true",
      "COPY <<EOF /etc/motd",
      "hello",
      "EOF",
      "",
    ].join("\n");
    const spans = highlightRanges(parse(text).ast, text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    const classOf = (word: string) => spans.find(([from, to]) => text.slice(from, to) === word)?.[2];
    expect(classOf("FROM")).toBe("hl-keyword");
    expect(classOf("${BASE}")).toBe("hl-var");
    expect(classOf("$HOME")).toBe("hl-var");
    expect(classOf("build")).toBe("hl-stage");
    expect(classOf("BASE")).toBe("hl-key");
    expect(classOf("mount")).toBe("hl-flag");
    expect(classOf("# dropped by BuildKit")).toBe("hl-comment");
    expect(classOf("hello\n")).toBe("hl-heredoc-body");
  });
});

describe("share links", () => {
  const state = { text: "FROM alpine\n", config: "preset: all\n", tab: "plan" };

  it("round-trips the page state", async () => {
    const decoded = await decodeState(await encodeState(state));
    expect(decoded).toMatchObject(state);
  });

  it("decodes the links the build writes with zlib", async () => {
    const hash = `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString("base64url")}`;
    expect(await decodeState(hash)).toMatchObject(state);
  });

  it("ignores a damaged link", async () => {
    expect(await decodeState("#s=not-deflate")).toBeNull();
    expect(await decodeState("#other")).toBeNull();
  });
});
