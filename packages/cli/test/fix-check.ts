import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fix, lint, type LintOptions } from "@hull/linter";
import { parse } from "@hull/parser";
import { plan } from "@hull/planner";

/** The corpus of real Dockerfiles beside the repository (`../shared/corpus/files`), or null when it is absent. */
export function corpusDir(): string | null {
  const dir = process.env.HULL_CORPUS ?? resolve(import.meta.dirname, "../../../../shared/corpus/files");
  return existsSync(dir) ? dir : null;
}

/** What fixing one file did, and which of fix's promises it broke. */
export interface FixCheck {
  changed: boolean;
  fixed: Record<string, number>;
  /** Fixing the fixed text changes it again. */
  notIdempotent: boolean;
  /** Parser diagnostics of the fixed text that the input did not have, as `code@line`. */
  newParseErrors: string[];
  /** Rules with more findings after the fix than before. */
  moreFindings: string[];
  /** For safe fixes: plan nodes whose cache key changed although neither the node nor any of its inputs did. */
  keyChanges: string[];
  /** For safe fixes: edited plan nodes whose own cache key changed (allowed, reported by the corpus script). */
  editedKeyChanges: string[];
  /** How many plan nodes kept their exact cache key, of how many (safe fixes only). */
  keysKept: number;
  keysTotal: number;
}

const options: LintOptions = { preset: "all" };

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Fixes a text with every rule on and checks idempotence, parsing, findings and (for safe fixes) cache keys. */
export function checkFix(text: string, unsafe: boolean): FixCheck {
  const first = fix(text, options, { unsafe });
  const second = fix(first.output, options, { unsafe });
  const before = parse(text);
  const after = parse(first.output);
  const beforeCodes = countBy(before.diagnostics, (d) => d.code);
  const newParseErrors = [...countBy(after.diagnostics, (d) => d.code)]
    .filter(([code, n]) => n > (beforeCodes.get(code) ?? 0))
    .flatMap(([code]) =>
      after.diagnostics.filter((d) => d.code === code).map((d) => `${code}@${d.range.start.line}`),
    );
  const beforeRules = countBy(lint(text, options).diagnostics, (d) => d.ruleId);
  const moreFindings = [...countBy(first.diagnostics, (d) => d.ruleId)]
    .filter(([id, n]) => n > (beforeRules.get(id) ?? 0))
    .map(([id]) => id);
  const result: FixCheck = {
    changed: first.output !== text,
    fixed: first.fixed,
    notIdempotent: second.output !== first.output,
    newParseErrors,
    moreFindings,
    keyChanges: [],
    editedKeyChanges: [],
    keysKept: 0,
    keysTotal: 0,
  };
  if (!unsafe && result.changed) {
    const old = plan(before.ast);
    const now = plan(after.ast);
    const oldById = new Map(old.nodes.map((n) => [n.id, n]));
    const nowKey = new Map(now.nodes.map((n) => [n.id, n.cacheKey]));
    result.keysTotal = old.nodes.length;
    for (const node of now.nodes) {
      const was = oldById.get(node.id);
      if (!was) {
        result.keyChanges.push(`${node.id} (new node)`);
        continue;
      }
      if (was.cacheKey === node.cacheKey) {
        result.keysKept++;
        continue;
      }
      const edited =
        text.slice(was.range.start.offset, was.range.end.offset) !==
        first.output.slice(node.range.start.offset, node.range.end.offset);
      // A changed key is explained by an edit of the node itself or by a changed key of one of its inputs.
      const inputChanged = node.inputs.some((id) => oldById.get(id)?.cacheKey !== nowKey.get(id));
      const where = `${node.id} ${node.instruction} line ${node.line}`;
      if (edited) result.editedKeyChanges.push(where);
      else if (!inputChanged) result.keyChanges.push(where);
    }
    if (now.nodes.length !== old.nodes.length) result.keyChanges.push("the number of plan nodes changed");
  }
  return result;
}
