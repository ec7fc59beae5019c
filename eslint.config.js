import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier/flat";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["**/dist/", "**/coverage/", "**/bundle/", "**/*.snap"]),
  {
    // A disable comment that no longer silences anything is stale knowledge: fail on it.
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-aware checks, as typescript-eslint lints itself: a guard the types say is dead, or a cast
    // the types already guarantee, hides what the code really relies on. Every TypeScript file: the
    // package builds hold the sources, tsconfig.dev.json (referenced by the root tsconfig.json, where
    // the project service looks for a file the nearest tsconfig.json leaves out) the tests and scripts.
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unnecessary-condition": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  prettier,
);
