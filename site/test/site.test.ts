// The playground in a real browser: Debian's Chromium, driven by playwright-core, loads the built site from a local
// static server. Skips with a message where /usr/bin/chromium is absent (apt-get install chromium).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lint, rules } from "@hull/linter";
import { parse } from "@hull/parser";
import { plan } from "@hull/planner";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launchChromium, serveStatic } from "./browser.js";

const site = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(site, "..");
const dist = join(site, "dist");
const hasChromium = existsSync(chromiumPath);
if (!hasChromium)
  console.warn(`site tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);

/** The page's own hooks (main.ts). */
interface HullWindow {
  hullStats: {
    pending: boolean;
    analyses: number;
    diagnostics: { ruleId: string; message: string; range: { start: { line: number; column: number } } }[];
  };
  hullPage: { getText(): string; getConfig(): string; tab(): string };
}

// Known mistakes: the latest tag, lower-case `as`, apt-get without -y and without cleaning its lists, a stage
// nobody uses, and a relative WORKDIR.
const typed = [
  "FROM node:latest as build",
  "WORKDIR app",
  "RUN apt-get update && apt-get install curl",
  "COPY . .",
  "RUN npm ci",
  "",
  "FROM alpine:3.20 AS unused",
  "RUN echo never built",
  "",
  "FROM gcr.io/distroless/nodejs22-debian12",
  "COPY --from=build /app/dist /app",
  'CMD ["server.js"]',
  "",
].join("\n");

/** What `hull lint --format json -` reports for a text: the CLI is the reference the page must match. */
function cliLint(text: string): { ruleId: string; line: number; column: number; message: string }[] {
  const run = spawnSync(
    process.execPath,
    [join(root, "packages/cli/bin/hull.js"), "lint", "--format", "json", "-"],
    {
      input: text,
      encoding: "utf8",
    },
  );
  const [file] = JSON.parse(run.stdout) as {
    messages: { ruleId: string; line: number; column: number; message: string }[];
  }[];
  return file!.messages.map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = window as unknown as HullWindow;
    return w.hullStats.analyses > 0 && !w.hullStats.pending;
  });
}

describe.skipIf(!hasChromium)("playground in Chromium", () => {
  // Undefined when beforeAll failed before starting them: afterAll still runs.
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let siteUrl = "";
  const errors: string[] = [];
  const shots = join(tmpdir(), "hull-site-screenshots");

  beforeAll(async () => {
    // The site is built from the sources under test, the CLI bundle by `pnpm test` before vitest starts.
    const build = spawnSync(
      process.execPath,
      [join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=@hull/source", join(site, "build.ts")],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    if (build.status !== 0) throw new Error(`site build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(dist);
    siteUrl = server.url;
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, width = 1280, height = 800, playground = true): Promise<Page> {
    if (!browser) throw new Error("Chromium did not start");
    const page = await browser.newPage({ viewport: { width, height } });
    page.on("pageerror", (e) => errors.push(`${url}: ${String(e)}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${url}: ${m.text()}`);
    });
    await page.goto(url);
    if (playground) await settled(page);
    return page;
  }

  it("lints typed text like the CLI, fixes, plans, shares, and logs no errors", async () => {
    const page = await open(siteUrl);
    // Type the file into the emptied editor, key by key.
    await page.click(".cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(typed);
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as HullWindow).hullPage.getText())).toBe(typed);

    // Diagnostics: the same findings, positions and messages as `hull lint` on the same text.
    const shown = await page.evaluate(() =>
      (window as unknown as HullWindow).hullStats.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        line: d.range.start.line,
        column: d.range.start.column,
        message: d.message,
      })),
    );
    const expected = cliLint(typed);
    expect(expected.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(["no-latest-tag", "from-as-casing", "apt-get-non-interactive"]),
    );
    expect(shown).toEqual(expected);
    // … and they are on screen: one list entry each, and underlined in the editor.
    expect(await page.locator("#problems-list .problem").count()).toBe(expected.length);
    expect(await page.locator(".cm-lintRange").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "playground-1280x800.png") });

    // A quick fix: `as` becomes `AS`, exactly the rule's edit, and its finding goes away.
    await page.locator('#problems-list .problem[data-rule="from-as-casing"] .quick-fix').click();
    await page.waitForFunction(() =>
      (window as unknown as HullWindow).hullPage.getText().startsWith("FROM node:latest AS build"),
    );
    await settled(page);
    const afterFix = await page.evaluate(() => (window as unknown as HullWindow).hullPage.getText());
    expect(afterFix).toBe(typed.replace(" as build", " AS build"));
    expect(await page.locator('#problems-list .problem[data-rule="from-as-casing"]').count()).toBe(0);
    expect(await page.locator("#problems-list .problem").count()).toBe(lint(afterFix).diagnostics.length);

    // The plan tab draws every node of the planner's graph, with the unused stage pruned.
    await page.click("#tab-plan");
    await page.waitForSelector("#plan-graph svg [data-node]");
    const drawn = await page
      .locator("#plan-graph [data-node]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-node")));
    const planned = plan(parse(afterFix).ast);
    expect(drawn.sort()).toEqual(planned.nodes.map((n) => n.id).sort());
    expect(await page.locator("#plan-graph .stage").count()).toBe(3);
    expect(await page.locator('#plan-graph .stage.pruned[data-stage="1"]').count()).toBe(1);
    expect(await page.locator("#plan-run").textContent()).toContain("server.js");
    // What a change to package.json rebuilds: the COPY . . and everything after it in its stage.
    await page.fill("#plan-changed", "package.json");
    await page.waitForSelector("#plan-graph .node.rebuilt");
    expect(await page.locator("#plan-rebuild").textContent()).toContain("s0.");
    await page.screenshot({ path: join(shots, "plan-1280x800.png") });

    // Share: the link restores text, config and tab in a fresh page.
    await page.click("#share");
    await page.waitForFunction(() =>
      (document.getElementById("share-url") as HTMLInputElement).value.includes("#s="),
    );
    const url = await page.inputValue("#share-url");
    const config = await page.evaluate(() => (window as unknown as HullWindow).hullPage.getConfig());
    const second = await open(url, 420, 860);
    const restored = await second.evaluate(() => {
      const p = (window as unknown as HullWindow).hullPage;
      return { text: p.getText(), config: p.getConfig(), tab: p.tab() };
    });
    expect(restored).toEqual({ text: afterFix, config, tab: "plan" });
    await second.waitForSelector("#plan-graph svg [data-node]");
    expect(await second.inputValue("#plan-changed")).toBe("package.json");
    await second.screenshot({ path: join(shots, "playground-420x860.png"), fullPage: true });

    expect(errors).toEqual([]);
  });

  it("shows config problems inline and lints with the config's rules", async () => {
    const page = await open(siteUrl);
    await page.click("#tab-config");
    await page.click("#config-editor .cm-content");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("preset: all\nrules:\n  no-latest-tag: loud\n");
    await settled(page);
    expect(await page.locator("#config-problems li").first().textContent()).toContain("rules.no-latest-tag");
    expect(await page.locator("#config-editor .cm-lintRange-error").count()).toBe(1);
    // A valid config takes effect: the rule is off, and `preset: all` adds the rules outside the recommended set.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("preset: all\nrules:\n  DL3007: off\n");
    await settled(page);
    expect(await page.locator("#config-problems").isHidden()).toBe(true);
    const text = await page.evaluate(() => (window as unknown as HullWindow).hullPage.getText());
    const shown = await page.evaluate(() =>
      (window as unknown as HullWindow).hullStats.diagnostics.map((d) => d.ruleId),
    );
    expect(shown).toEqual(
      lint(text, { preset: "all", rules: { DL3007: "off" } }).diagnostics.map((d) => d.ruleId),
    );
    expect(shown).not.toContain("no-latest-tag");
    expect(errors).toEqual([]);
  });

  it("shows hover docs, formats as a diff and fixes all", async () => {
    const page = await open(siteUrl);
    // Hover on the FROM keyword of line 2 of the sample: the language server's instruction docs.
    const keyword = page.locator(".cm-line", { hasText: "FROM node:latest" }).locator(".hl-keyword").first();
    await keyword.hover();
    await page.waitForSelector(".cm-tooltip-hover .hover-doc");
    expect(await page.locator(".cm-tooltip-hover .hover-doc").textContent()).toMatch(/^FROM/);

    await page.evaluate(() =>
      (window as unknown as { hullPage: { setText(t: string): void } }).hullPage.setText(
        "from alpine:3.20\nrun   echo hi\n",
      ),
    );
    await settled(page);
    await page.click("#format");
    await page.waitForSelector("#format-diff .diff-add");
    expect(await page.locator("#format-diff .diff-add").allTextContents()).toEqual([
      "+ FROM alpine:3.20",
      "+ RUN echo hi",
    ]);
    await page.click("#format-apply");
    await page.waitForFunction(() =>
      (window as unknown as HullWindow).hullPage.getText().startsWith("FROM alpine:3.20\nRUN echo hi"),
    );

    await page.evaluate(() =>
      (window as unknown as { hullPage: { setText(t: string): void } }).hullPage.setText(
        "FROM debian:12 as base\nRUN apt-get install curl\n",
      ),
    );
    await settled(page);
    await page.click("#fix-all");
    await page.waitForFunction(() =>
      (window as unknown as HullWindow).hullPage.getText().includes("AS base"),
    );
    await settled(page);
    const fixed = await page.evaluate(() => (window as unknown as HullWindow).hullPage.getText());
    expect(lint(fixed).diagnostics.filter((d) => d.fix)).toEqual([]);
    expect(await page.locator("#problems-list .quick-fix").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("renders every rule page, and an example opens in the playground with its finding", async () => {
    const page = await open(`${siteUrl}rules/index.html`, 1280, 800, false);
    expect(await page.locator("#rule-table tbody tr").count()).toBe(rules.length);
    await page.fill("#rule-search", "DL3007");
    expect(await page.locator("#rule-table tbody tr:not([hidden])").allTextContents()).toEqual([
      expect.stringContaining("no-latest-tag"),
    ]);
    await page.goto(`${siteUrl}rules/no-latest-tag.html`);
    const href = await page.locator("a.try").first().getAttribute("href");
    const example = await open(new URL(href!, `${siteUrl}rules/`).href);
    const ids = await example.evaluate(() =>
      (window as unknown as HullWindow).hullStats.diagnostics.map((d) => d.ruleId),
    );
    expect(ids).toContain("no-latest-tag");
    expect(errors).toEqual([]);
  });
});
