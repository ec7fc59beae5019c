import { flagNamed, expandWord } from "@hull/parser";
import { defineRule } from "../rule.js";

// Stands for whatever platform the build targets; only equality with it matters.
const targetPlatform = "linux/amd64";

export default defineRule({
  id: "no-redundant-target-platform",
  title: "Do not set FROM --platform to $TARGETPLATFORM",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3065", buildkit: "RedundantTargetPlatform" },
  docs: {
    rationale:
      "A stage is built for the target platform unless `--platform` says otherwise, so `FROM --platform=$TARGETPLATFORM` only repeats the default. " +
      "The flag is useful with other values, such as `$BUILDPLATFORM` for stages that cross-compile.",
    bad: [
      "FROM --platform=$TARGETPLATFORM alpine:3.20\n",
      "FROM --platform=${TARGETPLATFORM} alpine:3.20 AS base\n",
    ],
    good: [
      "FROM alpine:3.20\n",
      "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
      "FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n",
    ],
  },
  messages: {
    redundant: (value: string) =>
      `Setting the platform to ${value} in FROM is redundant: stages are built for the target platform by default.`,
  },
  visitor: {
    From(node, ctx) {
      const flag = flagNamed(node, "platform");
      if (!flag || flag.value === null || ctx.isTrigger(node)) return;
      // The model evaluates the global ARGs once per file.
      const globals = ctx.semantic.globals.values;
      const target = globals.get("TARGETPLATFORM") ?? targetPlatform;
      const result = expandWord(flag.value, new Map([...globals, ["TARGETPLATFORM", target]]), {
        escape: ctx.ast.escapeChar,
      });
      if (result.error || result.missing.length > 0) return;
      // Only when TARGETPLATFORM is the one variable used and the value is exactly its value.
      if (result.matched.length !== 1 || result.matched[0] !== "TARGETPLATFORM" || result.value !== target)
        return;
      ctx.report(flag.valueRange ?? flag, "redundant", flag.value);
    },
  },
});
