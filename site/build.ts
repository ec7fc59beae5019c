// Builds the static site into site/dist: the playground (app.js, worker.js, style.css, index.html) and one page per
// rule rendered from docs/rules/*.md, with the rule index. Plain files; nothing is fetched at run time.
// Usage: pnpm site   (from the repository root)
import { createRequire } from "node:module";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync, gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { aliasList, rules, type DocExample, type Rule } from "@hull/linter";
import { configLibraries } from "../scripts/config-libraries.mjs";
import { Marked, type Tokens } from "marked";

const site = dirname(fileURLToPath(import.meta.url));
const root = join(site, "..");
const dist = join(site, "dist");
const pathShim = createRequire(import.meta.url).resolve("path-browserify");
const version = (
  JSON.parse(readFileSync(join(root, "packages/cli/package.json"), "utf8")) as { version: string }
).version;

/** Bundles the page's script and the worker for the browser; Node built-ins hull imports get small shims. */
async function bundle(): Promise<Metafile> {
  const result = await build({
    entryPoints: { app: join(site, "src/main.ts"), worker: join(site, "src/worker.ts") },
    outdir: dist,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    conditions: ["@hull/source"],
    // Aliases resolve from the importing package, which does not depend on the shim: pass absolute paths.
    alias: {
      "node:path": pathShim,
      path: pathShim,
      "node:url": join(site, "src/shims/url.ts"),
      "node:crypto": join(site, "src/shims/crypto.ts"),
    },
    define: { HULL_VERSION: JSON.stringify(version) },
    plugins: [configLibraries()],
    logLevel: "warning",
  });
  copyFileSync(join(site, "src/index.html"), join(dist, "index.html"));
  copyFileSync(join(site, "src/style.css"), join(dist, "style.css"));
  return result.metafile;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The same encoding as share.ts: JSON, raw DEFLATE, base64url. */
function playgroundHash(state: { text: string; config: string; tab: string }): string {
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(state))).toString("base64url")}`;
}

/** A config that turns the rule on with the example's options and settings, so the example shows its finding. */
function exampleConfig(rule: Rule, example: string | DocExample | undefined): string {
  const options = typeof example === "object" ? example.options : undefined;
  const setting = options && Object.keys(options).length > 0 ? [rule.severity, options] : rule.severity;
  const lines = [`# Turns on ${rule.id} for this example.`, "preset: recommended", "rules:"];
  lines.push(`  ${rule.id}: ${JSON.stringify(setting)}`);
  const settings = typeof example === "object" ? example.settings : undefined;
  for (const [key, value] of Object.entries(settings ?? {})) lines.push(`${key}: ${JSON.stringify(value)}`);
  return `${lines.join("\n")}\n`;
}

function page(title: string, body: string, base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · hull</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}style.css">
<link rel="stylesheet" href="${base}rules/rules.css">
</head>
<body class="doc">
<header><h1><a href="${base}index.html">hull</a> <span class="sub">rules</span></h1>
<nav class="actions"><a href="${base}rules/index.html">All rules</a> <a href="${base}index.html">Playground</a></nav></header>
<article>
${body}
</article>
</body>
</html>
`;
}

/** Every alias a rule has, whatever tool it comes from (hadolint codes, BuildKit check names, scanner ids). */
function aliasesOf(rule: Rule): string[] {
  return Object.keys(rule.aliases ?? {}).flatMap((tool) => [
    ...aliasList(rule, tool as keyof NonNullable<Rule["aliases"]>),
  ]);
}

function rulePages(): number {
  const out = join(dist, "rules");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "rules.css"), rulesCss);
  for (const rule of rules) {
    const markdown = readFileSync(join(root, "docs/rules", `${rule.id}.md`), "utf8");
    const examples = [...rule.docs.bad, ...rule.docs.good];
    const marked = new Marked({
      walkTokens(token) {
        // Links between rule pages point at the generated .md files; here they are .html pages.
        if (token.type === "link" && /^[\w-]+\.md(#.*)?$/.test(token.href)) {
          token.href = token.href.replace(/\.md(#|$)/, ".html$1");
        }
      },
      renderer: {
        code(token: Tokens.Code) {
          const code = `<pre><code class="language-${escapeHtml(token.lang ?? "")}">${escapeHtml(token.text)}</code></pre>`;
          if (token.lang !== "dockerfile") return code;
          const text = `${token.text}\n`;
          const example = examples.find(
            (e) => (typeof e === "string" ? e : e.code).trim() === token.text.trim(),
          );
          const hash = playgroundHash({ text, config: exampleConfig(rule, example), tab: "problems" });
          return `<div class="example">${code}<a class="try" href="../index.html${hash}">Open in the playground</a></div>`;
        },
      },
    });
    const body = marked.parse(markdown.replace(/^<!--.*?-->\n/s, ""), { async: false });
    writeFileSync(join(out, `${rule.id}.html`), page(rule.id, body, "../"));
  }
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => {
      const aliases = aliasesOf(rule);
      const search = [rule.id, rule.title, ...aliases].join(" ").toLowerCase();
      return `<tr data-search="${escapeHtml(search)}"><td><a href="${rule.id}.html">${rule.id}</a></td><td>${escapeHtml(rule.title)}</td><td>${escapeHtml(aliases.join(", "))}</td><td>${rule.severity}</td><td>${rule.recommended ? "✓" : ""}</td><td>${rule.fixable ? "✓" : ""}</td></tr>`;
    });
  const index = `<h1>Rules</h1>
<p><input id="rule-search" type="search" placeholder="Search by id, title, DL code or BuildKit name" aria-label="search rules" autofocus> <span id="rule-count">${rules.length}</span> rules</p>
<table id="rule-table"><thead><tr><th>id</th><th>title</th><th>aliases</th><th>severity</th><th>recommended</th><th>fixable</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
<script>
const input = document.getElementById("rule-search");
const filter = () => {
  const words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const row of document.querySelectorAll("#rule-table tbody tr")) {
    const hit = words.every((w) => row.dataset.search.includes(w));
    row.hidden = !hit;
    if (hit) shown++;
  }
  document.getElementById("rule-count").textContent = shown;
};
input.addEventListener("input", filter);
if (location.hash.length > 1) { input.value = decodeURIComponent(location.hash.slice(1)); filter(); }
</script>`;
  writeFileSync(join(out, "index.html"), page("Rules", index, "../"));
  return rules.length;
}

const rulesCss = `body.doc { height: auto; display: block; }
body.doc article { max-width: 54rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; line-height: 1.55; }
body.doc pre { background: #f6f8fa; padding: 0.6rem 0.8rem; border-radius: 6px; overflow: auto; }
body.doc code { font-family: ui-monospace, monospace; font-size: 0.85rem; }
body.doc .example { position: relative; margin: 0.6rem 0; }
body.doc .try { font-size: 0.8rem; }
body.doc table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
body.doc th, body.doc td { text-align: left; border-bottom: 1px solid #e3e6e9; padding: 0.25rem 0.4rem; vertical-align: top; }
body.doc #rule-search { font: inherit; width: 24rem; max-width: 100%; padding: 0.3rem; }
`;

/** Prints every file the page loads with its size and gzip size: the figures site/README.md reports. */
function sizes(metafile: Metafile): void {
  const files = [
    ...Object.keys(metafile.outputs).map((f) => relative(dist, join(process.cwd(), f))),
    "style.css",
  ];
  let total = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(`${file.padEnd(28)} ${String(bytes.length).padStart(8)} B ${String(gz).padStart(8)} B gzip`);
  }
  console.log(`${"total".padEnd(28)} ${"".padStart(8)}   ${String(total).padStart(8)} B gzip`);
  if (process.env.HULL_SITE_META) writeFileSync(process.env.HULL_SITE_META, JSON.stringify(metafile));
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const metafile = await bundle();
const count = rulePages();
sizes(metafile);
console.log(`${count} rule pages; site in ${relative(process.cwd(), dist) || "."}`);
