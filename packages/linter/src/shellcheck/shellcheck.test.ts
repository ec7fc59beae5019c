import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, semanticModel, semanticWork } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { lint, type RuleSetting } from "../engine.js";
import { shellcheckScripts, type ShellcheckRequest, type ShellcheckRunner } from "./shellcheck.js";

/** The script texts ShellCheck would be given, without the proxy names every export line declares. */
function scripts(code: string): string[] {
  return shellcheckScripts(semanticModel(parse(code).ast)).map((s) =>
    s.text.replace(/ (?:[A-Z]+_PROXY|[a-z]+_proxy)=1/g, ""),
  );
}

describe("shellcheckScripts", () => {
  it.each([
    ["shell form, default sh", "FROM in-house/base:1\nRUN echo hi\n", ["#!/bin/sh\nexport\necho hi"]],
    [
      "continuations are joined as BuildKit joins them",
      "FROM in-house/base:1\nRUN a && \\\n  # note\n  b\n",
      ["#!/bin/sh\nexport\na &&   b"],
    ],
    [
      "ARG and ENV names of the stage are declared",
      "FROM in-house/base:1\nARG V=1\nENV HOME_DIR=/x B=2\nRUN echo $V\n",
      ["#!/bin/sh\nexport B=1 HOME_DIR=1 V=1\necho $V"],
    ],
    [
      "the SHELL's dialect",
      'FROM alpine:3\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ a ]]\n',
      ["#!/bin/bash\nexport\n[[ a ]]"],
    ],
    ["PowerShell is skipped", 'FROM alpine:3\nSHELL ["pwsh", "-c"]\nRUN echo $x\n', []],
    ["cmd is skipped", 'FROM alpine:3\nSHELL ["cmd", "/S", "/C"]\nRUN echo %x%\n', []],
    ["zsh (no ShellCheck dialect) is skipped", 'FROM alpine:3\nSHELL ["/bin/zsh", "-c"]\nRUN echo\n', []],
    [
      "a Windows base image (default shell cmd) is skipped",
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n",
      [],
    ],
    [
      "a base image hadolint's pragma says runs PowerShell is skipped",
      "FROM in-house/tools\n# hadolint shell=powershell\nRUN Copy-Item a $env:B\n",
      [],
    ],
    [
      "hadolint's pragma gives the dialect",
      "# hadolint shell=bash\nFROM in-house/tools\nRUN [[ a ]]\n",
      ["#!/bin/bash\nexport\n[[ a ]]"],
    ],
    [
      "/bin/sh is bash on a CentOS image, and on the stages built from it",
      "FROM centos:7 AS base\nFROM base\nRUN cp /a/{b,c} /d\n",
      ["#!/bin/bash\nexport\ncp /a/{b,c} /d"],
    ],
    [
      "a stage built FROM scratch runs whatever /bin/sh a COPY put there: read as bash",
      "FROM alpine:3 AS rootfs\nFROM scratch AS arch\nCOPY --from=rootfs /root-out/ /\nRUN mkdir -p /x/{a,b}\n",
      ["#!/bin/bash\nexport\nmkdir -p /x/{a,b}"],
    ],
    [
      "/bin/sh is dash on Debian",
      "FROM debian:12\nRUN cp /a/{b,c} /d\n",
      ["#!/bin/dash\nexport\ncp /a/{b,c} /d"],
    ],
    [
      "an image whose name does not say stays sh",
      "FROM in-house/base:1\nRUN cp /a/{b,c} /d\n",
      ["#!/bin/sh\nexport\ncp /a/{b,c} /d"],
    ],
    [
      "/bin/sh is BusyBox on Alpine and its variants, named by a directive",
      "FROM alpine:3.20\nRUN echo a\nFROM node:22-alpine\nRUN echo b\n",
      [
        "#!/bin/sh\n# shellcheck shell=busybox\nexport\necho a",
        "#!/bin/sh\n# shellcheck shell=busybox\nexport\necho b",
      ],
    ],
    [
      "a bash SHELL on Alpine is bash",
      'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN [[ a ]]\n',
      ["#!/bin/bash\nexport\n[[ a ]]"],
    ],
    [
      "a SHELL that names another shell keeps it",
      'FROM fedora:40\nSHELL ["/bin/dash", "-c"]\nRUN echo\n',
      ["#!/bin/dash\nexport\necho"],
    ],
    ["exec form is not a script", 'FROM alpine:3\nRUN ["echo", "$x"]\n', []],
    [
      "a whole heredoc is the script",
      "FROM in-house/base:1\nRUN <<EOF\necho a\necho b\nEOF\n",
      ["#!/bin/sh\nexport\necho a\necho b\n"],
    ],
    [
      "a heredoc fed to bash is a bash script",
      "FROM alpine:3\nRUN bash -e <<EOF\n[[ a ]]\nEOF\n",
      ["#!/bin/bash\nexport\n[[ a ]]\n"],
    ],
    [
      "the heredoc's own #! line picks the dialect",
      "FROM alpine:3\nRUN <<EOF\n#!/usr/bin/env bash\n[[ a ]]\nEOF\n",
      ["#!/bin/bash\nexport\n[[ a ]]\n"],
    ],
    ["a heredoc for python is skipped", "FROM alpine:3\nRUN <<EOF\n#!/usr/bin/python3\nprint(1)\nEOF\n", []],
    [
      "a heredoc that is data follows the command with its terminator",
      "FROM in-house/base:1\nRUN cat <<EOF > /f\nx=$y\nEOF\n",
      ["#!/bin/sh\nexport\ncat <<EOF > /f\nx=$y\nEOF"],
    ],
    [
      "a stage built on an earlier one keeps its SHELL and names",
      'FROM alpine:3 AS base\nSHELL ["/bin/bash", "-c"]\nENV A=1\nFROM base\nRUN echo $A\nFROM in-house/base:1\nRUN echo $A\n',
      ["#!/bin/bash\nexport A=1\necho $A", "#!/bin/sh\nexport\necho $A"],
    ],
    ["ONBUILD RUN is checked", "FROM in-house/base:1\nONBUILD RUN echo hi\n", ["#!/bin/sh\nexport\necho hi"]],
  ])("%s", (_name, code, expected) => {
    expect(scripts(code)).toEqual(expected);
  });
});

/** A fake ShellCheck: one finding per `$word` in each script, so positions can be checked against the source. */
function fakeRunner(calls: ShellcheckRequest[], level = "info"): ShellcheckRunner {
  return (request) => {
    calls.push(request);
    const files = request.scripts.map((_, i) => `${i}.sh`);
    const comments = request.scripts.flatMap((text, i) =>
      text.split("\n").flatMap((line, l) =>
        [...line.matchAll(/\$[a-z]+/g)].map((m) => ({
          file: files[i],
          line: l + 1,
          endLine: l + 1,
          column: m.index + 1,
          endColumn: m.index + 1 + m[0].length,
          level,
          code: 2086,
          message: `quote ${m[0]}`,
        })),
      ),
    );
    return { files, stdout: JSON.stringify({ comments }) };
  };
}

/** The `[start, end)` source offsets of every `$word` in the Dockerfile text outside ARG/ENV/FROM lines. */
function expectedSpans(code: string): [number, number][] {
  return [...code.matchAll(/\$[a-z]+/g)].map((m) => [m.index, m.index + m[0].length]);
}

describe("ShellCheck findings in lint", () => {
  it.each([
    ["one line", "FROM alpine:3\nRUN echo $a $b\n"],
    ["across continuations and a comment line", "FROM alpine:3\nRUN echo $a && \\\n# c\n    echo \\\n $bb\n"],
    ["in a whole heredoc", "FROM alpine:3\nRUN <<EOF\necho $a\n\techo $b\nEOF\n"],
    ["in a heredoc after its #! line", "FROM alpine:3\nRUN <<EOF\n#!/bin/bash -e\necho $a\nEOF\n"],
    ["in a data heredoc", "FROM alpine:3\nRUN cat <<EOF >f && echo $a\nx $b\nEOF\n"],
    ["with the backtick escape", "# escape=`\nFROM alpine:3\nRUN echo $a `\n  $b\n"],
    ["in ONBUILD", "FROM alpine:3\nONBUILD RUN echo $a\n"],
  ])("maps each finding to its exact range: %s", (_name, code) => {
    const calls: ShellcheckRequest[] = [];
    const result = lint(code, { shellcheck: fakeRunner(calls), rules: { "syntax-error": "off" } });
    const found = result.diagnostics
      .filter((d) => d.ruleId === "shellcheck/SC2086")
      .map((d) => [d.range.start.offset, d.range.end.offset]);
    expect(found).toEqual(expectedSpans(code));
    expect(result.diagnostics.find((d) => d.ruleId === "shellcheck/SC2086")?.severity).toBe("info");
  });

  it("runs ShellCheck once per file, with hadolint's exclusions", () => {
    const calls: ShellcheckRequest[] = [];
    lint("FROM alpine:3\nRUN echo $a\nRUN echo $b\nRUN <<EOF\necho $c\nEOF\n", {
      shellcheck: fakeRunner(calls),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.scripts).toHaveLength(3);
    expect(calls[0]!.args).toEqual(["--format=json1", "--exclude=SC1090,SC1091,SC1103,SC2187"]);
  });

  it("reads the scripts through lint's semantic model, not a second one", () => {
    const calls: ShellcheckRequest[] = [];
    const code = 'FROM alpine:3 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo $a\n';
    const before = semanticWork.models;
    lint(code, { shellcheck: fakeRunner(calls) });
    expect(semanticWork.models - before).toBe(1);
    // The SHELL of the base stage, found through the model's stage graph, picks the dialect.
    expect(calls[0]!.scripts[0]).toMatch(/^#!\/bin\/bash\n/);
  });

  it("does not run ShellCheck when there is no shell script", () => {
    const calls: ShellcheckRequest[] = [];
    lint('FROM alpine:3\nRUN ["true"]\n', { shellcheck: fakeRunner(calls) });
    expect(calls).toHaveLength(0);
  });

  it.each<[string, string, Record<string, RuleSetting>, string[]]>([
    ["default: ShellCheck's level", "FROM alpine:3\nRUN echo $a\n", {}, ["info"]],
    ["a severity per code", "FROM alpine:3\nRUN echo $a\n", { SC2086: "error" }, ["error"]],
    ["the shellcheck/ form", "FROM alpine:3\nRUN echo $a\n", { "shellcheck/SC2086": "warning" }, ["warning"]],
    ["off per code", "FROM alpine:3\nRUN echo $a\n", { SC2086: "off" }, []],
    ["off for every code", "FROM alpine:3\nRUN echo $a\n", { shellcheck: "off" }, []],
    ["later keys win", "FROM alpine:3\nRUN echo $a\n", { shellcheck: "off", SC2086: "style" }, ["style"]],
    [
      "# hadolint ignore=SC2086",
      "FROM alpine:3\n# hadolint ignore=SC2086\nRUN echo $a\nRUN echo $b\n",
      {},
      ["info"],
    ],
    [
      "# hull ignore=shellcheck/SC2086",
      "FROM alpine:3\n# hull ignore=shellcheck/SC2086\nRUN echo $a\n",
      {},
      [],
    ],
    ["# hull global ignore=SC2086", "# hull global ignore=SC2086\nFROM alpine:3\nRUN echo $a\n", {}, []],
    ["another code's ignore", "FROM alpine:3\n# hadolint ignore=SC2046\nRUN echo $a\n", {}, ["info"]],
  ])("config and ignores: %s", (_name, code, rules, severities) => {
    const result = lint(code, { shellcheck: fakeRunner([]), rules });
    const found = result.diagnostics.filter((d) => d.ruleId.startsWith("shellcheck/"));
    expect(found.map((d) => d.severity)).toEqual(severities);
    expect(result.diagnostics.filter((d) => d.ruleId === "unknown-ignore-id")).toEqual([]);
  });

  it("treats a failing or garbled runner as absent", () => {
    const code = "FROM alpine:3\nRUN echo $a\n";
    expect(lint(code, { shellcheck: () => null }).diagnostics).toEqual(lint(code).diagnostics);
    const garbled = lint(code, { shellcheck: () => ({ files: ["0.sh"], stdout: "not json" }) });
    expect(garbled.diagnostics).toEqual(lint(code).diagnostics);
    for (const stdout of ["null", '{"comments":5}', '{"comments":[null,7]}']) {
      const odd = lint(code, { shellcheck: () => ({ files: ["0.sh"], stdout }) });
      expect(odd.diagnostics).toEqual(lint(code).diagnostics);
    }
    const throwing = lint(code, {
      shellcheck: () => {
        throw new Error("spawn failed");
      },
    });
    expect(throwing.diagnostics).toEqual(lint(code).diagnostics);
  });
});

const shellcheckFound = spawnSync("shellcheck", ["--version"]).status === 0;

/** Runs the real ShellCheck the way the CLI does: one temporary file per script, one process. */
const realRunner: ShellcheckRunner = (request) => {
  const dir = mkdtempSync(join(tmpdir(), "hull-shellcheck-test-"));
  try {
    const files = request.scripts.map((_, i) => `${i}.sh`);
    request.scripts.forEach((text, i) => writeFileSync(join(dir, files[i]!), text));
    const result = spawnSync("shellcheck", [...request.args, ...files], { cwd: dir, encoding: "utf8" });
    return { files, stdout: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe.skipIf(!shellcheckFound)("with the real ShellCheck", () => {
  if (!shellcheckFound) console.warn("shellcheck is not on PATH: the real-ShellCheck tests are skipped");

  const findings = (code: string) =>
    lint(code, { shellcheck: realRunner, preset: "all" })
      .diagnostics.filter((d) => d.ruleId.startsWith("shellcheck/"))
      .map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column}`);

  it.each([
    [
      "an unquoted variable",
      "FROM alpine:3\nRUN echo $foo\n",
      ["shellcheck/SC2154 2:10-14", "shellcheck/SC2086 2:10-14"],
    ],
    [
      "declared ARG and ENV names are assigned",
      'FROM alpine:3\nARG foo\nENV bar=1\nRUN echo "$foo$bar"\n',
      [],
    ],
    [
      "sourced files are not followed (SC1091 excluded)",
      'FROM alpine:3\nRUN . /etc/os-release && echo "$ID"\n',
      [],
    ],
    [
      "a finding on a continuation line",
      "FROM alpine:3\nRUN true && \\\n    echo $x\n",
      ["shellcheck/SC2154 3:10-12", "shellcheck/SC2086 3:10-12"],
    ],
    ["bash syntax under sh", 'FROM in-house/base:1\nRUN [[ -n "$HOME" ]]\n', ["shellcheck/SC3010 2:5-21"]],
    [
      "what BusyBox's sh allows is no portability problem on Alpine",
      'FROM alpine:3.20\nRUN f() { local x=1; [[ "$x" = 1 ]]; } && f\n',
      [],
    ],
    [
      "a finding on Alpine is placed past the directive line",
      "FROM alpine:3.20\nRUN true && \\\n    echo $x\n",
      ["shellcheck/SC2154 3:10-12", "shellcheck/SC2086 3:10-12"],
    ],
    [
      "an image the name says nothing of, read by its package manager: apk's BusyBox ash, dnf's bash, apt-get's dash",
      `FROM example.com/base:1 AS a
RUN set -o pipefail && apk add --no-cache curl
FROM a
RUN [[ -n "$HOME" ]]
FROM example.com/rpm:1
RUN [[ -n "$HOME" ]] && dnf -y install curl
FROM example.com/deb:1
RUN apt-get update && [[ -n "$HOME" ]]
FROM example.com/other:1
RUN [[ -n "$HOME" ]]
`,
      ["shellcheck/SC3010 8:23-39", "shellcheck/SC3010 10:5-21"],
    ],
    [
      "bash syntax on a CircleCI image, whose SHELL is bash",
      'FROM cimg/base:2024.01\nRUN [[ -n "$HOME" ]]\n',
      [],
    ],
    [
      "bash syntax under a bash SHELL",
      'FROM alpine:3\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n "$HOME" ]]\n',
      [],
    ],
    ["a heredoc script", "FROM alpine:3\nRUN <<EOF\ncd /tmp\nEOF\n", ["shellcheck/SC2164 3:1-8"]],
    [
      "echo's flags: the builtin's are reported, the echo program's (called by its path) are not",
      'FROM debian:12\nRUN /bin/echo -e "a\\tb" && /usr/bin/echo -n -e x > f && echo -e y\nFROM in-house/base:1\nRUN /bin/echo -e z; echo -e z\n',
      ["shellcheck/SC3036 2:62-64", "shellcheck/SC3037 4:26-28"],
    ],
    [
      "single-quoted expansions: text written to a file or given to another user's shell is meant to stay literal",
      `FROM debian:12
RUN echo 'export PATH="$PATH:/opt/bin"' >> ~/.bashrc && printf '%s $HOME\\n' a > f
RUN echo '$x' | tee -a /etc/profile && runuser -l u -c 'echo $PATH' && su u -c 'id $USER'
RUN echo '$HOME' && echo '$HOME' 2>/dev/null | grep x && echo 'a$b' >&2 && echo '$1' >/dev/null
RUN test -z "$(printf '%s' '$a' > /f)" && echo '$b' 2>/f && echo '$c' > "/dev/null"
RUN chrpath -r '$ORIGIN/../lib' /x.so && gcc -Wl,-rpath,'$ORIGIN' -o a a.c && echo '\${ORIGIN} $HOME'
RUN sed -i '2,5{H;d}; \${p;x;s/^\\n//}' /etc/a.conf && sed -ri -e 's!/var/www!\${APACHE_ROOT}!g' /etc/b.conf
`,
      [
        "shellcheck/SC2016 6:84-101",
        "shellcheck/SC2016 5:48-52",
        "shellcheck/SC2016 5:66-70",
        "shellcheck/SC2016 4:10-17",
        "shellcheck/SC2016 4:26-33",
        "shellcheck/SC2016 4:63-68",
        "shellcheck/SC2016 4:81-85",
      ],
    ],
    [
      "single-quoted expansions: a brace group's or subshell's output written to a file, not piped to a command",
      `FROM php:8
RUN { echo '[opcache]'; echo 'opcache.enable=\${OPCACHE}'; } > "$PHP_INI_DIR/conf.d/opcache.ini"
RUN ( echo 'memory_limit=\${PHP_MEMORY_LIMIT}' ) >> "$PHP_INI_DIR/conf.d/limits.ini" && { echo '\${A}'; } | tee /a
RUN { echo '$a' >&2; echo 'x'; } > f && { echo '$b' | sh; } > f && { echo '$c'; } | pecl install x
RUN (echo 'x=\${V}') | pecl install oci8 && { echo '$d'; } > /dev/null
`,
      [
        "shellcheck/SC2016 4:12-16",
        "shellcheck/SC2016 4:48-52",
        "shellcheck/SC2016 4:75-79",
        "shellcheck/SC2016 5:11-19",
        "shellcheck/SC2016 5:51-55",
      ],
    ],
    [
      "reserved words: an argument of a command is a plain word, a loop's condition missing its separator is not",
      `FROM elixir:1.17
RUN mix do deps.get, deps.compile && mix do \\
      local.hex --force, local.rebar --force
RUN if true; then mix do compile + release; fi && echo done
RUN while true do echo; do echo; done
RUN while true do echo; done
`,
      [
        "shellcheck/SC1010 5:16-16",
        "shellcheck/SC1010 6:16-16",
        "shellcheck/SC1057 6:5-10",
        "shellcheck/SC1073 6:5-5",
        "shellcheck/SC1058 6:25-25",
        "shellcheck/SC1072 6:29-29",
      ],
    ],
    [
      "template placeholders: the braces of {{.name}} are literal, a {{a,b}} or {{1..3}} is brace expansion",
      `FROM alpine:3
RUN easy-add --file {{.app}} --from https://e.com/v{{.version}}/{{.app}}_{{.version}}.tgz
RUN echo {{a,b}} {{1..3}} {x} {{}}
`,
      [
        "shellcheck/SC1083 3:10-10",
        "shellcheck/SC1083 3:16-16",
        "shellcheck/SC1083 3:18-18",
        "shellcheck/SC1083 3:25-25",
        "shellcheck/SC1083 3:27-27",
        "shellcheck/SC1083 3:29-29",
      ],
    ],
    [
      "repeated blanks: the indentation after a line continuation is not reported, blanks within a line are",
      'FROM debian:12\nRUN echo "a" \\\n      "b" > /f && echo "c"     "d" > /g\n',
      ["shellcheck/SC2291 3:19-40"],
    ],
  ])("%s", (_name, code, expected) => {
    expect(findings(code).sort()).toEqual([...expected].sort());
  });
});
