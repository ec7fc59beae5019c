import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

const cli = JSON.parse(readFileSync(new URL("packages/cli/package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  // What scripts/bundle.mjs defines for the bundled CLI (packages/cli/src/version.ts).
  define: { HULL_VERSION: JSON.stringify(cli.version) },
  // Vitest runs tests in Vite's SSR environment, so the source condition goes under ssr.
  ssr: { resolve: { conditions: ["@hull/source"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "scripts/**/*.test.ts",
      "site/test/**/*.test.ts",
    ],
    testTimeout: 60_000,
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
});
