import { defineConfig } from "vitest/config";

export default defineConfig({
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
