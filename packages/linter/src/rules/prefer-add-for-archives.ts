import { flagNamed } from "@hull/parser";
import type { Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { runCommands } from "../shell/run.js";
import { isTarArchive } from "../shell/tools/tar.js";
import { unquote } from "./utils/instruction-text.js";

function basename(path: string): string {
  const unquoted = unquote(path);
  return unquoted.slice(Math.max(unquoted.lastIndexOf("/"), unquoted.lastIndexOf("\\")) + 1);
}

/** The archive names a `tar` command extracts, or none when it does not extract or does more than ADD can. */
function extractedByTar(command: ShellCommand): string[] {
  if (command.base !== "tar") return [];
  let extract = false;
  const files: string[] = [];
  for (const [i, word] of command.args.entries()) {
    const v = word.value;
    if (v === "--extract" || v === "--get" || (/^-[A-Za-z]/.test(v) && v.includes("x"))) extract = true;
    // Old-style options: a first argument without a dash, e.g. `tar xzf a.tgz`.
    else if (i === 0 && /^[A-Za-z]+$/.test(v) && v.includes("x")) extract = true;
    if (v.startsWith("--file=")) files.push(basename(v.slice(7)));
    else if (!v.startsWith("-")) files.push(basename(v));
  }
  // ADD cannot strip leading path components or pick members.
  if (!extract || command.args.some((w) => w.value.startsWith("--strip"))) return [];
  return files;
}

export default defineRule({
  id: "prefer-add-for-archives",
  title: "Use ADD to unpack a local tar archive",
  severity: "info",
  fixable: false,
  aliases: { hadolint: "DL3010" },
  docs: {
    rationale:
      "`COPY` of an archive followed by `RUN tar -x` stores the archive in one layer and its contents in another, and the image keeps both even if the `RUN` deletes the archive. " +
      "`ADD` unpacks a local tar archive (plain, gzip, bzip2 or xz) straight into the destination, in one layer.",
    limitations:
      "Only tar archives are reported, since `ADD` does not unpack zip or single compressed files, and neither is a `tar` with `--strip-components`, which `ADD` cannot do. " +
      "Only the stages that end up in an image are checked: in a stage that only feeds `COPY --from`, both layers stay in the build cache and in no image.",
    hadolintDifferences:
      'the arguments of a COPY in shell form are split at blanks before quotes are read, as BuildKit splits them, so `COPY a.tar.gz "C:\\Program Files\\a.tar.gz"` copies `a.tar.gz` and `"C:\\Program` to `Files\\a.tar.gz"`, which is no archive; hadolint reads the quoted path as one word.',
    bad: [
      `FROM alpine:3.20
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
`,
    ],
    good: [
      `FROM alpine:3.20
ADD app.tar.gz /opt/
`,
      `FROM alpine:3.20
COPY node.tar.xz /tmp/
RUN tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1
`,
    ],
    seeAlso: ["prefer-copy-over-add"],
  },
  messages: {
    extracted: (name: string, line: number) =>
      `'${name}' is copied here and unpacked by tar on line ${line}; ADD unpacks a local tar archive in one layer.`,
  },
  // Archives copied in the current stage and not yet reported, by file name.
  state: () => ({ archives: new Map<string, Word>() }),
  visitor: {
    Stage(_stage, ctx) {
      ctx.state.archives = new Map();
    },
    Copy(node, ctx) {
      if (ctx.isTrigger(node) || flagNamed(node, "from") !== undefined || node.heredocs.length > 0) return;
      // A stage that only feeds `COPY --from` leaves both layers in the build cache, in no image.
      if (!ctx.semantic.isKept(ctx.currentStage())) return;
      const { archives } = ctx.state;
      const dest = node.destination;
      if (dest && isTarArchive(basename(dest.value))) archives.set(basename(dest.value), dest);
      else
        for (const src of node.sources) if (isTarArchive(src.value)) archives.set(basename(src.value), src);
    },
    Run(node, ctx) {
      const { archives } = ctx.state;
      if (archives.size === 0 || ctx.isTrigger(node)) return;
      for (const command of runCommands(node, ctx).all) {
        for (const name of extractedByTar(command)) {
          const word = archives.get(name);
          if (!word) continue;
          archives.delete(name);
          ctx.report(word, "extracted", basename(word.value), node.range.start.line);
        }
      }
    },
  },
});
