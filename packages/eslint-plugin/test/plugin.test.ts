import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, test } from "vitest";
import { rules as hullRules, ruleDocsUrl } from "@hull/linter";
import { isDockerfileName, parse } from "@hull/parser";
import hull, { DockerfileSourceCode, dockerfileGlobs, dockerfileLanguage } from "../src/index.js";

// A directory of its own, so that no `.dockerignore` or config of the repository is picked up.
const cwd = mkdtempSync(join(tmpdir(), "hull-eslint-plugin-test-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

type Config = Linter.Config;

const recommended = hull.configs.recommended as Config;
const all = hull.configs.all as Config;

/** The given `hull/*` rules only, in the plugin's language. */
function only(rules: Record<string, Linter.RuleEntry>, extra: Partial<Config> = {}): Config {
  return { ...recommended, rules, ...extra };
}

async function lintText(
  text: string,
  config: Config | Config[] = recommended,
  { filePath = "Dockerfile", fix = false }: { filePath?: string; fix?: boolean } = {},
) {
  const eslint = new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: Array.isArray(config) ? config : [config],
  });
  const [result] = await eslint.lintText(text, { filePath });
  return result!;
}

const brief = (messages: Linter.LintMessage[]) =>
  messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`);

describe("findings", () => {
  test("are reported at hull's positions, under hull/<id>, with ESLint severities", async () => {
    const text = [
      "FROM ubuntu:latest",
      "RUN apt-get update && \\",
      "    apt-get install -y --no-install-recommends curl && \\",
      "    rm -rf /var/lib/apt/lists/*",
      "",
    ].join("\n");
    const result = await lintText(text);
    expect(result.fatalErrorCount).toBe(0);
    const latest = result.messages.find((m) => m.ruleId === "hull/no-latest-tag")!;
    expect(latest).toMatchObject({ line: 1, column: 13, endLine: 1, endColumn: 19, severity: 1 });
    expect(latest.message).toBe("Image 'ubuntu:latest' uses the 'latest' tag; name a version instead.");
    expect(latest.messageId).toBe("latest");
    // A finding on a continuation line points at the word itself.
    const pin = result.messages.find((m) => m.ruleId === "hull/pin-apt-versions")!;
    expect(pin).toMatchObject({ line: 3, column: 48, endLine: 3, endColumn: 52 });
    expect(text.split("\n")[2]!.slice(47, 51)).toBe("curl");
  });

  test("positions stay right with CRLF line ends and a byte order mark", async () => {
    const result = await lintText(
      "\uFEFFFROM alpine:3.20\r\nFROM ubuntu:latest\r\n",
      only({ "hull/no-latest-tag": "warn" }),
    );
    expect(brief(result.messages)).toEqual(["2:13-2:19 hull/no-latest-tag"]);
  });

  test("each rule reports its own check, whatever else ESLint enabled", async () => {
    const text = 'FROM node:22\nCMD ["node", "server.js"]\nCMD ["node", "worker.js"]\n';
    const alone = await lintText(text, only({ "hull/no-multiple-instructions": "error" }));
    expect(brief(alone.messages)).toEqual(["2:1-2:4 hull/no-multiple-instructions"]);
    // A repeated CMD is no-multiple-instructions' finding only, also with cmd-overridden on.
    const both = await lintText(
      text,
      only({ "hull/no-multiple-instructions": "error", "hull/cmd-overridden": "warn" }),
    );
    expect(both.messages.map((m) => m.ruleId)).toEqual(["hull/no-multiple-instructions"]);
  });

  test("rules that are off do not run, and settings.hull reaches the rules", async () => {
    const text = "FROM docker.io/library/alpine:3.20\n";
    expect((await lintText(text, only({ "hull/no-untrusted-registry": "off" }))).messages).toEqual([]);
    const trusted = await lintText(
      text,
      only(
        { "hull/no-untrusted-registry": "error" },
        { settings: { hull: { trustedRegistries: ["ghcr.io"] } } },
      ),
    );
    expect(trusted.messages.map((m) => [m.ruleId, m.severity])).toEqual([["hull/no-untrusted-registry", 2]]);
  });

  test("the .dockerignore beside the Dockerfile is read", async () => {
    const dir = mkdtempSync(join(cwd, "ctx-"));
    writeFileSync(join(dir, ".dockerignore"), "*.env\n");
    const result = await lintText(
      "FROM alpine:3.20\nCOPY secrets.env /etc/app/\n",
      only({ "hull/copy-ignored-file": "error" }),
      { filePath: join(dir, "Dockerfile") },
    );
    expect(brief(result.messages)).toEqual(["2:6-2:17 hull/copy-ignored-file"]);
  });

  test("the configs' globs pick Dockerfiles and Containerfiles, nothing else", async () => {
    const text = "FROM ubuntu:latest\n";
    for (const filePath of [
      "Dockerfile",
      "docker/Dockerfile",
      "api.Dockerfile",
      "Dockerfile.dev",
      "Containerfile",
      "Containerfile.ci",
      "x.dockerfile",
    ]) {
      const result = await lintText(text, only({ "hull/no-latest-tag": "error" }), { filePath });
      expect(
        result.messages.map((m) => m.ruleId),
        filePath,
      ).toEqual(["hull/no-latest-tag"]);
    }
    const js = await lintText("FROM ubuntu:latest\n", only({ "hull/no-latest-tag": "error" }), {
      filePath: "Dockerfile.js.txt/x.js",
    });
    expect(js.messages.every((m) => m.ruleId !== "hull/no-latest-tag")).toBe(true);
    // BuildKit's per-Dockerfile ignore file matches `Dockerfile.*` but is not a Dockerfile.
    const ignoreFile = await lintText("*.env\n", recommended, { filePath: "Dockerfile.dockerignore" });
    expect(ignoreFile.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/no matching configuration/),
    ]);
  });
});

describe("parse errors", () => {
  test("are hull/syntax-error findings, and the other rules still report", async () => {
    const result = await lintText("FROM ubuntu:latest\nCOPY\nFROM alpine:3.20 AS b c\n");
    expect(result.fatalErrorCount).toBe(0);
    const syntax = result.messages.filter((m) => m.ruleId === "hull/syntax-error");
    expect(syntax[0]).toMatchObject({
      line: 2,
      column: 1,
      severity: 2,
      message: "COPY needs at least one source and a destination.",
    });
    expect(result.messages.some((m) => m.ruleId === "hull/no-latest-tag")).toBe(true);
  });

  test("can be disabled like any rule", async () => {
    const result = await lintText("FROM alpine:3.20\n# eslint-disable-next-line hull/syntax-error\nCOPY\n");
    expect(result.messages.filter((m) => m.ruleId === "hull/syntax-error")).toEqual([]);
  });

  test("binary and odd input never throws", async () => {
    for (const text of [
      "",
      "\n\n",
      "\u0000\u0001FROM",
      "FROM a\\\n",
      "RUN <<EOF\nunterminated",
      "# escape=`\nFROM a `\n",
    ]) {
      const result = await lintText(text, all);
      expect(result.fatalErrorCount, JSON.stringify(text)).toBe(0);
    }
  });
});

describe("fixes", () => {
  test("are applied by ESLint (output)", async () => {
    const text = "FROM alpine:latest as Build\nMAINTAINER me@example.com\nRUN echo hi\n";
    const config = only({
      "hull/maintainer-deprecated": "warn",
      "hull/from-as-casing": "warn",
      "hull/stage-name-casing": "warn",
      "hull/no-latest-tag": "error",
    });
    const result = await lintText(text, config, { fix: true });
    expect(result.output).toBe(
      'FROM alpine:latest AS build\nLABEL org.opencontainers.image.authors="me@example.com"\nRUN echo hi\n',
    );
    // What has no fix stays, at its position in the fixed text.
    expect(brief(result.messages)).toEqual(["1:13-1:19 hull/no-latest-tag"]);
  });

  test("are offered as ESLint fixes with offsets into the text", async () => {
    const result = await lintText(
      "FROM alpine:3.20\nEXPOSE 80/TCP\n",
      only({ "hull/expose-proto-casing": "error" }),
    );
    expect(result.messages[0]!.fix).toEqual({ range: [27, 30], text: "tcp" });
  });
});

describe("inline config", () => {
  const text =
    "FROM alpine:3.20\n# eslint-disable-next-line hull/no-latest-tag -- base image is pinned elsewhere\nFROM ubuntu:latest AS a\nFROM node:latest\n";

  test("# eslint-disable-next-line hull/<id> is honoured for the next line only", async () => {
    const result = await lintText(text, only({ "hull/no-latest-tag": "error" }));
    expect(brief(result.messages)).toEqual(["4:11-4:17 hull/no-latest-tag"]);
    expect(result.suppressedMessages).toEqual([
      expect.objectContaining({
        ruleId: "hull/no-latest-tag",
        line: 3,
        suppressions: [{ kind: "directive", justification: "base image is pinned elsewhere" }],
      }),
    ]);
  });

  test("# eslint-disable / # eslint-enable blocks, and # eslint rule settings", async () => {
    const block =
      "# eslint-disable hull/no-latest-tag\nFROM ubuntu:latest AS a\n# eslint-enable hull/no-latest-tag\nFROM node:latest\n";
    expect(brief((await lintText(block, only({ "hull/no-latest-tag": "error" }))).messages)).toEqual([
      "4:11-4:17 hull/no-latest-tag",
    ]);
    const off = "# eslint hull/no-latest-tag: off\nFROM ubuntu:latest\n";
    expect((await lintText(off, only({ "hull/no-latest-tag": "error" }))).messages).toEqual([]);
    const bad = "# eslint hull/no-latest-tag: [\nFROM ubuntu:latest\n";
    const result = await lintText(bad, only({ "hull/no-latest-tag": "error" }));
    expect(result.messages[0]).toMatchObject({ ruleId: null, line: 1, fatal: true });
  });

  test("unused and unknown directives are reported as ESLint does", async () => {
    const unused = "# eslint-disable-next-line hull/no-latest-tag\nFROM alpine:3.20\n";
    const result = await lintText(unused, only({ "hull/no-latest-tag": "error" }), {});
    expect(result.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      [null, 1, "Unused eslint-disable directive (no problems were reported from 'hull/no-latest-tag')."],
    ]);
    // ESLint replaces an unused directive comment by one space (it keeps JS tokens apart).
    const fixed = await lintText(unused, only({ "hull/no-latest-tag": "error" }), { fix: true });
    expect(fixed.output).toBe(" \nFROM alpine:3.20\n");
    const unknown = await lintText(
      "# eslint-disable-next-line hull/no-such-rule\nFROM alpine:3.20\n",
      recommended,
    );
    expect(unknown.messages[0]).toMatchObject({ ruleId: "hull/no-such-rule", line: 1 });
  });

  test("hull's own ignore comments still count, unless settings.hull.inlineIgnores is false", async () => {
    const ignored = "FROM alpine:3.20\n# hull ignore=no-latest-tag\nFROM ubuntu:latest\n";
    expect((await lintText(ignored, only({ "hull/no-latest-tag": "error" }))).messages).toEqual([]);
    const strict = only({ "hull/no-latest-tag": "error" }, { settings: { hull: { inlineIgnores: false } } });
    expect(brief((await lintText(ignored, strict)).messages)).toEqual(["3:13-3:19 hull/no-latest-tag"]);
  });
});

describe("rules and configs", () => {
  test("every hull rule is an ESLint rule hull/<id> with hull's metadata", () => {
    expect(Object.keys(hull.rules).sort()).toEqual(hullRules.map((r) => r.id).sort());
    for (const rule of hullRules) {
      const meta = hull.rules[rule.id]!.meta!;
      expect(meta.docs).toMatchObject({ description: rule.title, url: ruleDocsUrl(rule.id) });
      expect(meta.fixable).toBe(rule.fixable ? "code" : undefined);
      expect(meta.languages).toEqual(["hull/dockerfile"]);
      expect(Object.keys(meta.messages!)).toEqual(expect.arrayContaining(Object.keys(rule.messages)));
    }
  });

  test("configs.all enables every rule, configs.recommended the default ones at mapped severities", async () => {
    expect(Object.keys(all.rules!).sort()).toEqual(hullRules.map((r) => `hull/${r.id}`).sort());
    for (const rule of hullRules) {
      const severity = recommended.rules![`hull/${rule.id}`];
      if (rule.recommended === false) expect(severity).toBeUndefined();
      else expect(severity).toBe(rule.severity === "error" ? "error" : "warn");
    }
    expect(recommended).toMatchObject({ files: dockerfileGlobs, language: "hull/dockerfile" });
    // Every rule loads and validates its (empty) options in ESLint.
    const result = await lintText("FROM alpine:3.20\nUSER app\n", all);
    expect(result.fatalErrorCount).toBe(0);
    expect(result.messages.every((m) => m.ruleId?.startsWith("hull/"))).toBe(true);
  });

  test("the configs take the files hull lint takes", async () => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [recommended] });
    const names = [
      "Dockerfile",
      "Containerfile",
      "Dockerfile.dev",
      "Dockerfile-windows",
      "Containerfile.arm64",
      "Containerfile-rhel",
      "dev.Dockerfile",
      "app.dockerfile",
      "Dockerfile.dockerignore",
      "dev.Dockerfile.dockerignore",
      "Containerfile.containerignore",
      "Dockerfiles",
      "MyDockerfile",
      "README.md",
    ];
    for (const name of names) {
      const config: unknown = await eslint.calculateConfigForFile(join(cwd, "app", name));
      expect([name, config !== undefined]).toEqual([name, isDockerfileName(name)]);
    }
  });

  test("rules work when the plugin is registered under another name (meta.namespace)", async () => {
    const config: Config = {
      files: ["**/Dockerfile"],
      plugins: { docker: hull },
      language: "docker/dockerfile",
      rules: { "docker/no-latest-tag": "error" },
    };
    expect(brief((await lintText("FROM ubuntu:latest\n", config)).messages)).toEqual([
      "1:13-1:19 docker/no-latest-tag",
    ]);
  });

  test("languageOptions are rejected, as the language has none", async () => {
    await expect(
      lintText("FROM alpine:3.20\n", { ...recommended, languageOptions: { foo: 1 } }),
    ).rejects.toThrow(/no options/);
  });
});

describe("the language for custom rules", () => {
  test("selectors, ancestry and getLoc/getRange work on hull's AST", async () => {
    const seen: string[] = [];
    const custom = {
      rules: {
        probe: {
          meta: { messages: { found: "{{ what }}" } },
          create(context: { sourceCode: DockerfileSourceCode; report(r: object): void }) {
            const sc = context.sourceCode;
            return {
              "Stage > From"(node: { range: never }) {
                seen.push(`from ${sc.getText(node)} ${sc.getRange(node).join("-")}`);
              },
              "Onbuild > Run"(node: object) {
                seen.push(`trigger parent ${sc.getParent(node as never)?.type}`);
                context.report({ node, messageId: "found", data: { what: "trigger" } });
              },
              Comment(node: { value: string }) {
                seen.push(`comment ${node.value}`);
              },
              "Dockerfile:exit"() {
                seen.push("exit");
              },
            };
          },
        },
      },
    };
    const text = "# top\nFROM alpine:3.20 AS base\nONBUILD RUN make\n";
    const result = await lintText(text, {
      ...recommended,
      plugins: { hull, custom } as never,
      rules: { "custom/probe": "error" },
    });
    expect(seen).toEqual([
      "comment top",
      "from FROM alpine:3.20 AS base 6-30",
      "trigger parent Onbuild",
      "exit",
    ]);
    expect(brief(result.messages)).toEqual(["3:9-3:17 custom/probe"]);
  });

  test("parse keeps hull's AST unchanged and carries the parser's diagnostics", () => {
    const file = { path: "Dockerfile", physicalPath: "Dockerfile", bom: false, body: "COPY\n" };
    const parsed = dockerfileLanguage.parse(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // As JSON: node ranges are getters, which toEqual does not compare.
    expect(JSON.stringify(parsed.ast)).toBe(JSON.stringify(parse("COPY\n").ast));
    expect(parsed.parseResult.diagnostics.length).toBeGreaterThan(0);
    const sourceCode = dockerfileLanguage.createSourceCode(file, parsed);
    expect(sourceCode.getLoc(parsed.ast.instructions[0]!)).toEqual({
      start: { line: 1, column: 1 },
      end: { line: 1, column: 5 },
    });
    expect("loc" in parsed.ast.instructions[0]!).toBe(false);
  });
});
