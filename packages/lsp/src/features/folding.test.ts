import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "../config.js";
import { createDocument } from "../documents.js";
import { computeFoldingRanges } from "./folding.js";

/** The folds as `start-end kind` with 0-based lines. */
function check(text: string): string[] {
  return computeFoldingRanges(createDocument("untitled:Dockerfile", 1, text), defaultFeatureConfig()).map(
    (f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ""}`,
  );
}

describe("computeFoldingRanges", () => {
  it("folds stages, multi-line instructions, heredocs and comment blocks", () => {
    expect(
      check(`# Build the app.
# Two lines of comment.
FROM node:22 AS build
RUN npm ci && \\
    npm run build
COPY <<EOF /etc/app.conf
a=1
EOF
RUN echo one
# single comment
FROM nginx
COPY --from=build \\
  /app /usr/share/nginx/html
`),
    ).toEqual(["0-1 comment", "2-8 region", "3-4", "5-7", "10-12 region", "11-12"]);
  });

  it("folds a heredoc that starts on a continuation line", () => {
    expect(check("FROM a\nRUN --mount=type=cache,target=/c \\\n  <<EOF\nmake\nEOF\n")).toEqual([
      "0-4 region",
      "1-4",
      "2-4",
    ]);
  });

  it.each([[""], ["FROM a\n"], ["# one comment\nFROM a\n"]])("has nothing to fold in %j", (text) => {
    expect(check(text)).toEqual([]);
  });

  it("folds a stage of single-line instructions after its FROM line", () => {
    expect(check("FROM a\nRUN b\n\nCMD c\n")).toEqual(["0-3 region"]);
  });
});
