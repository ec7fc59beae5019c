import { fix, isIgnoredPath, parseIgnoreComment, type Diagnostic } from "@hull/linter";
import type { Instruction } from "@hull/parser";
import { lintOptionsOf, type FeatureConfig } from "../config.js";
import type { Document } from "../documents.js";
import type { LspEdit, LspRange } from "../types.js";
import { lintDocument, toLspDiagnostic, type LspDiagnostic } from "./diagnostics.js";

/** The kind under which "fix all" is offered, so that editors can run it on save (`source.fixAll.hull`). */
export const fixAllKind = "source.fixAll.hull";

/** A code action in the protocol's shape: edits to the one document it was asked for. */
export interface CodeActionData {
  title: string;
  kind: "quickfix" | typeof fixAllKind;
  diagnostics?: LspDiagnostic[];
  isPreferred?: boolean;
  edits: LspEdit[];
}

/**
 * The code actions for a range: each fix of a finding there, "ignore this rule for this instruction", and "fix all".
 * `only` filters by kind prefix, as the protocol's `CodeActionContext.only` does.
 */
export function computeCodeActions(
  document: Document,
  range: LspRange,
  config: FeatureConfig,
  only?: readonly string[],
): CodeActionData[] {
  // No actions for findings that are not shown: the config excludes the file.
  if (document.path !== null && isIgnoredPath(document.path, config.loaded)) return [];
  const start = document.lines.offsetAt(range.start);
  const end = document.lines.offsetAt(range.end);
  const { diagnostics } = lintDocument(document, config);
  // A finding is "here" when it overlaps the range or touches the cursor (an empty range at either end).
  const here = diagnostics.filter((d) => d.range.start.offset <= end && start <= d.range.end.offset);
  const actions: CodeActionData[] = [];

  for (const d of here) {
    if (!d.fix) continue;
    actions.push({
      // An unsafe fix is offered one by one, where the user sees it, and says so.
      title: `Fix this ${d.ruleId} problem${d.fix.level === "unsafe" ? " (unsafe: can change the image)" : ""}`,
      kind: "quickfix",
      diagnostics: [toLspDiagnostic(document, d)],
      isPreferred: d.fix.level === "safe",
      edits: d.fix.edits.map((e) => ({
        range: document.lines.rangeOf(e.range.start.offset, e.range.end.offset),
        newText: e.text,
      })),
    });
  }
  const ignored = new Set<string>();
  for (const d of here) {
    if (ignored.has(d.ruleId)) continue;
    const edit = ignoreEdit(document, d);
    if (!edit) continue;
    ignored.add(d.ruleId);
    actions.push({
      title: `Ignore ${d.ruleId} for this instruction`,
      kind: "quickfix",
      diagnostics: here.filter((x) => x.ruleId === d.ruleId).map((x) => toLspDiagnostic(document, x)),
      edits: [edit],
    });
  }
  // "Fix all" runs on save in many set-ups, so it applies safe fixes only, as `hull lint --fix` does.
  if (diagnostics.some((d) => d.fix?.level === "safe")) {
    const edit = fixAllEdit(document, config);
    if (edit) {
      // In the light bulb only next to a fixable finding; as a source action always.
      if (here.some((d) => d.fix?.level === "safe"))
        actions.push({ title: "Fix all auto-fixable problems", kind: "quickfix", edits: [edit] });
      actions.push({ title: "Fix all auto-fixable hull problems", kind: fixAllKind, edits: [edit] });
    }
  }
  return only ? actions.filter((a) => only.some((k) => a.kind === k || a.kind.startsWith(`${k}.`))) : actions;
}

/** The top-level instruction a finding is in (an ONBUILD trigger's finding is in its ONBUILD). */
function instructionAt(document: Document, offset: number): Instruction | undefined {
  return document.parsed.ast.instructions.find(
    (i) => i.range.start.offset <= offset && offset <= i.range.end.offset,
  );
}

/**
 * Inserts `# hull ignore=<id>` above the finding's instruction, or adds the id to the hull ignore comment that
 * is already directly above it; null when the finding is not inside an instruction (ignores only cover those).
 */
function ignoreEdit(document: Document, d: Diagnostic): LspEdit | null {
  const instruction = instructionAt(document, d.range.start.offset);
  if (!instruction) return null;
  const lines = document.lines;
  const keyword = lines.positionAt(instruction.range.start.offset);
  const last = instruction.comments.at(-1);
  if (last && lines.positionAt(last.range.start.offset).line === keyword.line - 1) {
    const parsed = parseIgnoreComment(last.text);
    const lastName = parsed?.names.at(-1);
    if (parsed?.source === "hull" && parsed.scope === "next" && lastName) {
      const at = last.range.start.offset + lastName.index + lastName.name.length;
      return { range: lines.rangeOf(at, at), newText: `,${d.ruleId}` };
    }
  }
  const lineStart = lines.lineStart(keyword.line);
  const indent = /^[ \t]*/.exec(document.text.slice(lineStart, instruction.range.start.offset))?.[0] ?? "";
  const eol = document.text.includes("\r\n") ? "\r\n" : "\n";
  return {
    range: lines.rangeOf(lineStart, lineStart),
    newText: `${indent}# hull ignore=${d.ruleId}${eol}`,
  };
}

/** One edit that applies every safe fix, in rounds as `hull lint --fix` does; null when nothing changes. */
function fixAllEdit(document: Document, config: FeatureConfig): LspEdit | null {
  const before = document.text;
  const text = fix(before, { ...lintOptionsOf(document.path, config), parseResult: document.parsed }).output;
  if (text === before) return null;
  // Replace only the part that changed, so that editors keep the cursor and folds elsewhere.
  let prefix = 0;
  const max = Math.min(before.length, text.length);
  while (prefix < max && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  // Never split a surrogate pair: positions are counted in UTF-16 code units, but a half character is no edit.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isHighSurrogate(before.charCodeAt(before.length - suffix - 1))) suffix--;
  return {
    range: document.lines.rangeOf(prefix, before.length - suffix),
    newText: text.slice(prefix, text.length - suffix),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
