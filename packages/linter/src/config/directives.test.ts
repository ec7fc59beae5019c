import { describe, expect, it } from "vitest";
import { parseIgnoreComment } from "./directives.js";

describe("parseIgnoreComment", () => {
  // Blanks between `#` and the word are whatever `\s` matches (a tab, a no-break space, an ideographic space); hull,
  // hadolint and BuildKit directives in any case.
  it.each([
    ["#hadolint ignore=DL3008", "hadolint"],
    ["#\thadolint ignore=DL3008", "hadolint"],
    ["# \u00a0HADOLINT global ignore=DL3008", "hadolint"],
    ["#\u3000hull ignore=no-latest-tag", "hull"],
    ["   # Hull stage ignore=no-latest-tag", "hull"],
    ["#trivy:ignore:DS002", "trivy"],
    ["# checkov:skip=CKV_DOCKER_3:reason", "checkov"],
    ["# kics-scan ignore", "kics"],
    ["#\u2003nosemgrep", "semgrep"],
    ["# CHECK=skip=JSONArgsRecommended", "buildkit"],
  ])("reads %j as a %s directive", (text, source) => {
    expect(parseIgnoreComment(text)?.source).toBe(source);
  });

  it.each([
    "# Install the hadolint binary",
    "# hadolint is not a directive without ignore=",
    "# checkout the sources",
    "#",
    "",
    "hadolint ignore=DL3008",
    "# \u00a0",
  ])("reads %j as prose", (text) => {
    expect(parseIgnoreComment(text)).toBeNull();
  });
});
