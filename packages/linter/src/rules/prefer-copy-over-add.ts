import { sourceKind } from "@hull/parser";
import { defineRule } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

/** Archive extensions ADD unpacks. */
const ARCHIVE = /\.(?:tar|tar\.(?:gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz|lzma|Z)$/i;

export default defineRule({
  id: "prefer-copy-over-add",
  title: "Use COPY instead of ADD for files and folders",
  severity: "error",
  fixable: "unsafe",
  aliases: {
    hadolint: "DL3020",
    trivy: "DS-0005",
    checkov: "CKV_DOCKER_4",
    kics: "9513a694-aa0d-41d8-be61-3271e056f36b",
  },
  docs: {
    rationale:
      "`ADD` does more than copy: it downloads URLs and unpacks local archives, so `ADD src /app` reads as if something special happens and will unpack a file that merely looks like an archive. " +
      "For plain files and folders, `COPY` says what it does. " +
      "Keep `ADD` for URLs, git repositories and archives you want unpacked.",
    limitations:
      "Checkov's CKV_DOCKER_4 reports every `ADD`; this rule accepts an `ADD` that does what `COPY` cannot (a URL, a git repository, a local archive to unpack, a `--checksum`), and `no-unverified-remote-add`, which answers to CKV_DOCKER_4 too, reports a download nobody checks. " +
      "A `# checkov:skip=CKV_DOCKER_4` comment written for Checkov silences both.",
    bad: [
      `FROM alpine:3.20
ADD app.py /app/
`,
    ],
    good: [
      `FROM alpine:3.20
COPY app.py /app/
`,
      `FROM alpine:3.20
ADD rootfs.tar.xz /
`,
      `FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool /usr/local/bin/tool
`,
    ],
  },
  messages: {
    add: () => "ADD is used for plain files; use COPY, which only copies.",
  },
  visitor: {
    Add(node, ctx) {
      if (node.heredocs.length > 0 || node.sources.length === 0) return;
      if (node.flags.some((f) => ["checksum", "keep-git-dir", "unpack"].includes(f.name))) return;
      const plain = node.sources.every((s) => {
        // BuildKit removes the quotes of a shell-form source (`ADD "app.tgz" /srv/`).
        const v = unquote(s.value);
        return (
          !v.includes("$") &&
          sourceKind(v) === "local" &&
          // What only looks remote (`ftp://`, `s3://`) is a path to BuildKit and fails the build; COPY would too.
          !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) &&
          !ARCHIVE.test(v) &&
          !/[*?[]/.test(v)
        );
      });
      if (!plain) return;
      const text = node.keyword.text === node.keyword.text.toLowerCase() ? "copy" : "COPY";
      ctx.report({ at: node.keyword, fix: { range: node.keyword.range, text } }, "add");
    },
  },
});
