import { describe, expect, it } from "vitest";
import { lint } from "./engine.js";
import { defineRule, type MarkupReach } from "./rule.js";

describe("linting a template", () => {
  const redmineLike = [
    "{{ if is_alpine then ( -}}",
    "FROM ruby:{{ .ruby.version }}-alpine",
    "{{ ) else ( -}}",
    "FROM ruby:{{ .ruby.version }}-slim",
    "{{ ) end -}}",
    "RUN set -eux; \\",
    "{{ if is_alpine then ( -}}",
    "\tapk add --no-cache curl \\",
    "{{ ) else ( -}}",
    "\tapt-get install -y {{ .packages }} \\",
    "{{ ) end -}}",
    "\t; true",
    "USER root",
    "",
  ].join("\n");

  it("reports the template once, no syntax errors, and nothing inside the markup", () => {
    const result = lint(redmineLike, { preset: "all" });
    const ids = result.diagnostics.map((d) => d.ruleId);
    expect(ids.filter((id) => id === "template-syntax")).toHaveLength(1);
    expect(ids).not.toContain("syntax-error");
    expect(ids).not.toContain("undefined-arg-in-from");
    expect(ids).not.toContain("invalid-default-arg-in-from");
    // Rules still read what lies outside the markup.
    expect(ids).toContain("pin-apk-versions");
    expect(ids).toContain("no-root-user");
  });

  it("gave one syntax error per markup line before masking (the problem this fixes)", () => {
    const unmasked = lint(redmineLike.replaceAll("{{", "{ {"), { preset: "all" });
    expect(unmasked.diagnostics.filter((d) => d.ruleId === "syntax-error").length).toBeGreaterThan(3);
  });

  it("leaves names to the rendered file when branches or includes may define them", () => {
    const branches = [
      "ARG A=1",
      "{{ if .alpine }}",
      "FROM alpine:3.20 AS build",
      "{{ else }}",
      "FROM debian:12 AS build",
      "ARG NODE_VERSION={{ .node }}",
      "{{ end }}",
      "FROM node:${NODE_VERSION}",
      "COPY --from=client /out /srv",
      "",
    ].join("\n");
    const ids = lint(branches, { preset: "all" }).diagnostics.map((d) => d.ruleId);
    for (const id of ["no-duplicate-stage-name", "undefined-arg-in-from", "copy-from-undefined-stage"])
      expect(ids).not.toContain(id);
    const defaults = "ARG VARIANT=${templateOption:imageVariant}\nFROM debian:${VARIANT}\n";
    expect(lint(defaults, { preset: "all" }).diagnostics.map((d) => d.ruleId)).not.toContain(
      "invalid-default-arg-in-from",
    );
    // Inline markup alone hides nothing: the file's names are all there.
    const inline = "FROM alpine:{{ .v }} AS build\nFROM debian:12 AS build\n";
    expect(lint(inline, { preset: "all" }).diagnostics.map((d) => d.ruleId)).toContain(
      "no-duplicate-stage-name",
    );
  });

  it("does not count the commands of a RUN whose markup is not rendered", () => {
    const macros = "FROM debian:12\nRUN apt-get update\nRUN set -x \\\n  {{ provision.bootstrap() }}\n";
    expect(lint(macros, { preset: "all" }).diagnostics.map((d) => d.ruleId)).not.toContain(
      "no-consecutive-run",
    );
    const plain = "FROM debian:12\nRUN apt-get update\nRUN set -x\nLABEL v={{ .v }}\n";
    expect(lint(plain, { preset: "all" }).diagnostics.map((d) => d.ruleId)).toContain("no-consecutive-run");
  });

  it("leaves a package cache unreported when markup later in the RUN may clean it", () => {
    const ids = (text: string) => lint(text, { preset: "all" }).diagnostics.map((d) => d.ruleId);
    // The official images' templates: the cleanup is a macro at the end of the RUN.
    const cleaned = `FROM debian:12
RUN set -eux; \\
	apt-get update; \\
	apt-get install -y --no-install-recommends ca-certificates; \\
	{{ clean_apt }}
`;
    expect(ids(cleaned)).not.toContain("no-leftover-apt-lists");
    // Markup before the command cannot clean up after it.
    const before = `FROM debian:{{ .v }}
RUN echo {{ .greeting }} && apt-get update && apt-get install -y --no-install-recommends curl
`;
    expect(ids(before)).toContain("no-leftover-apt-lists");
    // Nor can markup in another instruction.
    const elsewhere = `FROM alpine:{{ .v }}
RUN pip install --no-cache-dir requests==2.32.3 && apk add --no-cache curl=8.9.1-r0 && apk add curl=8.9.1-r0
LABEL v={{ .v }}
`;
    expect(ids(elsewhere)).toContain("no-leftover-apk-cache");
  });

  it("reads an official image's template: placeholders are values, a multi-line one continues its RUN", () => {
    const nginxLike = [
      "FROM debian:%%DEBIAN_VERSION%%-slim",
      "ENV NGINX_VERSION %%NGINX_VERSION%%",
      "RUN set -x \\",
      '    && nginxPackages="%%PACKAGES%%',
      '    " \\',
      "    && apt-get install $nginxPackages \\",
      "    && rm -rf /var/lib/apt/lists/*",
      "%%VARIANT_EXTRAS%%",
      "FROM %%UPSTREAM_IMAGE_DIGEST%%",
      "USER 1000",
      "",
    ].join("\n");
    const ids = lint(nginxLike, { preset: "all" }).diagnostics.map((d) => d.ruleId);
    expect(ids.filter((id) => id === "template-syntax")).toHaveLength(1);
    for (const id of ["syntax-error", "no-untagged-image", "no-implicit-root-user"])
      expect(ids).not.toContain(id);
    // The lines below the placeholder are still the RUN's: its apt-get is read (here without -y).
    expect(ids).toContain("apt-get-non-interactive");
  });

  it("takes a FROM for a stage whose name is written with markup", () => {
    // The images no-untagged-image reports, as written.
    const untagged = (lines: string[]) => {
      const text = lines.join("\n");
      return lint(text, { preset: "all" })
        .diagnostics.filter((d) => d.ruleId === "no-untagged-image")
        .map((d) => text.slice(d.range.start.offset, d.range.end.offset));
    };
    const rails = [
      "FROM ruby:3.3-slim<% unless defer %> AS base<% end %>",
      "FROM base AS <%= parallel ? 'pre' : '' %>build",
      "FROM prebuild AS node",
      "FROM nginx",
      "",
    ];
    // `base` and `prebuild` may be the stages above once rendered; `nginx` is no stage's name.
    expect(untagged(rails)).toEqual(["nginx"]);
    const branches = [
      "FROM node:22 AS <% if (distroless) { -%>build<% } else { %>base<% } %>",
      "FROM base",
      "FROM nginx",
      "",
    ];
    expect(untagged(branches)).toEqual(["nginx"]);
  });

  it("keeps offsets: findings point at the original text", () => {
    const result = lint(redmineLike, { preset: "all" });
    const pin = result.diagnostics.find((d) => d.ruleId === "pin-apk-versions")!;
    expect(redmineLike.slice(pin.range.start.offset, pin.range.end.offset)).toBe("curl");
  });
  it("drops a finding where its rule's markupReach says markup may change it", () => {
    // A rule that reports the keyword of every USER, declaring one reach or none.
    const userRule = (markupReach?: MarkupReach) =>
      defineRule({
        id: "every-user",
        title: "Report every USER",
        severity: "info",
        fixable: false,
        ...(markupReach ? { markupReach } : {}),
        docs: { rationale: "Test.", bad: [], good: [] },
        messages: { user: () => "A USER." },
        visitor: { User: (node, ctx) => ctx.report(node.keyword, "user") },
      });
    const reported = (text: string, reach?: MarkupReach) =>
      lint(text, { registry: [userRule(reach)], preset: "all" }).diagnostics.length;
    const markupAfter = "FROM alpine:3.20\nUSER app {{ .suffix }}\n";
    const markupElsewhere = "FROM alpine:{{ .v }}\nUSER app\n";
    const branch = "FROM alpine:3.20\n{{ if .x }}\nRUN true\n{{ end }}\nUSER app\n";
    const preamble = "{{ .from }}\nUSER app\n";
    expect([markupAfter, markupElsewhere, branch].map((t) => reported(t))).toEqual([1, 1, 1]);
    expect(reported(markupAfter, "rest-of-instruction")).toBe(0);
    expect(reported(markupElsewhere, "rest-of-instruction")).toBe(1);
    expect(reported(markupElsewhere, "any")).toBe(0);
    expect(reported(branch, "control-lines")).toBe(0);
    expect(reported(markupElsewhere, "control-lines")).toBe(1);
    expect(reported("FROM alpine:3.20\nLABEL v={{ .v }}\nUSER app\n", "instruction-and-previous")).toBe(0);
    expect(reported(branch, "instruction-and-previous")).toBe(1);
    expect(reported(preamble, "before-first-from")).toBe(0);
    expect(reported(markupElsewhere, "before-first-from")).toBe(1);
  });
});
