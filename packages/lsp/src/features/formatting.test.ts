import { describe, expect, it } from "vitest";
import { applyChanges, createDocument } from "../documents.js";
import { computeFormatting, type FormattingData } from "./formatting.js";

const spaces: FormattingData = { tabSize: 4, insertSpaces: true };

/** The document's text after applying the edits. */
function check(text: string, options: FormattingData = spaces): string {
  const document = createDocument("untitled:Dockerfile", 1, text);
  const edits = computeFormatting(document, options);
  expect(edits.length).toBeLessThanOrEqual(1);
  return applyChanges(
    text,
    edits.map((e) => ({ range: e.range, text: e.newText })),
  );
}

describe("computeFormatting", () => {
  it("replaces the whole text with one edit", () => {
    const document = createDocument("untitled:Dockerfile", 1, "from a\nrun x  \r\ncopy a \\\n b /c/");
    expect(computeFormatting(document, spaces)).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 6 } },
        newText: "FROM a\nRUN x\r\nCOPY a \\\n    b /c/\n",
      },
    ]);
  });

  it("returns no edit for a formatted document", () => {
    expect(computeFormatting(createDocument("untitled:Dockerfile", 1, "FROM a\n"), spaces)).toEqual([]);
  });

  it("indents continuation lines by the editor's tab size, or a tab", () => {
    expect(check("EXPOSE 80 \\\n443\n", { tabSize: 2, insertSpaces: true })).toBe("EXPOSE 80 \\\n  443\n");
    expect(check("EXPOSE 80 \\\n443\n", { tabSize: 4, insertSpaces: false })).toBe("EXPOSE 80 \\\n\t443\n");
  });

  it("leaves heredoc bodies alone", () => {
    expect(check("run <<EOF\n  x  \nEOF\n")).toBe("RUN <<EOF\n  x  \nEOF\n");
  });
});
