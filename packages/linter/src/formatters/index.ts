import { checkstyle } from "./checkstyle.js";
import { compact } from "./compact.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export type { FileResult, FormatContext, Formatter } from "./types.js";

/** Every output format by name; `stylish` is the default. */
export const formatters = {
  checkstyle,
  compact,
  github,
  gitlab,
  json,
  sarif,
  stylish,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

/** The formatter called `name`, or undefined. */
export function formatterFor(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name as FormatName] : undefined;
}
