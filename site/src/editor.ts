// CodeMirror 6 wiring: hull's highlighting as decorations, hull's findings as lint diagnostics with quick fixes,
// and the language server's hover. All hull work happens in the worker; these extensions only display results.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { lintGutter, lintKeymap, type Action, type Diagnostic as CmDiagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, StateEffect, StateField, type Extension, type Text } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
  type DecorationSet,
} from "@codemirror/view";
import type { Diagnostic, Severity } from "@hull/linter";
import type { HoverResult } from "./analysis.js";
import type { Highlight } from "./highlight.js";
import { renderMarkdown } from "./markdown.js";

/** Replaces the highlighting; the spans were computed for `doc`, and are dropped if the text moved on. */
export const setHighlights = StateEffect.define<{ doc: Text; spans: Highlight[] }>();

const marks = new Map<string, Decoration>();
const markOf = (cls: string) => {
  let mark = marks.get(cls);
  if (!mark) marks.set(cls, (mark = Decoration.mark({ class: cls })));
  return mark;
};

/** Highlighting from the worker's parse, mapped through edits until the next parse arrives. */
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setHighlights) || effect.value.doc !== tr.state.doc) continue;
      const length = tr.state.doc.length;
      next = Decoration.set(
        effect.value.spans
          .filter(([from, to]) => to <= length && from < to)
          .map(([from, to, cls]) => markOf(cls).range(from, to)),
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const severityOf: Record<Severity, CmDiagnostic["severity"]> = {
  error: "error",
  warning: "warning",
  info: "info",
  style: "hint",
};

/** A hull finding as a CodeMirror diagnostic; its fix, when there is one, is the quick-fix action. */
export function toCmDiagnostic(d: Diagnostic, doc: Text): CmDiagnostic {
  const length = doc.length;
  const from = Math.min(d.range.start.offset, length);
  const to = Math.min(Math.max(d.range.end.offset, from), length);
  const actions: Action[] = [];
  if (d.fix) {
    const edits = d.fix.edits;
    actions.push({
      name: "Fix",
      apply(view) {
        // The edits are offsets into the text that was linted; a stale fix is not applied.
        if (view.state.doc !== doc) return;
        view.dispatch({
          changes: edits.map((e) => ({ from: e.range.start.offset, to: e.range.end.offset, insert: e.text })),
          userEvent: "input.fix",
        });
      },
    });
  }
  return {
    from,
    to,
    severity: severityOf[d.severity],
    source: d.ruleId,
    message: d.message,
    actions,
    renderMessage() {
      const span = document.createElement("span");
      span.textContent = `${d.message} `;
      const link = document.createElement("a");
      link.href = `rules/${d.ruleId}.html`;
      link.target = "_blank";
      link.textContent = d.ruleId;
      link.className = "rule-link";
      span.append(link);
      return span;
    },
  };
}

export interface EditorHooks {
  hover(offset: number): Promise<HoverResult | null>;
  onChange(view: EditorView): void;
}

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13.5px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" },
});

/** The Dockerfile editor's extensions. */
export function dockerfileExtensions(hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorState.tabSize.of(4),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
    lintGutter(),
    highlightField,
    theme,
    hoverTooltip(async (_view, pos) => {
      const found = await hooks.hover(pos);
      if (!found) return null;
      return {
        pos: found.from,
        end: found.to,
        above: true,
        create() {
          const dom = document.createElement("div");
          dom.className = "hover-doc";
          dom.innerHTML = renderMarkdown(found.markdown);
          return { dom };
        },
      };
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.view);
    }),
  ];
}

/** The config editor's extensions (YAML or JSON; no highlighting, diagnostics come from the worker). */
export function configExtensions(onChange: (view: EditorView) => void): Extension[] {
  return [
    lineNumbers(),
    history(),
    drawSelection(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    lintGutter(),
    theme,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.view);
    }),
  ];
}
