import { describe, expect, it } from "vitest";
import { sourceKind, type SourceKind } from "../src/semantics/sources.js";

// source | what BuildKit's COPY/ADD dispatch reads it as
const table: [string, SourceKind][] = [
  ["https://example.com/tool.tgz", "url"],
  ["http://example.com/a/b?x=1#frag", "url"],
  ["https://github.com/moby/buildkit.git", "git"],
  ["https://github.com/moby/buildkit.git#v0.13.0", "git"],
  ["https://github.com/moby/buildkit.git#main:docs", "git"],
  ["https://example.com/repo.git?ref=v1", "git"],
  ["http://example.com/repo.git", "git"],
  // The path must end in .git: a trailing slash or a file inside makes it a download.
  ["https://example.com/repo.git/", "url"],
  ["https://example.com/repo.git/archive.tgz", "url"],
  ["https://example.com/files.github", "url"],
  // The host is not the path.
  ["https://host.git", "url"],
  ["git://example.com/repo", "git"],
  ["GIT://example.com/repo", "git"],
  ["ssh://git@example.com/repo", "git"],
  ["git@github.com:moby/buildkit.git", "git"],
  ["deploy@git.example.com:team/app#v2", "git"],
  // The scheme is read in any case for git, but BuildKit downloads only a lower-case http(s) prefix.
  ["HTTPS://example.com/repo.git", "git"],
  ["HTTPS://example.com/tool.tgz", "local"],
  ["ftp://example.com/file", "local"],
  ["s3://bucket/key", "local"],
  ["github.com/moby/buildkit", "local"],
  ["./git@host:path", "local"],
  ["../repo.git", "local"],
  ["repo.git", "local"],
  ["app.tar.gz", "local"],
  ["user@host", "local"],
  ["/abs/path", "local"],
  [".", "local"],
  ["", "local"],
];

describe("sourceKind", () => {
  it.each(table)("%s is %s", (source, kind) => {
    expect(sourceKind(source)).toBe(kind);
  });
});
