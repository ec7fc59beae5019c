import { flagNamed, expandWord, knownArch, parsePlatform } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-constant-platform",
  title: "Do not hard-code FROM --platform",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3029",
    buildkit: "FromPlatformFlagConstDisallowed",
    semgrep: "avoid-platform-with-from",
  },
  docs: {
    rationale:
      "`FROM --platform=linux/amd64` builds the stage for that platform whatever platform the build targets, so a multi-platform build silently produces amd64 binaries in an arm64 image. " +
      "Use the predefined arguments instead: `$BUILDPLATFORM` for a stage that runs build tools, `$TARGETPLATFORM` (the default) for the image itself.",
    limitations:
      "As in BuildKit, a constant is accepted when the stage's name contains its OS or architecture (`AS build-amd64`), since such a stage is meant for one platform. " +
      "A constant BuildKit cannot parse as a platform (`x86`, `linux/amd64/v2/x`) fails the build, and is reported with a message of its own.",
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
    unknown: (value: string) =>
      `FROM --platform '${value}' is no platform BuildKit can parse (os[/arch[/variant]], such as linux/arm64), so the build fails; use $BUILDPLATFORM or $TARGETPLATFORM.`,
  },
  visitor: {
    From(node, ctx) {
      const flag = flagNamed(node, "platform");
      if (!flag || flag.value === null || ctx.isTrigger(node)) return;
      const result = expandWord(flag.value, {}, { escape: ctx.ast.escapeChar });
      // Any variable, set or not, makes the value non-constant.
      if (result.error || result.matched.length > 0 || result.missing.length > 0) return;
      const platform = parsePlatform(result.value);
      if ("error" in platform) {
        ctx.report(flag.valueRange ?? flag, "unknown", result.value);
        return;
      }
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
