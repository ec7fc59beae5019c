import type { Flag } from "../ast/nodes.js";

/** How BuildKit reads one flag's value. */
export type FlagKind = "string" | "bool" | "strings";

/** The flags each instruction accepts (BuildKit's instructions package); absent instructions accept none. */
export const instructionFlags: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  FROM: { platform: "string" },
  RUN: { mount: "strings", network: "string", security: "string", device: "strings" },
  COPY: {
    from: "string",
    chown: "string",
    chmod: "string",
    link: "bool",
    parents: "bool",
    exclude: "strings",
  },
  ADD: {
    chown: "string",
    chmod: "string",
    link: "bool",
    "keep-git-dir": "bool",
    checksum: "string",
    unpack: "bool",
    exclude: "strings",
  },
  HEALTHCHECK: {
    interval: "string",
    timeout: "string",
    "start-period": "string",
    "start-interval": "string",
    retries: "string",
  },
};

/**
 * An instruction's flag of that name (`--from`), or undefined. BuildKit rejects a flag given twice, but for the
 * list flags (`--mount`, `--exclude`), which are read with `flags.filter`.
 */
export function flagNamed(node: { readonly flags: readonly Flag[] }, name: string): Flag | undefined {
  for (const flag of node.flags) if (flag.name === name) return flag;
  return undefined;
}

/** Instructions whose flags BuildKit never reads (so it never rejects them). */
export const flagsIgnored = new Set(["ARG", "STOPSIGNAL"]);

/** Parses a Go duration (`1m30s`, `300ms`, `1.5h`) into milliseconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  if (text === "0") return 0;
  // The two micro signs (U+00B5, U+03BC) as escapes: one character beyond Latin-1 in a bundle makes V8 hold the
  // whole bundle's source as a two-byte string (scripts/bundle.mjs checks that bundles are ASCII).
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  let sign = 1;
  if (text[0] === "-" || text[0] === "+") {
    sign = text[0] === "-" ? -1 : 1;
    pos = 1;
  }
  if (pos === text.length) return null;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    pos = re.lastIndex;
  }
  return sign * total;
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
