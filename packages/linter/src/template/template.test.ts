import { describe, expect, it } from "vitest";
import { lint } from "../engine.js";
import { maskTemplate, templateMarkup } from "./template.js";

const mask = (source: string) => maskTemplate(source, templateMarkup(source));

describe("maskTemplate", () => {
  it.each([
    ["control lines become comments", "{{ if .a }}\nFROM a\n{{ end }}\n", "#          \nFROM a\n#        \n"],
    ["inline markup becomes a variable", "FROM debian:{{ .v }}-slim\n", "FROM debian:${_____}-slim\n"],
    ["an output line keeps its place as a value", "RUN a; \\\n\t{{ clean }}\n", "RUN a; \\\n\t${________}\n"],
    [
      "a control block over several lines",
      "{{\n  def x: 1;\n-}}\nFROM a\n",
      "# \n  #        \n#  \nFROM a\n",
    ],
    [
      "jinja statements",
      "{% for p in ps %}\nRUN x\n{% endfor %}\n",
      "#                \nRUN x\n#           \n",
    ],
    ["erb output inline", "FROM <%= base %>\n", "FROM ${________}\n"],
    [
      "a dev container template option",
      "FROM node:0-${templateOption:imageVariant}\n",
      "FROM node:0-${___________________________}\n",
    ],
    ["a placeholder of the official images", "FROM debian:%%SUITE%%-slim\n", "FROM debian:${______}-slim\n"],
    ["adjacent placeholders", "FROM php:%%A%%%%BB%%\n", "FROM php:${__}${___}\n"],
    [
      "a placeholder that ends a line above a continuation renders to continued lines",
      'FROM a:%%TAG%%\nRUN x="%%PACKAGES%%\n    " \\\n    && y\n',
      'FROM a:${____}\nRUN x="${________}\\\n    " \\\n    && y\n',
    ],
    [
      "a placeholder that ends a line above an instruction stays a value",
      "FROM a\nENV V %%VERSION%%\n\n# next\nENV W 1\n",
      "FROM a\nENV V ${________}\n\n# next\nENV W 1\n",
    ],
    [
      "a placeholder in a heredoc, or on the line that opens one, stays a value",
      "FROM a:%%TAG%%\nRUN cat <<EOF > %%FILE%%\necho %%X%%\ndone\nEOF\n",
      "FROM a:${____}\nRUN cat <<EOF > ${_____}\necho ${__}\ndone\nEOF\n",
    ],
    [
      "with the file's escape character",
      '# escape=`\nFROM a:%%TAG%%\nRUN x="%%P%%\n  " `\n  && y\n',
      '# escape=`\nFROM a:${____}\nRUN x="${_}`\n  " `\n  && y\n',
    ],
    [
      "not a template: the shell's suffix removal",
      'FROM a\nRUN v="${x%%.*}"; w="${y%%-*}"\n',
      'FROM a\nRUN v="${x%%.*}"; w="${y%%-*}"\n',
    ],
    [
      "not a template: a placeholder a RUN replaces",
      "FROM a\nRUN sed -i 's/%%PORT%%/80/' /etc/app.conf\n",
      "FROM a\nRUN sed -i 's/%%PORT%%/80/' /etc/app.conf\n",
    ],
    [
      "not a template: unchanged",
      "FROM a\nRUN docker inspect -f '{{.Id}}' b\n",
      "FROM a\nRUN docker inspect -f '{{.Id}}' b\n",
    ],
  ])("%s", (_name, source, expected) => {
    const masked = mask(source);
    expect(masked).toBe(expected);
    expect(masked.length).toBe(source.length);
  });
});

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

  it("reads an official image's template: placeholders are values, a multi-line one continues its RUN", () => {
    const nginxLike = [
      "FROM debian:%%DEBIAN_VERSION%%-slim",
      "ENV NGINX_VERSION %%NGINX_VERSION%%",
      "RUN set -x \\",
      '    && nginxPackages="%%PACKAGES%%',
      '    " \\',
      "    && apt-get install -y $nginxPackages \\",
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
    // The lines below the placeholder are still the RUN's: its apt-get is read.
    expect(ids).toContain("no-apt-install-recommends");
  });

  it("takes a FROM for a stage whose name is written with markup", () => {
    const rails = [
      "FROM ruby:3.3-slim<% unless defer %> AS base<% end %>",
      "FROM base AS <%= parallel ? 'pre' : '' %>build",
      "FROM prebuild AS node",
      "FROM nginx",
      "",
    ].join("\n");
    const untagged = lint(rails, { preset: "all" })
      .diagnostics.filter((d) => d.ruleId === "no-untagged-image")
      .map((d) => rails.slice(d.range.start.offset, d.range.end.offset));
    // `base` and `prebuild` may be the stages above once rendered; `nginx` is no stage's name.
    expect(untagged).toEqual(["nginx"]);
  });

  it("keeps offsets: findings point at the original text", () => {
    const result = lint(redmineLike, { preset: "all" });
    const pin = result.diagnostics.find((d) => d.ruleId === "pin-apk-versions")!;
    expect(redmineLike.slice(pin.range.start.offset, pin.range.end.offset)).toBe("curl");
  });
});
