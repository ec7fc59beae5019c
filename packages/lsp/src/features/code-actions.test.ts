import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "../config.js";
import { createDocument } from "../documents.js";
import { fixture, pinnedRules } from "../testing.js";
import { LineIndex } from "../text.js";
import type { LspEdit } from "../types.js";
import { computeCodeActions, fixAllKind } from "./code-actions.js";
import { computeDiagnostics } from "./diagnostics.js";

const config = defaultFeatureConfig(
  pinnedRules([
    "consistent-instruction-casing",
    "legacy-key-value-format",
    "maintainer-deprecated",
    "no-latest-tag",
    "syntax-error",
  ]),
);

/** Applies edits as an editor does: every range refers to the original text. */
function applyEdits(text: string, edits: readonly LspEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const s of spans) result = result.slice(0, s.start) + s.text + result.slice(s.end);
  return result;
}

/** The actions at the `$0` cursor, as `title → text after applying it`. */
function check(textWithCursor: string, only?: string[]): Record<string, string> {
  const { document, position } = fixture(textWithCursor);
  const actions = computeCodeActions(document, { start: position, end: position }, config, only);
  return Object.fromEntries(
    actions.map((a) => [`${a.kind}: ${a.title}`, applyEdits(document.text, a.edits)]),
  );
}

describe("computeCodeActions", () => {
  it("offers a rule's fix, an ignore comment, and fix all", () => {
    expect(check("FROM alpine:3.20\nENV a$0 1\n")).toEqual({
      "quickfix: Fix this legacy-key-value-format problem": "FROM alpine:3.20\nENV a=1\n",
      "quickfix: Ignore legacy-key-value-format for this instruction":
        "FROM alpine:3.20\n# hull ignore=legacy-key-value-format\nENV a 1\n",
      "quickfix: Fix all auto-fixable problems": "FROM alpine:3.20\nENV a=1\n",
      [`${fixAllKind}: Fix all auto-fixable hull problems`]: "FROM alpine:3.20\nENV a=1\n",
    });
  });

  it("offers an unsafe fix one by one, saying so, and leaves it out of fix all", () => {
    expect(check("FROM alpine:3.20\nMAINT$0AINER me\n")).toEqual({
      "quickfix: Fix this maintainer-deprecated problem (unsafe: can change the image)":
        'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="me"\n',
      "quickfix: Ignore maintainer-deprecated for this instruction":
        "FROM alpine:3.20\n# hull ignore=maintainer-deprecated\nMAINTAINER me\n",
    });
  });

  it("offers only an ignore for a finding without a fix", () => {
    expect(check("FROM node:lat$0est\n")).toEqual({
      "quickfix: Ignore no-latest-tag for this instruction":
        "# hull ignore=no-latest-tag\nFROM node:latest\n",
    });
  });

  it("offers nothing away from findings", () => {
    expect(check("FROM node:22$0\nRUN make\n")).toEqual({});
  });

  it("adds the id to a hull ignore comment directly above", () => {
    const text = "FROM alpine:3.20\n# hull ignore=no-latest-tag # why\nmaint$0ainer me\n";
    expect(check(text)["quickfix: Ignore maintainer-deprecated for this instruction"]).toBe(
      "FROM alpine:3.20\n# hull ignore=no-latest-tag,maintainer-deprecated # why\nmaintainer me\n",
    );
  });

  it("keeps the instruction's indentation and the file's line breaks", () => {
    expect(
      check("FROM node:22\r\n  FROM node:lat$0est\r\n")[
        "quickfix: Ignore no-latest-tag for this instruction"
      ],
    ).toBe("FROM node:22\r\n  # hull ignore=no-latest-tag\r\n  FROM node:latest\r\n");
  });

  it("ignores a finding in an ONBUILD trigger above the ONBUILD", () => {
    expect(
      check("FROM alpine:3.20\nONBUILD MAINT$0AINER me\n")[
        "quickfix: Ignore maintainer-deprecated for this instruction"
      ],
    ).toBe("FROM alpine:3.20\n# hull ignore=maintainer-deprecated\nONBUILD MAINTAINER me\n");
  });

  it("fixes every safe finding, in rounds, and no unsafe one", () => {
    // Lower-case MAINTAINER gets its casing fixed; its deprecation fix is unsafe, so it stays.
    const text = "FROM alpine:3.20\nRUN a\nCMD b\nENV c=d\nmaint$0ainer me\nlabel x y\n";
    const fixed = check(text, ["source.fixAll"]);
    expect(fixed).toEqual({
      [`${fixAllKind}: Fix all auto-fixable hull problems`]:
        "FROM alpine:3.20\nRUN a\nCMD b\nENV c=d\nMAINTAINER me\nLABEL x=y\n",
    });
  });

  it("filters by the requested kinds", () => {
    expect(Object.keys(check("FROM alpine:3.20\nENV a$0 1\n", ["quickfix"]))).toHaveLength(3);
    expect(Object.keys(check("FROM alpine:3.20\nENV a$0 1\n", ["source"]))).toEqual([
      `${fixAllKind}: Fix all auto-fixable hull problems`,
    ]);
    expect(check("FROM alpine:3.20\nENV a$0 1\n", ["refactor"])).toEqual({});
  });

  it("inserts an ignore comment that silences the finding", () => {
    const { document, position } = fixture("FROM node:lat$0est\n");
    const [ignore] = computeCodeActions(document, { start: position, end: position }, config);
    const after = createDocument(document.uri, 2, applyEdits(document.text, ignore!.edits));
    expect(computeDiagnostics(after, config)).toEqual([]);
  });

  it("does not offer an ignore for a finding outside any instruction", () => {
    const empty = check("$0");
    expect(empty).toEqual({});
  });
});
