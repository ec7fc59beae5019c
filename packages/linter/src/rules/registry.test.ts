// The registry's conventions as a test, as ESLint's `checkRuleFiles`: a rule file that is not registered, whose id
// is not its file name or that has no test beside it fails here instead of silently missing from docs and configs.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Rule } from "../rule.js";
import { rules } from "./index.js";

const here = dirname(fileURLToPath(import.meta.url));
const ruleFiles = readdirSync(here)
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "index.ts")
  .map((name) => name.slice(0, -".ts".length))
  .sort();

/**
 * The verbs rule titles start with. A title says what to do ("Pin base images to an explicit tag"), not what is
 * ("The Dockerfile must parse"); a new verb is added here when a new title needs it. Dockerfile keywords count as
 * verbs (`EXPOSE only container ports`).
 */
const verbs = new Set([
  "Add",
  "Change",
  "Clean",
  "Copy",
  "Declare",
  "Define",
  "Delete",
  "Do",
  "End",
  "Expose",
  "Fix",
  "Give",
  "Install",
  "Lint",
  "Make",
  "Merge",
  "Name",
  "Pin",
  "Pull",
  "Quote",
  "Remove",
  "Run",
  "Set",
  "Start",
  "Upgrade",
  "Use",
  "Verify",
  "Write",
]);

/** Why a title is not in the imperative, or null when it is. */
function notImperative(title: string): string | null {
  const first = title.split(" ")[0]!;
  const word = first[0]! + first.slice(1).toLowerCase();
  if (!verbs.has(word)) return `starts with '${first}', which is not a known verb`;
  if (/\b(?:must|should)\b|^\S+ (?:is|are)\b/.test(title)) return "states a fact ('X must', 'X is')";
  return null;
}

describe("the rule registry", () => {
  it("registers every rule file, and nothing else", () => {
    expect(rules.map((r) => r.id).sort()).toEqual(ruleFiles);
  });

  it.each(ruleFiles)("%s: the file's rule has the file's name and a test beside it", async (name) => {
    const rule = ((await import(`./${name}.ts`)) as { default: Rule }).default;
    expect(rule.id).toBe(name);
    expect(rules).toContain(rule);
    expect(existsSync(join(here, `${name}.test.ts`)), `${name}.test.ts`).toBe(true);
  });

  it.each(rules.map((r) => [r.id, r.title] as const))("%s: the title is in the imperative", (_id, title) => {
    expect(notImperative(title)).toBeNull();
  });

  it.each(rules.map((r) => [r.id, r] as const))(
    "%s: differences from hadolint are in their own section, and only with a hadolint alias",
    (_id, rule) => {
      // Saying where hull agrees with hadolint is fine; where it differs belongs in hadolintDifferences.
      if (rule.aliases?.hadolint !== undefined)
        expect(rule.docs.limitations ?? "").not.toMatch(
          /unlike hadolint|hadolint (?:reports|checks|accepts|measures|does not|wants)/i,
        );
      else expect(rule.docs.hadolintDifferences).toBeUndefined();
    },
  );

  it("tells a statement from an instruction", () => {
    expect(notImperative("Pin base images to an explicit tag")).toBeNull();
    expect(notImperative("EXPOSE only ports between 0 and 65535")).toBeNull();
    expect(notImperative("The Dockerfile must parse")).toMatch(/not a known verb/);
    expect(notImperative("Run commands must not prompt")).toMatch(/states a fact/);
    expect(notImperative("Image is pinned")).toMatch(/not a known verb/);
  });
});
