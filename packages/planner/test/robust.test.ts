import fc from "fast-check";
import { parse } from "@hull/parser";
import { describe, expect, it } from "vitest";
import {
  containerArgv,
  invalidate,
  plan,
  renderDot,
  renderMermaid,
  renderText,
  share,
  toJson,
} from "../src/index.js";
import { codes, node, planText } from "./helpers.js";

const fragments = [
  "FROM alpine AS a",
  "FROM a",
  "FROM $X",
  "FROM --platform=$BUILDPLATFORM b",
  "FROM scratch",
  "ARG X=alpine",
  "ARG",
  "ENV A=1 B=$A",
  "ENV",
  "COPY --from=a /x /y",
  "COPY --from=7 . .",
  "COPY --link --from=$X a b",
  "COPY <<EOF /f\nhi $A\nEOF",
  "ADD https://example.com/x.tgz /x",
  "RUN --mount=type=cache,target=/c make",
  "RUN --mount=from=a,target=/m ls",
  "RUN <<EOF\n#!/bin/sh\necho\nEOF",
  "WORKDIR rel",
  "WORKDIR /",
  "USER ${U:-root}",
  'CMD ["x"]',
  "ENTRYPOINT e",
  "HEALTHCHECK --interval=bad CMD x",
  "HEALTHCHECK NONE",
  "EXPOSE 80 x/y 1-70000",
  "VOLUME",
  "STOPSIGNAL NOPE",
  "SHELL []",
  "ONBUILD COPY --from=a x y",
  "ONBUILD",
  "LABEL a",
  "MAINTAINER",
  "${",
  '"',
  "\\",
];

describe("robustness", () => {
  it("never crashes on recombined fragments, in any renderer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 14 }),
        fc.option(fc.constantFrom("a", "nope", "")),
        (lines, target) => {
          const ast = parse(lines.join("\n")).ast;
          const options = target === null ? {} : { target };
          const p = plan(ast, options);
          expect(p.diagnostics.filter((d) => d.code === "internal-error")).toEqual([]);
          renderText(p);
          renderDot(p);
          renderMermaid(p);
          toJson(p);
          if (p.image) containerArgv(p.image, ["x"]);
          invalidate(ast, options, { paths: ["a", "."], buildArgs: { X: "b" } });
          share([
            { file: "a", plan: p },
            { file: "b", plan: p },
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("RUN heredocs", () => {
  it("runs a lone heredoc's body in the shell", () => {
    expect(node(planText("FROM alpine\nRUN <<EOF\napk add curl\nEOF\n"), "s0.1").op["argv"]).toEqual([
      "/bin/sh",
      "-c",
      "apk add curl\n",
    ]);
  });
  it("mounts a heredoc with a shebang as a script and runs it", () => {
    const n = node(planText("FROM alpine\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n"), "s0.1");
    expect(n.op["argv"]).toEqual(["/bin/sh", "-c", "/dev/pipes/EOF"]);
  });
  it("hands a heredoc after a command to the shell whole", () => {
    const n = node(planText("FROM alpine\nRUN cat <<EOF > /f\nx\nEOF\n"), "s0.1");
    expect(n.op["argv"]).toEqual(["/bin/sh", "-c", "cat <<EOF > /f\nx\nEOF"]);
  });
});

describe("COPY heredocs", () => {
  // BuildKit expands an unquoted COPY or ADD heredoc with a lexer of its own (dockerfile2llb/convert.go, ExpandRaw):
  // quotes are plain text there, and its escape is always a backslash.
  const inline = (text: string) => {
    const p = planText(text);
    return { diagnostics: codes(p), sources: p.nodes.find((n) => n.instruction === "COPY")?.op["sources"] };
  };
  it("expands variables inside quotes, and an apostrophe is no unmatched quote", () => {
    expect(inline(`FROM scratch\nARG X=v\nCOPY <<EOF /f\nit doesn't '$X' "$X"\nEOF\n`)).toEqual({
      diagnostics: [],
      sources: [{ inline: "EOF", content: `it doesn't 'v' "v"\n` }],
    });
  });
  it("escapes with a backslash whatever the escape directive says", () => {
    expect(inline("# escape=`\nFROM scratch\nARG X=v\nCOPY <<EOF /f\n\\$X `$X\nEOF\n").sources).toEqual([
      { inline: "EOF", content: "$X `v\n" },
    ]);
  });
  it("leaves a quoted heredoc's body as written", () => {
    expect(inline(`FROM scratch\nARG X=v\nCOPY <<'EOF' /f\n'$X\nEOF\n`).sources).toEqual([
      { inline: "EOF", content: "'$X\n" },
    ]);
  });
});

describe("sharing across files", () => {
  it("finds identical stages and layers by cache key", () => {
    const a = planText("FROM node:22 AS deps\nCOPY package.json ./\nRUN npm ci\nFROM deps\nCMD a\n");
    const b = planText(
      "FROM node:22 AS deps\nCOPY package.json ./\nRUN npm ci\nFROM deps\nRUN npm run build\n",
    );
    const r = share([
      { file: "a", plan: a },
      { file: "b", plan: b },
    ]);
    expect(r.stages.map((s) => s.members.map((m) => `${m.file}:${m.stage}`))).toContainEqual(["a:0", "b:0"]);
    expect(r.nodes.map((n) => n.instruction)).toEqual(["FROM", "COPY", "RUN"]);
  });
});
