import { flagNamed, globTest, sourceKind, type Add, type Copy, type Stage, type Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename } from "../shell/lexer.js";
import { runShell, type ShellScope } from "../shell/run.js";
import { dependencyInstalls, type Install } from "../shell/tools/installs.js";

interface BroadCopy {
  word: Word;
  index: number;
  /** True for `.`-like sources: the install cannot have found its manifests anywhere else. */
  wholeContext: boolean;
}

/** Source directories that hold code, not dependency manifests. */
const SOURCE_DIRS = new Set([
  "src",
  "app",
  "lib",
  "cmd",
  "pkg",
  "internal",
  "public",
  "components",
  "pages",
  "static",
  "assets",
  "templates",
  "test",
  "tests",
]);

export default defineRule({
  id: "no-broad-copy-before-install",
  title: "Copy dependency manifests and install them before copying the rest of the sources",
  severity: "warning",
  fixable: false,
  group: "cache-busting-order",
  docs: {
    rationale:
      "The build cache is a chain: once one instruction's cache key changes, every instruction after it in the stage runs again. " +
      "A COPY's key is the content of what it copies, so copying the whole context before installing dependencies re-runs the install on every source change. " +
      "Copy the manifests (package.json and the lockfile, requirements.txt, go.mod and go.sum, …) first, install, then copy the rest.",
    bad: [
      `FROM node:22
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "server.js"]
`,
    ],
    good: [
      `FROM node:22
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["node", "server.js"]
`,
    ],
    seeAlso: ["no-early-remote-add", "no-early-arg"],
  },
  messages: {
    broadCopy: (source: string, command: string, line: number, manifests: string) =>
      `Copying '${source}' here re-runs '${command}' (line ${line}) whenever any copied file changes; copy ${manifests} first, install, then copy the rest.`,
  },
  visitor: {
    "Stage:exit"(stage, ctx) {
      checkBroadCopies(stage, ctx, (word, install, line) =>
        ctx.report(word, "broadCopy", word.value, install.command, line, install.label),
      );
    },
  },
});

/** A broad COPY before a dependency install that only needs manifests. */
function checkBroadCopies(
  stage: Stage,
  scope: ShellScope,
  report: (word: Word, install: Install, line: number) => void,
): void {
  const broad: BroadCopy[] = [];
  /** For each instruction index, the sources copied so far (basenames and relative paths). */
  const copied: { index: number; source: string }[] = [];
  const reported = new Set<Word>();
  stage.instructions.forEach((node, index) => {
    if (node.type === "Copy" || node.type === "Add") {
      if (fromOtherPlace(node)) return;
      for (const source of node.sources) {
        const kind = broadness(source.value);
        if (kind) broad.push({ word: source, index, wholeContext: kind === "context" });
        else copied.push({ index, source: source.value });
      }
      return;
    }
    if (node.type !== "Run") return;
    // A bind mount gives the install its files without a layer, and counts as having the manifests early.
    const binds = node.mounts.filter((m) => m.mountType === "bind" && m.from === null);
    for (const m of binds) copied.push({ index, source: m.source ?? "." });
    if (binds.length > 0) return;
    // Only a broad COPY earlier in the stage can be a culprit: without one, the RUN's installs need not be read.
    if (broad.length === 0) return;
    for (const install of dependencyInstalls(runShell(node, scope).commands)) {
      const manifestCopied = (from: number, to: number) =>
        copied.some((c) => c.index >= from && c.index < to && isManifest(c.source, install));
      const culprit = broad.find((b) => {
        if (manifestCopied(0, b.index)) return false;
        // A source directory is only the culprit when the manifests were copied after it, before the install.
        return b.wholeContext || manifestCopied(b.index + 1, index);
      });
      if (culprit && !reported.has(culprit.word)) {
        reported.add(culprit.word);
        report(culprit.word, install, node.range.start.line);
      }
    }
  });
}

/** True for a COPY or ADD that does not read the build context (`--from`, a URL, a heredoc). */
function fromOtherPlace(node: Copy | Add): boolean {
  if (flagNamed(node, "from") !== undefined) return true;
  return node.sources.some((s) => s.value.startsWith("<<") || sourceKind(s.value) !== "local");
}

/** `context` for `.`-like sources, `dir` for a conventional source directory, else null. */
function broadness(source: string): "context" | "dir" | null {
  const s = source.replace(/^\.\/(?=.)/, "");
  if (s === "." || s === "./" || s === "*" || s === "./*") return "context";
  if (SOURCE_DIRS.has(s.replace(/\/+$/, ""))) return "dir";
  return null;
}

function isManifest(source: string, install: Install): boolean {
  const trimmed = source.replace(/^\.\//, "").replace(/\/+$/, "");
  if (install.dirs?.includes(trimmed)) return true;
  const name = basename(trimmed);
  return install.manifests.some((m) => matches(name, m) || matches(m, name));
}

/** True when the file name `name` matches the shell glob `pattern` (a malformed one matches nothing). */
function matches(pattern: string, name: string): boolean {
  return globTest(pattern, "shell")?.(name) ?? false;
}
