import type { Rule } from "../rule.js";
import legacyKeyValueFormat from "./legacy-key-value-format.js";
import maintainerDeprecated from "./maintainer-deprecated.js";
import syntaxError from "./syntax-error.js";
import unknownIgnoreId from "./unknown-ignore-id.js";

/** Every rule hull knows, in alphabetical order of id (one line per rule). */
export const rules = [
  legacyKeyValueFormat,
  maintainerDeprecated,
  syntaxError,
  unknownIgnoreId,
] as const satisfies readonly Rule[];
