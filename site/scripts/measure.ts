// Measures the playground in Chromium: time to interactive, and diagnostics latency per keystroke on a given file.
// Usage: pnpm site && pnpm exec tsx site/scripts/measure.ts <Dockerfile> [keystrokes=60] [runs=3]
// Prints JSON; the figures in site/README.md come from it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, serveStatic } from "../test/browser.js";

interface PageStats {
  latencies: number[];
  lintMs: number[];
  pending: boolean;
  readyAt: number;
  analyses: number;
}

interface HullPage {
  setText(text: string): void;
  setCursor(offset: number): void;
}

const [file, keystrokeArg, runsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx site/scripts/measure.ts <Dockerfile> [keystrokes] [runs]");
  process.exit(2);
}
const keystrokes = Number(keystrokeArg ?? 60);
const runs = Number(runsArg ?? 3);
const text = readFileSync(file, "utf8");
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

const server = await serveStatic(dist);
const browser = await launchChromium();
const ready: number[] = [];
const firstDiagnostics: number[] = [];
const latencies: number[] = [];
const lintMs: number[] = [];
const errors: string[] = [];
try {
  for (let run = 0; run < runs; run++) {
    // A fresh context each run: nothing cached, as on a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { hullStats: PageStats }).hullStats.analyses > 0);
    const timing = await page.evaluate(() => {
      const s = (window as unknown as { hullStats: PageStats }).hullStats;
      return { readyAt: s.readyAt, first: performance.getEntriesByName("hull:diagnostics")[0]!.startTime };
    });
    ready.push(timing.readyAt);
    firstDiagnostics.push(timing.first);
    // Put the file in, wait until it is linted, then type at the end of its longest RUN line.
    await page.evaluate((t) => (window as unknown as { hullPage: HullPage }).hullPage.setText(t), text);
    await page.waitForFunction(() => !(window as unknown as { hullStats: PageStats }).hullStats.pending);
    await page.evaluate(() => {
      const s = (window as unknown as { hullStats: PageStats }).hullStats;
      s.latencies.length = 0;
      s.lintMs.length = 0;
    });
    const lines = text.split("\n");
    const line = lines.reduce(
      (best, l, i) => (/^\s*RUN/.test(l) && l.length > lines[best]!.length ? i : best),
      0,
    );
    await page.click(".cm-content");
    const offset = lines.slice(0, line + 1).join("\n").length;
    await page.evaluate((o) => (window as unknown as { hullPage: HullPage }).hullPage.setCursor(o), offset);
    for (let i = 0; i < keystrokes; i++) {
      await page.keyboard.type(i % 6 === 5 ? " " : "x");
      // People type about 5 to 10 keys a second; 80 ms apart.
      await page.waitForTimeout(80);
    }
    await page.waitForFunction(() => !(window as unknown as { hullStats: PageStats }).hullStats.pending);
    const s = await page.evaluate(() => (window as unknown as { hullStats: PageStats }).hullStats);
    latencies.push(...s.latencies);
    lintMs.push(...s.lintMs);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const round = (n: number) => Math.round(n * 10) / 10;
console.log(
  JSON.stringify(
    {
      file,
      lines: text.split("\n").length,
      runs,
      keystrokesPerRun: keystrokes,
      interactiveMs: ready.map(round),
      firstDiagnosticsMs: firstDiagnostics.map(round),
      latenciesSorted: process.env.HULL_SITE_VERBOSE
        ? [...latencies].sort((a, b) => a - b).map(round)
        : undefined,
      diagnosticsLatencyMs: {
        n: latencies.length,
        median: round(quantile(latencies, 0.5)),
        p95: round(quantile(latencies, 0.95)),
        max: round(Math.max(...latencies)),
      },
      workerLintMs: { median: round(quantile(lintMs, 0.5)), p95: round(quantile(lintMs, 0.95)) },
      consoleErrors: errors,
    },
    null,
    2,
  ),
);
