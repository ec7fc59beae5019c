import type { FileProblem, RulesConfig, SourceLocation, SourceRange, TraversalStep } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import {
  visitorKeys as parserVisitorKeys,
  walk,
  type Comment,
  type Dockerfile,
  type ParseResult,
  type Range,
  type WalkNode,
} from "@hull/parser";

/** A node ESLint visits: the file, a stage, an instruction, a comment line or a parser directive. */
export type DockerfileNode = WalkNode;

/** Something with a location: a visited node or any other hull node with a `range` (a word, a flag). */
export type Located = { range: Range };

/** Child keys per node type (the parser's); every other node is a leaf. */
export const visitorKeys = parserVisitorKeys;

/** One `# eslint …` comment's rule settings. */
export interface InlineConfig {
  config: { rules: RulesConfig };
  loc: SourceLocation;
}

function isLocated(node: unknown): node is Located {
  const range = (node as { range?: Partial<Range> } | null)?.range;
  return typeof range?.start?.offset === "number" && typeof range.end?.offset === "number";
}

const commentParser = new ConfigCommentParser();

/** The labels of comments that configure ESLint (`# eslint hull/x: off`, `# eslint-disable…`, `# eslint-enable`). */
const inlineConfigLabel = /^eslint(?:-enable|-disable(?:-next-line|-line)?)?$/u;

/** The directive types ESLint understands, by comment label. */
const directiveTypes: Readonly<Record<string, "disable" | "enable" | "disable-line" | "disable-next-line">> =
  {
    "eslint-disable": "disable",
    "eslint-enable": "enable",
    "eslint-disable-line": "disable-line",
    "eslint-disable-next-line": "disable-next-line",
  };

/**
 * What ESLint rules see of a Dockerfile: the text, hull's AST (unchanged, shared with hull's engine) and its parse
 * diagnostics. `loc` and `range` come from `getLoc`/`getRange`, derived from each node's own `range`.
 */
export class DockerfileSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Dockerfile;
  SyntaxElementWithLoc: Located;
  ConfigNode: Comment;
}> {
  /** hull's parse result of exactly `text`: the AST and the parser's diagnostics (BuildKit's errors). */
  readonly parseResult: ParseResult;
  readonly visitorKeys = visitorKeys;
  /** Top-level comment lines (comment lines inside a continuation are not comments BuildKit keeps). */
  readonly comments: readonly Comment[];
  #steps: VisitNodeStep[] | undefined;
  #parents: WeakMap<object, DockerfileNode> | undefined;
  #configNodes: Comment[] | undefined;

  constructor({ text, parseResult }: { text: string; parseResult: ParseResult }) {
    super({ text, ast: parseResult.ast });
    this.parseResult = parseResult;
    this.comments = parseResult.ast.comments;
  }

  /** ESLint's 1-based line, 1-based column location (the language's `columnStart` is 1). */
  override getLoc(node: Located): SourceLocation {
    // Anything else (an ESTree-like `loc`, a unist `position`) is left to the base class.
    if (!isLocated(node)) return super.getLoc(node);
    const { start, end } = node.range;
    return { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } };
  }

  /** `[start, end)` offsets into `text`. */
  override getRange(node: Located): SourceRange {
    if (!isLocated(node)) return super.getRange(node);
    return [node.range.start.offset, node.range.end.offset];
  }

  override getParent(node: Located): DockerfileNode | undefined {
    if (!this.#parents) this.#collect();
    return this.#parents!.get(node);
  }

  /** Enter and exit steps in source order (the parser's `walk`): a stage is entered at its FROM. */
  override traverse(): Iterable<TraversalStep> {
    if (!this.#steps) this.#collect();
    return this.#steps!;
  }

  #collect(): void {
    const steps: VisitNodeStep[] = [];
    const parents = new WeakMap<object, DockerfileNode>();
    // The parser's walk, so that ESLint rules see nodes in the order hull's own rules do.
    walk(this.ast, {
      enter(node, parent) {
        if (parent) parents.set(node, parent);
        steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
      },
      exit(node, parent) {
        steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
      },
    });
    this.#steps = steps;
    this.#parents = parents;
  }

  /** Top-level comments whose text is an ESLint directive. */
  getInlineConfigNodes(): Comment[] {
    if (!this.#configNodes) {
      this.#configNodes = this.comments.filter((comment) => {
        const directive = commentParser.parseDirective(comment.value);
        return directive !== undefined && inlineConfigLabel.test(directive.label);
      });
    }
    return this.#configNodes;
  }

  /**
   * `# eslint-disable`, `# eslint-enable`, `# eslint-disable-line` and `# eslint-disable-next-line`, with ESLint's
   * meaning: the next *line*, so a finding on a continuation line of a multi-line instruction needs a
   * disable/enable pair around it (or hull's own `# hull ignore=`, which covers the whole instruction).
   */
  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      const type = parsed && directiveTypes[parsed.label];
      if (!parsed || !type) continue;
      directives.push(
        new Directive({ type, node: comment, value: parsed.value, justification: parsed.justification }),
      );
    }
    return { directives, problems: [] };
  }

  /** `# eslint hull/no-latest-tag: off` style rule configuration. */
  applyInlineConfig(): { configs: InlineConfig[]; problems: FileProblem[] } {
    const configs: InlineConfig[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || parsed.label !== "eslint") continue;
      const loc = this.getLoc(comment);
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc });
      else problems.push({ ruleId: null, message: result.error.message, loc });
    }
    return { configs, problems };
  }
}
