import type { File, Language, NotOkParseResult, OkParseResult } from "@eslint/core";
import { parse, type Dockerfile, type ParseResult } from "@hull/parser";
import { DockerfileSourceCode, visitorKeys, type DockerfileNode } from "./source-code.js";

/** The Dockerfile language has no options of its own. */
export type DockerfileLanguageOptions = Record<string, unknown>;

/** A successful parse: hull's AST, plus the parser's diagnostics for the `hull/syntax-error` rule. */
export interface DockerfileParseResult extends OkParseResult<Dockerfile> {
  parseResult: ParseResult;
}

function textOf(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

/**
 * `hull/dockerfile`: Dockerfiles for ESLint ≥ 9.7. Positions are hull's own (1-based lines and columns).
 *
 * Parse errors do not fail the parse: hull's parser recovers from every error as BuildKit reports it, so the
 * AST is always usable and the errors are findings of `hull/syntax-error`, beside the other rules' findings (a
 * failed parse would hide every other finding behind one fatal message, and could not be disabled or downgraded).
 */
export const dockerfileLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys,
  defaultLanguageOptions: {},

  // What the user wrote in `languageOptions`: checked here, so not yet known to be an object.
  validateLanguageOptions(options: unknown): void {
    if (options === null || typeof options !== "object") throw new TypeError("Expected an object.");
    const unknown = Object.keys(options);
    if (unknown.length > 0) {
      throw new TypeError(`The Dockerfile language has no options; unexpected key "${unknown[0]}".`);
    }
  },

  parse(file: File): DockerfileParseResult | NotOkParseResult {
    try {
      const parseResult = parse(textOf(file));
      return { ok: true, ast: parseResult.ast, parseResult };
    } catch (error) {
      // hull's parser does not throw; this keeps ESLint's contract if it ever did.
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        errors: [{ message: `hull could not parse this file: ${message}`, line: 1, column: 1 }],
      };
    }
  },

  createSourceCode(file: File, input: DockerfileParseResult): DockerfileSourceCode {
    return new DockerfileSourceCode({ text: textOf(file), parseResult: input.parseResult });
  },
} satisfies Language<{
  LangOptions: DockerfileLanguageOptions;
  Code: DockerfileSourceCode;
  RootNode: Dockerfile;
  Node: DockerfileNode;
}>;
