import { semanticWork } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { defaultFeatureConfig } from "./config.js";
import { createDocument } from "./documents.js";
import { computeCompletions } from "./features/completion.js";
import { computeDiagnostics, lintDocument } from "./features/diagnostics.js";
import { computeHover } from "./features/hover.js";

describe("a document version", () => {
  it("builds one semantic model for lint, hover and completion", () => {
    // The built-in rules; the variables linted, hovered and completed come from the base stage, which the
    // model's stage graph finds.
    const config = defaultFeatureConfig();
    const text =
      "ARG BASE=alpine:3.20\nFROM $BASE AS base\nENV APP=/srv\nFROM base\nCOPY x $APPP/\nRUN echo $APP $\n";
    const document = createDocument("untitled:Dockerfile", 1, text);
    const reference = document.lines.positionAt(text.indexOf("echo $APP") + 7);
    const completing = document.lines.positionAt(text.length - 1);
    const before = semanticWork.models;

    expect(computeDiagnostics(document, config).map((d) => d.message)).toEqual([
      "Variable '$APPP' is not defined here; did you mean '$APP'?",
    ]);
    expect(computeHover(document, reference, config)?.contents).toBe(
      "**ENV** `APP` (line 3)\n\nValue: `/srv`",
    );
    // In a stage, only what it and its base declare (a global ARG must be declared again).
    expect(computeCompletions(document, completing, config).map((c) => c.label)).toEqual(["APP"]);

    expect(semanticWork.models - before).toBe(1);
    expect(lintDocument(document, config).semantic).toBe(document.semantic);
  });

  it("gets a model of its own text: a new version does not reuse the last one's", () => {
    const first = createDocument("untitled:Dockerfile", 1, "FROM a\n");
    const second = createDocument("untitled:Dockerfile", 2, "FROM b\n");
    expect(first.semantic).toBe(first.semantic);
    expect(first.semantic.ast).toBe(first.parsed.ast);
    expect(second.semantic.ast).toBe(second.parsed.ast);
  });
});
