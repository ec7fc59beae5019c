import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createDocument, type Document } from "../documents.js";
import { fixture } from "../testing.js";
import type { LspRange } from "../types.js";
import {
  computeDefinition,
  computeHighlights,
  computeReferences,
  computeRename,
  prepareRename,
} from "./navigation.js";

/** Each range as `line:column text` (1-based, as an editor shows it). */
function show(document: Document, ranges: readonly LspRange[]): string[] {
  return ranges.map((r) => {
    const text = document.text.slice(document.lines.offsetAt(r.start), document.lines.offsetAt(r.end));
    return `${r.start.line + 1}:${r.start.character + 1} ${text}`;
  });
}

function definition(textWithCursor: string): string[] {
  const { document, position } = fixture(textWithCursor);
  return show(document, computeDefinition(document, position));
}

function references(textWithCursor: string, includeDeclaration = true): string[] {
  const { document, position } = fixture(textWithCursor);
  return show(document, computeReferences(document, position, includeDeclaration));
}

/** The text after renaming at `$0`, or the error. */
function rename(textWithCursor: string, newName: string): string {
  const { document, position } = fixture(textWithCursor);
  const edits = computeRename(document, position, newName);
  if ("error" in edits) return `error: ${edits.error}`;
  let text = document.text;
  const offsets = edits.map((e) => [
    document.lines.offsetAt(e.range.start),
    document.lines.offsetAt(e.range.end),
  ]);
  for (const [start, end] of offsets.sort((a, b) => b[0]! - a[0]!))
    text = text.slice(0, start) + newName + text.slice(end);
  return text;
}

const stages = `FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM build AS test
RUN go test ./...
FROM alpine:3.20
COPY --from=BUILD /out/app /usr/local/bin/app
COPY --from=0 /out/app /app2
RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt
`;

describe("stages", () => {
  it.each([
    ["COPY --from", stages.replace("--from=BUILD", "--from=BU$0ILD")],
    ["a FROM built on the stage", stages.replace("FROM build AS", "FROM bu$0ild AS")],
    ["a RUN mount", stages.replace("from=build,", "from=bui$0ld,")],
    ["the name itself", stages.replace("AS build", "AS bu$0ild")],
  ])("go to the AS name from %s", (_, text) => {
    expect(definition(text)).toEqual(["1:21 build"]);
  });

  it("finds every use, in any case, an index among them", () => {
    expect(references(stages.replace("AS build", "AS bu$0ild"))).toEqual([
      "1:21 build",
      "3:6 build",
      "6:13 BUILD",
      "7:13 0",
      "8:28 build",
    ]);
    expect(references(stages.replace("AS build", "AS bu$0ild"), false)).toHaveLength(4);
  });

  it("follows BuildKit: FROM names an earlier stage, --from the last stage of the name", () => {
    const text = `FROM alpine AS x
FROM x AS a
FROM debian AS x
COPY --from=x$0 / /
FROM x
`;
    expect(definition(text)).toEqual(["3:16 x"]);
    expect(references(text)).toEqual(["3:16 x", "4:13 x", "5:6 x"]);
    expect(
      definition(text.replace("COPY --from=x$0", "COPY --from=x").replace("FROM x AS a", "FROM x$0 AS a")),
    ).toEqual(["1:16 x"]);
  });

  it("goes to the FROM of an unnamed stage from its index, and finds nothing for an image", () => {
    expect(definition("FROM alpine\nFROM debian\nCOPY --from=$00 / /\n")).toEqual(["1:6 alpine"]);
    expect(definition("FROM alp$0ine\n")).toEqual([]);
    expect(definition("FROM alpine\nCOPY --from=ngi$0nx:1.27 / /\n")).toEqual([]);
  });

  it("renames the name and its uses, and keeps uses by index", () => {
    const text = `FROM alpine AS build
FROM build AS next
COPY --from=build$0 / /
COPY --from=0 / /
`;
    expect(rename(text, "compile")).toBe(`FROM alpine AS compile
FROM compile AS next
COPY --from=compile / /
COPY --from=0 / /
`);
    expect(rename(text, "2fast")).toMatch(/^error: '2fast' is not a stage name/);
  });

  it("refuses to rename a stage that a variable names: the variable would name nothing after it", () => {
    const text = `FROM alpine AS base-amd64
FROM alpine AS base-arm64
FROM base-$TARGETARCH
COPY --from=base-amd64$0 / /
`;
    expect(references(text)).toEqual(["1:16 base-amd64", "3:6 base-$TARGETARCH", "4:13 base-amd64"]);
    expect(rename(text, "amd64")).toBe(
      "error: Line 3 names this stage through a variable ('base-$TARGETARCH'), which the rename cannot follow.",
    );
  });

  it("cannot rename an unnamed stage or an image", () => {
    const { document, position } = fixture("FROM alpine\nFROM debian\nCOPY --from=$00 / /\n");
    expect(prepareRename(document, position)).toBeNull();
    expect(rename("FROM alp$0ine\n", "x")).toMatch(/^error: There is no stage name or variable/);
  });
});

describe("variables", () => {
  const text = `FROM alpine:3.20
ARG VERSION=1.2
RUN echo $VERSION \${VERSION} \\$VERSION
ENV VERSION=2
RUN echo $VERSION
`;

  it("goes to the ARG or ENV that sets the value used there", () => {
    expect(definition(text.replace("echo $VERSION ${", "echo $VER$0SION ${"))).toEqual(["2:5 VERSION"]);
    expect(definition(text.replace("RUN echo $VERSION\n", "RUN echo $VERS$0ION\n"))).toEqual(["4:5 VERSION"]);
  });

  it("finds the uses of one definition, not of the next or escaped ones", () => {
    expect(references(text.replace("ARG VERSION", "ARG VERS$0ION"))).toEqual([
      "2:5 VERSION",
      "3:11 VERSION",
      "3:21 VERSION",
      // ENV VERSION=2 reads nothing; the last RUN reads the ENV.
    ]);
    const { document, position } = fixture(text.replace("ENV VERSION", "ENV VER$0SION"));
    expect(computeHighlights(document, position).map((h) => h.write)).toEqual([true, false]);
  });

  it("reads an ARG's earlier declarations in its later ones, as BuildKit sets them in turn", () => {
    expect(definition("FROM alpine\nARG A=1 B=$A$0\n")).toEqual(["2:5 A"]);
  });

  it("treats a global ARG and the stages' ARG lines without a default as one variable", () => {
    const file = `ARG VERSION=3.20
FROM alpine:\${VERSION} AS base
ARG VERSION
RUN echo $VERSION$0
FROM base
ARG VERSION=9
RUN echo $VERSION
`;
    expect(rename(file, "ALPINE")).toBe(`ARG ALPINE=3.20
FROM alpine:\${ALPINE} AS base
ARG ALPINE
RUN echo $ALPINE
FROM base
ARG VERSION=9
RUN echo $VERSION
`);
    expect(rename(file, "1x")).toMatch(/^error: '1x' is not a variable name/);
  });

  it("leaves ONBUILD triggers alone: they run with another build's variables", () => {
    const file = "FROM alpine\nARG V=1\nONBUILD RUN echo $V\nRUN echo $V$0\n";
    expect(references(file)).toEqual(["2:5 V", "4:11 V"]);
    expect(
      definition(file.replace("$V$0", "$V").replace("ONBUILD RUN echo $V", "ONBUILD RUN echo $V$0")),
    ).toEqual([]);
  });

  it("cannot rename what the file does not set", () => {
    for (const text of ["FROM alpine\nRUN echo $TARGET$0PLATFORM\n", "FROM alpine\nRUN echo $HO$0ME\n"]) {
      const { document, position } = fixture(text);
      expect(prepareRename(document, position)).toBeNull();
      expect(definition(text)).toEqual([]);
    }
  });
});

describe("on the example Dockerfiles", () => {
  const folder = fileURLToPath(new URL("../../../../examples/", import.meta.url));
  const files = readdirSync(folder).map((name) => join(folder, name, "Dockerfile"));

  it.each(files)("at every offset of %s, a rename keeps what each name refers to", (file) => {
    const text = readFileSync(file, "utf8");
    const document = createDocument("untitled:example", 1, text);
    let renamed = 0;
    for (let offset = 0; offset <= text.length; offset++) {
      const position = document.lines.positionAt(offset);
      if (!prepareRename(document, position)) continue;
      const before = computeReferences(document, position, true);
      const edits = computeRename(document, position, "renamed_1");
      if ("error" in edits) continue;
      renamed++;
      let after = text;
      const spans = edits.map((e) => [
        document.lines.offsetAt(e.range.start),
        document.lines.offsetAt(e.range.end),
      ]);
      for (const [start, end] of spans.sort((a, b) => b[0]! - a[0]!))
        after = after.slice(0, start) + "renamed_1" + after.slice(end);
      // The first edit stands where it stood: nothing before it moved.
      const first = createDocument("untitled:renamed", 2, after);
      const at = first.lines.positionAt(Math.min(...spans.map((s) => s[0]!)));
      expect(computeReferences(first, at, true)).toHaveLength(before.length);
    }
    expect(renamed).toBeGreaterThan(0);
  });
});
