import { parsePlatform as parseAny, type Platform } from "@hull/parser";

/**
 * Parses `os[/arch[/variant]]` (or a lone OS or arch) as containerd does (the parser's `parsePlatform`), with the
 * architecture of `host` where the text names only an OS; returns an error message instead of throwing.
 */
export function parsePlatform(text: string, host: Platform): Platform | { error: string } {
  const parsed = parseAny(text);
  if ("error" in parsed) return { error: parsed.error };
  const { os, osVersion } = parsed;
  if (parsed.arch === null) return { os, arch: host.arch, variant: host.variant, osVersion };
  return { os, arch: parsed.arch, variant: parsed.variant, osVersion };
}
