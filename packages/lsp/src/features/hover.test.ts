import { describe, expect, it } from "vitest";
import { defaultFeatureConfig, resolveConfig } from "../config.js";
import { fixture, pinnedRules } from "../testing.js";
import { computeHover } from "./hover.js";

const registry = pinnedRules(["maintainer-deprecated", "no-latest-tag", "stage-name-casing"]);
const config = defaultFeatureConfig(registry);

/** The hover at `$0`: its markdown and the text it covers, or null. */
function check(textWithCursor: string, c = config): { contents: string; covers: string } | null {
  const { document, position } = fixture(textWithCursor);
  const hover = computeHover(document, position, c);
  if (!hover) return null;
  const { lines } = document;
  return {
    contents: hover.contents,
    covers: document.text.slice(lines.offsetAt(hover.range.start), lines.offsetAt(hover.range.end)),
  };
}

describe("computeHover", () => {
  it.each([
    ["FR$0OM node:22\n", "FROM", "Starts a build stage"],
    ["FROM node:22\n  run$0 make\n", "run", "Runs a command in a new layer"],
    ["FROM node:22\nONBUILD CO$0PY . /app\n", "COPY", "Copies files"],
    ["FROM node:22\nON$0BUILD COPY . /app\n", "ONBUILD", "Registers an instruction"],
  ])("explains the keyword in %j", (text, covers, start) => {
    const hover = check(text)!;
    expect(hover.covers).toBe(covers);
    expect(hover.contents).toContain(start);
    expect(hover.contents).toContain("https://docs.docker.com/reference/dockerfile/#");
  });

  it("shows a rule's title and rationale from its metadata on a hull ignore comment", () => {
    const hover = check("# hull ignore=no-latest-tag,maintainer-dep$0recated\nMAINTAINER me\n")!;
    expect(hover.covers).toBe("maintainer-deprecated");
    const rule = registry.find((r) => r.id === "maintainer-deprecated")!;
    expect(hover.contents).toContain(`**${rule.title}**`);
    expect(hover.contents).toContain(rule.docs.rationale);
    expect(hover.contents).toContain(
      "`maintainer-deprecated` · warning · auto-fixable (unsafe) · also `DL4000`, `MaintainerDeprecated`",
    );
    expect(hover.contents).toContain("docs/rules/maintainer-deprecated.md");
  });

  it.each([
    ["# hadolint ignore=DL30$007\nFROM node:latest\n", "DL3007", "no-latest-tag"],
    ["# hadolint ignore=dl3007$0\nFROM node:latest\n", "dl3007", "no-latest-tag"],
    ["# check=skip=StageName$0Casing\nFROM node:22 AS Build\n", "StageNameCasing", "stage-name-casing"],
  ])("resolves aliases in %j", (text, covers, id) => {
    const hover = check(text)!;
    expect(hover.covers).toBe(covers);
    expect(hover.contents).toContain(`\`${id}\``);
  });

  it("says when a rule is off in the config", () => {
    const files = { "/w/.hullrc.json": '{ "rules": { "no-latest-tag": "off" } }' };
    const off = resolveConfig(
      "/w/Dockerfile",
      { exists: (p) => p in files, readFile: (p) => files[p as keyof typeof files] },
      registry,
    );
    expect(check("# hull ignore=no-la$0test-tag\nFROM node:latest\n", off)!.contents).toContain(
      "off in this config",
    );
  });

  it.each([
    ["# hull ignore=no-latst-t$0ag\nFROM a\n", "Unknown rule `no-latst-tag`. Did you mean `no-latest-tag`?"],
    [
      "# hadolint ignore=SC20$086\nFROM a\n",
      "`SC2086` is a ShellCheck code: it silences ShellCheck's finding `shellcheck/SC2086`, which hull reports when ShellCheck is installed.",
    ],
  ])("explains unknown and foreign names in %j", (text, contents) => {
    expect(check(text)?.contents).toBe(contents);
  });

  it("explains parser directives", () => {
    expect(check("# esc$0ape=`\nFROM a\n")).toMatchObject({
      covers: "escape",
      contents: expect.stringContaining("escape character"),
    });
  });

  it.each([
    ["ARG V=22\nFROM node:$V$0\n", "$V", "**ARG** `V` (line 1)\n\nValue: `22`"],
    ["ARG V=22\nFROM node:${V$0:-20}\n", "${V", "**ARG** `V` (line 1)\n\nValue: `22`"],
    [
      "FROM a\nENV A=1 B=2\nENV C=$A-${B}\nRUN echo $C$0\n",
      "$C",
      "**ENV** `C` (line 3)\n\nValue: `$A-${B}` → `1-2`",
    ],
    ["ARG V=1\nFROM a\nARG V\nRUN echo $V$0\n", "$V", "**ARG** `V` (line 3)\n\nValue: `1`"],
    ["FROM a\nARG X\nRUN echo $X$0\n", "$X", "**ARG** `X` (line 2)\n\nNo default: set with `--build-arg`."],
    ["FROM a AS base\nENV P=/opt\nFROM base\nRUN ls $P$0\n", "$P", "**ENV** `P` (line 2)\n\nValue: `/opt`"],
    // BuildKit: a stage built FROM another inherits its ARGs as well as its ENV.
    ["FROM a AS base\nARG V=1\nFROM base\nRUN echo $V$0\n", "$V", "**ARG** `V` (line 2)\n\nValue: `1`"],
    [
      "FROM --platform=$BUILDPLAT$0FORM a\n",
      "$BUILDPLATFORM",
      "`BUILDPLATFORM`: predefined by BuildKit. The platform of the node running the build, e.g. `linux/amd64`.",
    ],
    [
      "FROM a\nARG TARGETARCH\nRUN echo $TARGETARCH$0\n",
      "$TARGETARCH",
      "**ARG** `TARGETARCH` (line 2)\n\nPredefined by BuildKit. The architecture part of TARGETPLATFORM.",
    ],
    // An ARG's later declarations see its earlier ones, in the stage and before the first FROM.
    ["FROM a\nARG A=1 B=$A$0\n", "$A", "**ARG** `A` (line 2)\n\nValue: `1`"],
    ["ARG A=1 B=$A$0\nFROM a\n", "$A", "**ARG** `A` (line 1)\n\nValue: `1`"],
    // An ENV of a name replaces the ARG of that name.
    ["FROM a\nARG X=1\nENV X=2\nRUN echo $X$0\n", "$X", "**ENV** `X` (line 3)\n\nValue: `2`"],
    // Through a chain of stages, with the value filled in from the base stage's ARG.
    [
      "FROM a AS base\nARG V=1\nFROM base AS mid\nENV W=$V/x\nFROM mid\nRUN echo $W$0\n",
      "$W",
      "**ENV** `W` (line 4)\n\nValue: `$V/x` → `1/x`",
    ],
    // A predefined ARG's value depends on the build: a value that uses one is shown as written.
    [
      "FROM a\nARG TARGETARCH\nENV D=/opt/$TARGETARCH\nRUN echo $D$0\n",
      "$D",
      "**ENV** `D` (line 3)\n\nValue: `/opt/$TARGETARCH`",
    ],
    // An ONBUILD trigger sees the stage's variables before it.
    ["FROM a\nENV P=/opt\nONBUILD RUN ls $P$0\n", "$P", "**ENV** `P` (line 2)\n\nValue: `/opt`"],
    // BuildKit expands an ARG's name: this one declares `file3`.
    [
      "FROM a\nENV src=file3\nARG ${src}=x\nCOPY $file3$0 /\n",
      "$file3",
      "**ARG** `file3` (line 3)\n\nValue: `x`",
    ],
  ])("shows where a variable is defined in %j", (text, covers, contents) => {
    expect(check(text)).toEqual({ covers, contents });
  });

  it.each([
    // An ARG before FROM is not visible inside the stage without `ARG V` there.
    ["ARG V=1\nFROM a\nRUN echo $V$0\n"],
    // ENV in one instruction does not see its own pairs.
    ["FROM a\nENV A=1 B=$A$0\n"],
    // An ONBUILD trigger declares nothing in its own stage.
    ["FROM a\nONBUILD ENV Q=1\nRUN echo $Q$0\n"],
    // Nor does a stage the current one is not built on.
    ["FROM a AS one\nENV Q=1\nFROM a\nRUN echo $Q$0\n"],
    // BuildKit refuses an ENV before the first FROM: it defines nothing.
    ["ENV Q=1\nFROM a:$Q$0\n"],
  ])("says when a variable is not in scope in %j", (text) => {
    expect(check(text)?.contents).toMatch(/is not defined by an ARG or ENV in scope here/);
  });

  it.each([["FROM a\nRUN echo \\$HO$0ME\n"], ["# $HO$0ME\nFROM a\n"], ["FROM node:22 $0\n"], ["$0"]])(
    "shows nothing for %j",
    (text) => {
      expect(check(text)).toBeNull();
    },
  );
});
