import { flagNamed, sourceKind, type Run, type Stage, type Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename } from "../shell/lexer.js";
import { runShell, runsOpaqueScriptAfter } from "../shell/run.js";
import { urlBasename } from "../shell/tools/curl.js";
import { isBranchHeadUrl } from "../shell/tools/git.js";
import { textOf, unquote } from "./utils/instruction-text.js";

export default defineRule({
  id: "no-early-remote-add",
  title: "Add a remote file just before the instruction that uses it",
  severity: "warning",
  fixable: false,
  group: "cache-busting-order",
  docs: {
    rationale:
      "An `ADD` of a URL or a git repository is fetched again on every build, and once its content changes every instruction after it in the stage runs again. " +
      "Placed just before the step that uses the file, it re-runs only that step.",
    limitations:
      "The next `RUN` is looked for among the 100 instructions after the `ADD`; an `ADD` further from it is not reported. " +
      "A `RUN` that runs a script of the project (`bash /tmp/setup.sh`, `/scripts/install.sh`) may read the file without naming it, so an `ADD` just before one is not reported.",
    bad: [
      `FROM debian:12
ADD https://example.com/tool.tgz /tmp/
RUN apt-get update && apt-get install -y make
RUN tar -xzf /tmp/tool.tgz -C /opt
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y make
ADD https://example.com/tool.tgz /tmp/
RUN tar -xzf /tmp/tool.tgz -C /opt
`,
    ],
    seeAlso: ["no-broad-copy-before-install", "no-early-arg"],
  },
  messages: {
    remoteAdd: (source: string, line: number) =>
      `'${source}' is fetched again on every build, and the RUN on line ${line} does not use it but is rebuilt whenever it changes; move this ADD down to just before its first use.`,
  },
  visitor: {
    "Stage:exit"(stage, ctx) {
      // A script the Dockerfile does not show (`bash /tmp/setup.sh`) may be what reads the file.
      const mayUse = (run: Run): boolean => runsOpaqueScriptAfter(runShell(run, ctx).commands, -1);
      checkRemoteAdds(stage, mayUse, (word, line) => ctx.report(word, "remoteAdd", word.value, line));
    },
  },
});

/** How many instructions after a remote ADD are read for the RUN it comes before. */
const lookahead = 100;

/** An ADD of a URL (or of a `--build-arg`-only value) before RUNs that do not use it. */
function checkRemoteAdds(
  stage: Stage,
  mayUse: (run: Run) => boolean,
  report: (word: Word, line: number) => void,
): void {
  const noDefault = new Set<string>();
  stage.instructions.forEach((node, index) => {
    if (node.type === "Arg") {
      for (const d of node.declarations) {
        const name = unquote(d.name.value);
        if (d.defaultValue === null) noDefault.add(name);
        else noDefault.delete(name);
      }
      return;
    }
    if (node.type !== "Add" || !node.destination || flagNamed(node, "checksum") !== undefined) return;
    for (const source of node.sources) {
      const kind = sourceKind(source.value);
      // A branch head fetched from a forge's API is there to rebuild the RUN after it when the branch moves.
      const remote = kind !== "local" && !pinnedUrl(source.value) && !isBranchHeadUrl(source.value);
      const variable = /^\$\{?(\w+)\}?$/.exec(source.value);
      if (!remote && !(variable && noDefault.has(variable[1]!))) continue;
      const dest = node.destination.value;
      // A file under /etc (an apt key, a repository list, a config) is read by later RUNs without being named.
      if (/^\/etc\//.test(dest)) continue;
      // A repository is cloned into the destination; a file downloaded into a directory keeps its URL's name.
      const file = kind === "url" && dest.endsWith("/") ? urlBasename(source.value) : basename(dest);
      const needles = [file, dest.replace(/\/+$/, "")].filter((n) => n.length > 1 && n !== "/tmp");
      if (needles.length === 0) continue;
      // The instructions after it, up to the first RUN, by index (a copy of the rest of the stage for each ADD made a
      // stage of many ADDs quadratic). An ADD further than `lookahead` instructions from the next RUN is left alone:
      // thousands of ADDs before one RUN were each read against all the others.
      const end = Math.min(stage.instructions.length, index + 1 + lookahead);
      for (let k = index + 1; k < end; k++) {
        const later = stage.instructions[k]!;
        const text = textOf(later);
        if (needles.some((n) => text.includes(n))) break;
        if (later.type === "Run") {
          if (!mayUse(later)) report(source, later.range.start.line);
          break;
        }
      }
    }
  });
}

/** True for a URL that names a fixed version (`v1.2`, `3.4.0`, a commit hash, a `${VERSION}`): its content does not change. */
function pinnedUrl(url: string): boolean {
  return /\d+\.\d+|\/v\d|[0-9a-f]{40}|\$/i.test(url.replace(/^[a-z]+:\/\/[^/]*/i, ""));
}
