import { flagNamed, firstIndex, sourceKind, type Add, type Stage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { runCommands, type ShellScope } from "../shell/run.js";
import { isBranchHeadUrl } from "../shell/tools/git.js";
import { unquote } from "./utils/instruction-text.js";

/**
 * A remote file, not a git repository (`https://…/repo.git#ref` or `…/repo.git?ref=…` is pinned by its ref instead),
 * nor a branch head fetched to rebuild the clone after it when the branch moves, which no checksum can pin.
 */
const remoteFile = (source: string) => sourceKind(source) === "url" && !isBranchHeadUrl(source);

/** Commands that check a file against a checksum or a signature. */
const verifiers = new Set([
  "sha256sum",
  "sha512sum",
  "sha384sum",
  "sha1sum",
  "md5sum",
  "shasum",
  "b2sum",
  "gpgv",
  "minisign",
  "cosign",
  "sha256",
]);

/** A RUN that checks a file (`sha256sum -c`, `gpg --verify`…): where it starts, and its script. */
interface Verifier {
  offset: number;
  script: string;
}

/**
 * The RUNs of a stage that check some file, in order; read once per stage, on its first remote ADD. Asked of every
 * later RUN for each ADD, a stage of many ADDs and RUNs was quadratic (1,000 of each took 2.7 s).
 */
function verifyingRuns(stage: Stage, scope: ShellScope): Verifier[] {
  const found: Verifier[] = [];
  for (const node of stage.instructions) {
    if (node.type !== "Run") continue;
    const { all, shell } = runCommands(node, scope);
    const checks = all.some((c) => {
      const name = c.base ?? "";
      return verifiers.has(name) || (name.startsWith("gpg") && c.args.some((a) => a.value === "--verify"));
    });
    if (checks) found.push({ offset: node.range.start.offset, script: shell.script });
  }
  return found;
}

/** True when a RUN of `checks` (in source order) after `offset` checks a file and names one of `names`. */
function checkedLater(checks: readonly Verifier[], offset: number, names: readonly string[]): boolean {
  // The first that starts after the ADD, found by halving: a stage of many ADDs, each checked by the RUN after it,
  // read every earlier one for each.
  const first = firstIndex(checks.length, (k) => checks[k]!.offset >= offset);
  for (let k = first; k < checks.length; k++)
    if (names.some((n) => checks[k]!.script.includes(n))) return true;
  return false;
}

export default defineRule({
  id: "no-unverified-remote-add",
  title: "Verify files that ADD downloads",
  severity: "info",
  fixable: false,
  // Checkov's "use COPY instead of ADD" reports every ADD: the downloads here, plain files in prefer-copy-over-add.
  aliases: { checkov: "CKV_DOCKER_4" },
  security: "medium",
  docs: {
    rationale:
      "`ADD https://…` copies whatever the server returns into the image. " +
      "If the file is replaced upstream, or the download is tampered with, the build goes on with different content and nothing notices. " +
      "`ADD --checksum=sha256:…` makes BuildKit check the file and fail the build on any difference; checking it in a later `RUN` (`sha256sum -c`, `gpg --verify`) works too and is accepted by this rule.",
    limitations:
      "Git repositories (`https://…/repo.git#ref`, `…/repo.git?ref=…`) are not reported. " +
      'KICS ("Curl or Wget Instead of Add"), Semgrep (`prefer-copy-over-add`) and Checkov (CKV_DOCKER_4, which reports every `ADD`) report every remote `ADD`; Docker\'s own guidance now prefers `ADD --checksum` to `curl` in a `RUN`, so this rule asks for the checksum instead.',
    bad: [
      `FROM alpine:3.20
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
`,
    ],
    good: [
      `FROM alpine:3.20
ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
`,
      `FROM alpine:3.20
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
RUN echo "93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c  /tini" | sha256sum -c -
`,
      `FROM alpine:3.20
ADD https://github.com/moby/buildkit.git#v0.16.0 /src
`,
    ],
    seeAlso: [
      "https://github.com/Checkmarx/kics/tree/master/assets/queries/dockerfile/curl_or_wget_instead_of_add",
      "https://docs.docker.com/reference/dockerfile/#add---checksum",
    ],
  },
  messages: {
    unverified: (url: string) =>
      `'${url}' is downloaded without a checksum; add --checksum=sha256:… so that a changed file fails the build.`,
    unverifiedDefault: (word: string, url: string) =>
      `'${word}' downloads '${url}' (its default value) without a checksum; add --checksum=sha256:… so that a changed file fails the build.`,
  },
  state: (): Map<Stage, Verifier[]> => new Map(),
  visitor: {
    Add(node: Add, ctx) {
      if (flagNamed(node, "checksum") !== undefined) return;
      // A source written with a variable (`ADD ${URL} /tmp/`) downloads what its value names, the ARG's default
      // unless the build overrides it; a URL with a variable the file does not set is still a URL.
      const url = (text: string) =>
        ctx.semantic.valueBefore(node, text, { argDefaults: true }) ?? unquote(text);
      const remote = node.sources
        .map((word) => ({ word, url: url(word.value) }))
        .filter((s) => remoteFile(s.url));
      if (remote.length === 0) return;
      const stage = ctx.currentStage();
      let checks: Verifier[] = [];
      if (stage) {
        checks = ctx.state.get(stage) ?? verifyingRuns(stage, ctx);
        ctx.state.set(stage, checks);
      }
      const after = node.range.end.offset;
      const destination = node.destination?.value ?? "";
      for (const { word: source, url } of remote) {
        const file =
          url
            .replace(/[?#].*$/, "")
            .split("/")
            .pop() ?? "";
        // A later RUN may name the file relative to the WORKDIR (`cosign verify-blob … python.tar.xz`): the
        // destination's own file name counts when it is one (`python.tar.xz`, not a bare `app`).
        const ownName = /\/[^/]+\.[^/]+$/.exec(destination)?.[0].slice(1) ?? "";
        const names = [destination.replace(/\/+$/, ""), file, ownName].filter(
          (n) => n !== "" && n !== "." && n !== "/",
        );
        if (checkedLater(checks, after, names)) continue;
        // A URL as written is named as written; a variable that holds one is named with the URL it holds.
        const written = unquote(source.value);
        if (remoteFile(written)) ctx.report(source, "unverified", written);
        else ctx.report(source, "unverifiedDefault", written, url);
      }
    },
  },
});
