import { expandWord } from "@hull/parser";
import { defineRule } from "../rule.js";

// containerd's lists of operating systems and architectures, which BuildKit's platform parser accepts alone.
const knownOS = new Set(
  "aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos".split(
    " ",
  ),
);
const knownArch = new Set(
  "386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm".split(
    " ",
  ),
);
const archAliases: Record<string, string> = {
  i386: "386",
  x86_64: "amd64",
  "x86-64": "amd64",
  aarch64: "arm64",
  armhf: "arm",
  armel: "arm",
};

interface Platform {
  os: string;
  /** Null when the value names only an OS: BuildKit then uses the architecture of the machine that builds. */
  arch: string | null;
}

/** Parses a platform as containerd does (`os[/arch[/variant]]` or a lone OS or architecture); null when BuildKit would fail. */
function parsePlatform(value: string): Platform | null {
  const parts = value.split("/");
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return null;
  const os = (s: string) => (s.toLowerCase() === "macos" ? "darwin" : s.toLowerCase());
  const arch = (s: string) => {
    const name = s.toLowerCase();
    return Object.hasOwn(archAliases, name) ? archAliases[name]! : name;
  };
  if (parts.length === 1) {
    const only = parts[0]!;
    if (knownOS.has(os(only))) return { os: os(only), arch: null };
    if (knownArch.has(arch(only))) return { os: "linux", arch: arch(only) };
    return null;
  }
  return { os: os(parts[0]!), arch: arch(parts[1]!) };
}

export default defineRule({
  id: "no-constant-platform",
  title: "Do not hard-code FROM --platform",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3029", buildkit: "FromPlatformFlagConstDisallowed" },
  docs: {
    rationale:
      "`FROM --platform=linux/amd64` builds the stage for that platform whatever platform the build targets, so a multi-platform build silently produces amd64 binaries in an arm64 image. " +
      "Use the predefined arguments instead: `$BUILDPLATFORM` for a stage that runs build tools, `$TARGETPLATFORM` (the default) for the image itself.",
    limitations:
      "As in BuildKit, a constant is accepted when the stage's name contains its OS or architecture (`AS build-amd64`), since such a stage is meant for one platform.",
    bad: ["FROM --platform=linux/amd64 alpine:3.20\n"],
    good: [
      "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
      "FROM --platform=linux/arm64 alpine:3.20 AS runtime-arm64\n",
      "FROM alpine:3.20\n",
    ],
  },
  messages: {
    constant: (value: string) =>
      `FROM --platform should not use the constant value '${value}'; use $BUILDPLATFORM or $TARGETPLATFORM.`,
  },
  visitor: {
    From(node, ctx) {
      const flag = node.flags.find((f) => f.name === "platform");
      if (!flag || flag.value === null || ctx.isTrigger(node)) return;
      const result = expandWord(flag.value, {}, { escape: ctx.ast.escapeChar });
      // Any variable, set or not, makes the value non-constant.
      if (result.error || result.matched.length > 0 || result.missing.length > 0) return;
      const platform = parsePlatform(result.value);
      if (!platform) return;
      const stage = (node.stageName?.value ?? "").toLowerCase();
      if (stage.includes(platform.os)) return;
      if (
        platform.arch !== null ? stage.includes(platform.arch) : [...knownArch].some((a) => stage.includes(a))
      )
        return;
      ctx.report(flag.valueRange ?? flag, "constant", result.value);
    },
  },
});
