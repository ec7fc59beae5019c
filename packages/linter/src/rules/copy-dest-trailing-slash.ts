import type { Add, Copy } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

const messages = {
  noSlash: (keyword: string, dest: string) =>
    `${keyword} has several sources, so its destination '${dest}' must be a directory ending with '/'.`,
};

export default defineRule({
  id: "copy-dest-trailing-slash",
  title: "End the destination with / when COPY or ADD has several sources",
  severity: "error",
  fixable: "unsafe",
  aliases: { hadolint: "DL3021", trivy: "DS-0011" },
  docs: {
    rationale:
      "With more than one source, `COPY` and `ADD` must copy into a directory, and the destination has to say so with a trailing `/`. " +
      "The classic builder stops with an error on `COPY a.txt b.txt /app`; BuildKit copies each source to that one path, where files can overwrite each other. " +
      "The fix appends the `/`.",
    limitations:
      "BuildKit also takes `.` as a directory. " +
      "A destination that ends with a variable is not checked, since its value is only known at build time.",
    bad: [
      `FROM alpine:3.20
COPY package.json package-lock.json /app
`,
    ],
    good: [
      `FROM alpine:3.20
COPY package.json package-lock.json /app/
`,
      `FROM alpine:3.20
COPY app.js /app
`,
    ],
  },
  messages,
  visitor: { Copy: check, Add: check },
});

/** Reports a COPY or ADD with several sources whose destination does not end with `/`. */
function check(node: Copy | Add, ctx: RuleContext<typeof messages>): void {
  const dest = node.destination;
  if (!dest || node.sources.length < 2) return;
  const value = unquote(dest.value);
  // BuildKit takes `.` as a directory too.
  if (value === "." || value.endsWith("/") || value.endsWith("\\") || /\$(?:\w+|\{[^}]*\})$/.test(value))
    return;
  // Template placeholders (`{{ … }}`, `<%= … %>`) split into words of their own; the sources are unknown.
  if (/\{\{|<%/.test(node.logical)) return;
  const at = slashOffset(ctx.source, node);
  const fix = at === null ? undefined : { range: ctx.rangeOf(at, at), text: "/" };
  ctx.report({ at: dest, fix }, "noSlash", node.keyword.name, value);
}

/** The offset where `/` goes: the end of the destination, inside its closing quote; null when the text is not that simple. */
function slashOffset(source: string, node: Copy | Add): number | null {
  const { range, value } = node.destination!;
  const text = source.slice(range.start.offset, range.end.offset);
  const end = range.end.offset;
  if (node.form === "exec") return text === JSON.stringify(value) ? end - 1 : null;
  if (text !== value) return null;
  return /^(["']).*\1$/s.test(text) && text.length >= 2 ? end - 1 : end;
}
