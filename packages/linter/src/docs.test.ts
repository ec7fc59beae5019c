import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDocs, regenerateCommand, repoRoot } from "../scripts/gen-docs.js";

// The generated docs and schema are committed; this keeps them in step with the rules' metadata.
describe("generated docs and schema", async () => {
  const files = await generateDocs();

  for (const [path, expected] of files) {
    it(`${path} is up to date`, () => {
      const full = join(repoRoot, path);
      const actual = existsSync(full) ? readFileSync(full, "utf8") : null;
      expect(
        actual === expected,
        `${path} is missing or out of date: run \`${regenerateCommand}\` and commit the result`,
      ).toBe(true);
    });
  }

  it("docs/rules has no page for a rule that does not exist", () => {
    const stale = readdirSync(join(repoRoot, "docs/rules")).filter(
      (name) => !files.has(`docs/rules/${name}`),
    );
    expect(stale, `stale pages: run \`${regenerateCommand}\``).toEqual([]);
  });
});
