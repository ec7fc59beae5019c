import { flagNamed, parsePlatform } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "invalid-base-image-platform",
  title: "Use a base image made for the stage's platform",
  severity: "warning",
  fixable: false,
  aliases: { buildkit: "InvalidBaseImagePlatform" },
  docs: {
    rationale:
      "A stage runs on the platform it is built for: the target platform, or the one `FROM --platform` names. " +
      "An image published for one platform only (a single manifest, not an index) is used as it is, so an `arm64` image in an `amd64` build runs its programs under emulation, slowly, or fails with `exec format error` where no emulator is installed. " +
      "Build on an image published for the stage's platform, or say which platform the stage runs on with `FROM --platform`.",
    limitations:
      "The rule needs the base image's config, which says its OS and architecture: give it with `hull lint --resolve` or `--image-config`. " +
      "Without a `--platform` the stage is taken to be built for linux/amd64, BuildKit's usual target; with `--resolve`, hull reads the linux/amd64 entry of an image index, so only images without an index can differ. " +
      "As in BuildKit, only stages the target keeps are checked, and the variant (`arm/v7`) is not compared.",
    bad: [
      {
        code: `FROM example/tool:1.0
RUN tool --version
`,
        imageConfigs: { "example/tool:1.0": { os: "linux", architecture: "arm64", config: {} } },
      },
    ],
    good: [
      {
        code: `FROM --platform=linux/arm64 example/tool:1.0 AS tool-arm64
FROM alpine:3.20
COPY --from=tool-arm64 /usr/bin/tool /usr/bin/tool
`,
        imageConfigs: { "example/tool:1.0": { os: "linux", architecture: "arm64", config: {} } },
      },
    ],
  },
  messages: {
    mismatch: (image: string, actual: string, expected: string) =>
      `Base image '${image}' is made for ${actual}, but this stage is built for ${expected}: its programs run under emulation or not at all.`,
  },
  visitor: {
    Stage(stage, ctx) {
      const { semantic } = ctx;
      if (semantic.baseOf(stage) !== null || !semantic.isKept(stage)) return;
      const image = ctx.baseImage(stage);
      if (!image?.os || !image.architecture) return;
      const from = stage.from;
      const flag = flagNamed(from, "platform");
      // The predefined ARGs always hold TARGETPLATFORM.
      const text = flag?.value
        ? semantic.expandGlobal(flag.value)
        : semantic.predefined.get("TARGETPLATFORM");
      if (text === null || text === undefined) return;
      const expected = parsePlatform(text);
      // An unknown platform is no-constant-platform's finding; an OS alone runs on the builder's architecture.
      if ("error" in expected || expected.arch === null) return;
      const actual = parsePlatform(`${image.os}/${image.architecture}`);
      if ("error" in actual || (actual.os === expected.os && actual.arch === expected.arch)) return;
      ctx.report(
        from.image ?? from,
        "mismatch",
        from.image?.value ?? "",
        `${actual.os}/${actual.arch}`,
        `${expected.os}/${expected.arch}`,
      );
    },
  },
});
