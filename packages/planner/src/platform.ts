import { parsePlatform as parseAny } from "@hull/parser";

/** A parsed platform, normalised as containerd does for the common spellings. */
export interface Platform {
  readonly os: string;
  readonly arch: string;
  readonly variant: string | null;
}

/**
 * Parses `os[/arch[/variant]]` (or a lone OS or arch) as containerd does (the parser's `parsePlatform`), with the
 * architecture of `host` where the text names only an OS; returns an error message instead of throwing.
 */
export function parsePlatform(text: string, host: Platform): Platform | { error: string } {
  const parsed = parseAny(text);
  if ("error" in parsed) return { error: parsed.error };
  if (parsed.arch === null) return { os: parsed.os, arch: host.arch, variant: host.variant };
  return { os: parsed.os, arch: parsed.arch, variant: parsed.variant === "" ? null : parsed.variant };
}

/** Formats a platform as `os/arch[/variant]`. */
export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.arch}${p.variant ? `/${p.variant}` : ""}`;
}

/** The platform the planner assumes for the builder when none is given, so that plans are reproducible. */
export const defaultBuildPlatform: Platform = { os: "linux", arch: "amd64", variant: null };
