import { instructionFlags } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "../config.js";
import { fixture, pinnedRules } from "../testing.js";
import { computeCompletions, flagDocs } from "./completion.js";

const config = defaultFeatureConfig(
  pinnedRules(["maintainer-deprecated", "no-latest-tag", "stage-name-casing"]),
);

/** The labels offered at `$0`. */
function check(textWithCursor: string): string[] {
  const { document, position } = fixture(textWithCursor);
  return computeCompletions(document, position, config).map((c) => c.label);
}

/** The text an item replaces and what it inserts. */
function edit(textWithCursor: string, label: string): { replaces: string; inserts: string } {
  const { document, position } = fixture(textWithCursor);
  const item = computeCompletions(document, position, config).find((c) => c.label === label)!;
  const { lines } = document;
  return {
    replaces: document.text.slice(lines.offsetAt(item.range.start), lines.offsetAt(item.range.end)),
    inserts: item.insertText ?? item.label,
  };
}

const allKeywords = [
  "FROM",
  "RUN",
  "CMD",
  "ENTRYPOINT",
  "SHELL",
  "COPY",
  "ADD",
  "VOLUME",
  "ENV",
  "LABEL",
  "ARG",
  "EXPOSE",
  "HEALTHCHECK",
  "ONBUILD",
  "MAINTAINER",
  "USER",
  "WORKDIR",
  "STOPSIGNAL",
];

describe("computeCompletions", () => {
  it.each([["$0"], ["FROM a\n$0"], ["FROM a\nRU$0"], ["FROM a\n  $0\nRUN b\n"]])(
    "offers every keyword at the start of an instruction in %j",
    (text) => {
      expect(check(text)).toEqual(allKeywords);
    },
  );

  it("replaces the typed word and adds a space", () => {
    expect(edit("FROM a\nRU$0", "RUN")).toEqual({ replaces: "RU", inserts: "RUN " });
  });

  it("follows the file's keyword casing", () => {
    expect(check("from a\nrun b\nr$0")).toContain("run");
    expect(check("FROM a\nRUN b\nr$0")).toContain("RUN");
  });

  it("leaves out what BuildKit rejects as an ONBUILD trigger", () => {
    const triggers = check("FROM a\nONBUILD $0");
    expect(triggers).toContain("RUN");
    expect(triggers).not.toContain("FROM");
    expect(triggers).not.toContain("ONBUILD");
    expect(triggers).not.toContain("MAINTAINER");
  });

  it.each([
    ["FROM a\nCOPY --$0", ["--from", "--chown", "--chmod", "--link", "--parents", "--exclude"]],
    ["FROM a\nCOPY --link --ch$0", ["--from", "--chown", "--chmod", "--link", "--parents", "--exclude"]],
    ["FROM a\nRUN --$0", ["--mount", "--network", "--security", "--device"]],
    ["FROM --$0", ["--platform"]],
    [
      "FROM a\nHEALTHCHECK --$0",
      ["--interval", "--timeout", "--start-period", "--start-interval", "--retries"],
    ],
    [
      "FROM a\nRUN --mount=type=cache,target=/c \\\n  --$0",
      ["--mount", "--network", "--security", "--device"],
    ],
    ["FROM a\nWORKDIR --$0", []],
    // Flags come before the arguments.
    ["FROM a\nCOPY a --$0", []],
  ])("offers the flags of the instruction in %j", (text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it("describes exactly the flags the parser knows", () => {
    const names = (flags: Readonly<Record<string, Readonly<Record<string, unknown>>>>) =>
      Object.entries(flags).flatMap(([keyword, byName]) =>
        Object.keys(byName).map((name) => `${keyword} --${name}`),
      );
    expect(names(flagDocs).sort()).toEqual(names(instructionFlags).sort());
  });

  it("inserts `=` after flags that take a value", () => {
    expect(edit("FROM a\nCOPY --f$0", "--from")).toEqual({ replaces: "--f", inserts: "--from=" });
    expect(edit("FROM a\nCOPY --l$0", "--link")).toEqual({ replaces: "--l", inserts: "--link" });
  });

  it.each([
    ["FROM node:22 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=$0", ["build", "test"]],
    ["FROM node:22 AS build\nFROM scratch\nCOPY --from=bu$0 /a /b\nFROM a AS later\n", ["build"]],
    ["FROM node:22 AS build\nFROM $0", ["build"]],
    ["FROM node:22 AS build\nFROM --platform=$BUILDPLATFORM b$0", ["build"]],
    ["FROM node:22 AS build\nFROM build $0", ["AS"]],
    ["FROM --platform=$0", ["$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64"]],
    ["FROM a\nRUN --network=$0", ["default", "none", "host"]],
  ])("offers stage names and flag values in %j", (text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it("replaces only the value after `--from=`", () => {
    expect(edit("FROM a AS build\nFROM b\nCOPY --from=bu$0", "build")).toEqual({
      replaces: "bu",
      inserts: "build",
    });
  });

  it.each([
    [
      "ARG V=1\nFROM node:$$0",
      [
        "BUILDPLATFORM",
        "BUILDOS",
        "BUILDOSVERSION",
        "BUILDARCH",
        "BUILDVARIANT",
        "TARGETPLATFORM",
        "TARGETOS",
        "TARGETOSVERSION",
        "TARGETARCH",
        "TARGETVARIANT",
        "TARGETSTAGE",
        "V",
      ],
    ],
    ["ARG V=1\nFROM a\nENV HOME=/h\nRUN echo ${H$0", ["HOME"]],
  ])("offers the variables in scope in %j", (text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it.each([
    ["# hull ignore=$0\nFROM a\n", ["maintainer-deprecated", "no-latest-tag", "stage-name-casing"]],
    ["# hull ignore=no-latest-tag,$0\nFROM a\n", ["maintainer-deprecated", "stage-name-casing"]],
    [
      "# hull global ignore=no-l$0\nFROM a\n",
      ["maintainer-deprecated", "no-latest-tag", "stage-name-casing"],
    ],
    ["# hadolint ignore=DL$0\nFROM a\n", ["DL4000", "DL3007"]],
    ["# check=skip=$0\nFROM a\n", ["MaintainerDeprecated", "StageNameCasing"]],
    ["# just a comment $0\nFROM a\n", []],
  ])("offers rule names in ignore comments in %j", (text, expected) => {
    expect(check(text)).toEqual(expected);
  });

  it("replaces the typed part of a rule name", () => {
    expect(edit("# hull ignore=no-lat$0\nFROM a\n", "no-latest-tag")).toEqual({
      replaces: "no-lat",
      inserts: "no-latest-tag",
    });
  });

  it("offers nothing inside a heredoc body", () => {
    expect(check("FROM a\nRUN <<EOF\n$0\nEOF\n")).toEqual([]);
  });
});
