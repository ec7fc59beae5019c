import { instructionTypes } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-empty-continuation",
  title: "Do not leave empty lines inside a continued instruction",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "NoEmptyContinuation" },
  docs: {
    rationale:
      "An empty or whitespace-only line after a line continuation does not end the instruction: BuildKit drops the line and keeps joining. " +
      "It reads as if the instruction stopped there, and BuildKit has announced that it will become an error. " +
      "Remove the line, or put a `#` comment on it if it separates groups.",
    limitations:
      "The finding is on the empty line, which the fix removes; BuildKit reports the last line of the instruction instead. " +
      "When the line below it starts an instruction (`RUN`, `COPY`…, in capitals), after any comment lines, which BuildKit skips inside a continuation as it skips empty ones, that instruction is joined to this one as words, which is rarely what was meant: the finding says so and has no fix, since removing the `\\` above changes what is built. " +
      "An instruction joined with no empty line above it (`RUN a \\`, then only comment lines or nothing, then `RUN b`) is not reported: this rule is about empty lines.",
    bad: [
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\

    git
`,
    ],
    good: [
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\
    git
`,
      `FROM alpine:3.20
RUN apk add --no-cache \\
    curl \\
#
    git
`,
    ],
  },
  messages: {
    empty: () => "Empty continuation line; BuildKit drops it and will reject it in a future release.",
    joined: (keyword: string) =>
      `Empty continuation line: it does not end the instruction, so the '${keyword}' below is joined to it as more words; remove the '\\' at the end of the line above.`,
  },
  visitor: {
    // The parser's scanner notes every empty continuation line as it reads the file: reading the notes costs
    // nothing, while reading each instruction's tokens would scan every instruction a second time.
    Dockerfile(_ast, ctx) {
      const text = ctx.source;
      for (const diagnostic of ctx.parseResult.diagnostics) {
        if (diagnostic.code !== "empty-continuation") continue;
        const start = diagnostic.range.start.offset;
        const end = diagnostic.range.end.offset;
        // The range stops before the line break; the fix removes the line with it.
        const lineEnd =
          text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10
            ? end + 2
            : text.charCodeAt(end) === 10
              ? end + 1
              : end;
        // An instruction below it, joined to this one as words of its own (`… && cd /tmp \`, a blank line,
        // `RUN x`): the line above ended with a `\\` it should not have. Removing the empty line would keep the join.
        const keyword = nextKeyword(text, lineEnd);
        if (keyword !== null) {
          ctx.report(ctx.rangeOf(start, end), "joined", keyword);
          continue;
        }
        const fix = { range: ctx.rangeOf(start, lineEnd), text: "" };
        ctx.report({ at: ctx.rangeOf(start, end), fix }, "empty");
      }
    },
  },
});

/**
 * The instruction keyword (`RUN`, `COPY`…, in capitals) that opens the first line from `from` that BuildKit's
 * scanner keeps in a continued instruction, or null. Inside a continuation it skips empty lines and comment lines
 * (the first non-blank character is `#`) alike, so the keyword below `# note` is joined as well.
 */
function nextKeyword(text: string, from: number): string | null {
  const line = /[ \t]*(#[^\n]*)?(\r?\n|$)|[ \t]*([A-Z]+)[ \t]/y;
  line.lastIndex = from;
  for (let m = line.exec(text); m !== null; m = line.exec(text)) {
    if (m[3] !== undefined) return Object.hasOwn(instructionTypes, m[3]) ? m[3] : null;
    // The end of the text: nothing below.
    if (m[2] === "") return null;
  }
  return null;
}
