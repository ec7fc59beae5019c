import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { planSchema } from "../src/schema.js";

/** The committed schema text; a test checks that the file matches it. */
export function schemaText(): string {
  return `${JSON.stringify(planSchema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../schema/plan.json", import.meta.url), schemaText());
}
