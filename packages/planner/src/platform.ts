/** A parsed platform, normalised as containerd does for the common spellings. */
export interface Platform {
  readonly os: string;
  readonly arch: string;
  readonly variant: string | null;
}

const knownOs = new Set([
  "aix",
  "android",
  "darwin",
  "dragonfly",
  "freebsd",
  "hurd",
  "illumos",
  "ios",
  "js",
  "linux",
  "nacl",
  "netbsd",
  "openbsd",
  "plan9",
  "solaris",
  "wasip1",
  "windows",
  "zos",
]);
const knownArch = new Set([
  "386",
  "amd64",
  "amd64p32",
  "arm",
  "armbe",
  "arm64",
  "arm64be",
  "loong64",
  "mips",
  "mipsle",
  "mips64",
  "mips64le",
  "mips64p32",
  "mips64p32le",
  "ppc",
  "ppc64",
  "ppc64le",
  "riscv",
  "riscv64",
  "s390",
  "s390x",
  "sparc",
  "sparc64",
  "wasm",
]);
const component = /^[A-Za-z0-9_.-]+$/;

function normalizeArch(arch: string, variant: string | null): [string, string | null] {
  const a = arch.toLowerCase();
  const v = variant === null ? null : variant.toLowerCase();
  switch (a) {
    case "i386":
      return ["386", null];
    case "x86_64":
    case "x86-64":
    case "amd64":
      return ["amd64", v === "v1" ? null : v];
    case "aarch64":
    case "arm64":
      return ["arm64", v === "8" || v === "v8" ? null : v];
    case "armhf":
      return ["arm", "v7"];
    case "armel":
      return ["arm", "v6"];
    case "arm":
      return ["arm", v === null ? "v7" : /^\d$/.test(v) ? `v${v}` : v];
    default:
      return [a, v];
  }
}

/** Parses `os[/arch[/variant]]` (or a lone arch) like containerd's platforms.Parse; returns an error message instead of throwing. */
export function parsePlatform(text: string, host: Platform): Platform | { error: string } {
  if (text === "") return { error: "empty platform" };
  // An OS version in parentheses (`windows(10.0.17763)/amd64`) is accepted and dropped.
  const parts = text.replace(/\([^)]*\)/, "").split("/");
  if (parts.length > 3) return { error: `"${text}": cannot parse platform: too many components` };
  for (const p of parts) {
    if (!component.test(p)) return { error: `"${text}": invalid platform component "${p}"` };
  }
  const [first, second, third] = parts as [string, string | undefined, string | undefined];
  if (second === undefined) {
    const lower = first.toLowerCase();
    if (knownOs.has(lower)) return { os: lower, arch: host.arch, variant: host.variant };
    const [arch, variant] = normalizeArch(first, null);
    if (knownArch.has(arch)) return { os: "linux", arch, variant };
    return { error: `"${text}": unknown operating system or architecture: invalid argument` };
  }
  const os = first.toLowerCase() === "macos" ? "darwin" : first.toLowerCase();
  const [arch, variant] = normalizeArch(second, third ?? null);
  return { os, arch, variant };
}

/** Formats a platform as `os/arch[/variant]`. */
export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.arch}${p.variant ? `/${p.variant}` : ""}`;
}

/** The platform the planner assumes for the builder when none is given, so that plans are reproducible. */
export const defaultBuildPlatform: Platform = { os: "linux", arch: "amd64", variant: null };
