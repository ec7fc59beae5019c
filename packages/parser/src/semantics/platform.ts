/** A platform as BuildKit splits `os/arch/variant`, plus the OS version Windows images carry. */
export interface Platform {
  readonly os: string;
  readonly arch: string;
  readonly variant: string;
  readonly osVersion: string;
}

/** The platform hull assumes when nothing says otherwise: BuildKit's usual build node. */
export const defaultPlatform: Platform = { os: "linux", arch: "amd64", variant: "", osVersion: "" };

/** `os/arch[/variant]`, as BuildKit formats TARGETPLATFORM and BUILDPLATFORM. */
export function formatPlatform(platform: Platform): string {
  const base = `${platform.os}/${platform.arch}`;
  return platform.variant === "" ? base : `${base}/${platform.variant}`;
}

/**
 * A platform as written (`linux/arm64`, `windows(10.0.17763)/amd64`, a lone `linux` or `arm64`), normalised as
 * containerd's platforms.Parse does. `arch` is null when the text names only an operating system: the builder's
 * architecture is used then.
 */
export interface ParsedPlatform {
  readonly os: string;
  readonly arch: string | null;
  readonly variant: string;
  readonly osVersion: string;
}

// containerd's operating systems and architectures, the ones a lone word may name (the architectures also for rules
// that look for one in a stage's name).
const knownOs = new Set(
  "aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos".split(
    " ",
  ),
);
export const knownArch: ReadonlySet<string> = new Set(
  "386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm".split(
    " ",
  ),
);
const component = /^[A-Za-z0-9_.-]+$/;

/** containerd's spellings of an architecture and its variant, normalised (`aarch64` → `arm64`, `armhf` → `arm/v7`). */
function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case "i386":
      return ["386", ""];
    case "x86_64":
    case "x86-64":
    case "amd64":
      return ["amd64", v === "v1" ? "" : v];
    case "aarch64":
    case "arm64":
      return ["arm64", v === "8" || v === "v8" ? "" : v];
    case "armhf":
      return ["arm", "v7"];
    case "armel":
      return ["arm", "v6"];
    case "arm":
      return ["arm", v === "" ? "v7" : /^\d$/.test(v) ? `v${v}` : v];
    default:
      return [a, v];
  }
}

/** Parses a platform as containerd's platforms.Parse does; the error is its message, for text it refuses. */
export function parsePlatform(text: string): ParsedPlatform | { readonly error: string } {
  if (text === "") return { error: "empty platform" };
  // An OS version in parentheses (`windows(10.0.17763)/amd64`) is kept apart.
  const version = /\(([^)]*)\)/.exec(text);
  const parts = (version ? text.replace(version[0], "") : text).split("/");
  if (parts.length > 3) return { error: `"${text}": cannot parse platform: too many components` };
  for (const p of parts) {
    if (!component.test(p)) return { error: `"${text}": invalid platform component "${p}"` };
  }
  const osVersion = version?.[1] ?? "";
  const [first, second, third] = parts as [string, string | undefined, string | undefined];
  if (second === undefined) {
    const lower = first.toLowerCase();
    if (knownOs.has(lower)) return { os: lower, arch: null, variant: "", osVersion };
    const [arch, variant] = normalizeArch(first, "");
    if (knownArch.has(arch)) return { os: "linux", arch, variant, osVersion };
    return { error: `"${text}": unknown operating system or architecture: invalid argument` };
  }
  const os = first.toLowerCase() === "macos" ? "darwin" : first.toLowerCase();
  const [arch, variant] = normalizeArch(second, third ?? "");
  return { os, arch, variant, osVersion };
}
