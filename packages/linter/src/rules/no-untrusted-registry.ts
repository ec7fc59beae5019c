import { flagNamed, namedContextKey, splitImageReference, type Word } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";

const messages = {
  untrusted: (image: string, registry: string) =>
    `Image '${image}' comes from '${registry}', which is not a trusted registry.`,
};

/** The stage names seen so far, and how many FROMs. */
type State = { stages: Set<string>; stageCount: number };

export default defineRule({
  id: "no-untrusted-registry",
  title: "Pull images only from trusted registries",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL3026" },
  security: "medium",
  docs: {
    rationale:
      "When a team mirrors or vets its images, pulling from anywhere else bypasses that control. " +
      "This rule does nothing until the `trustedRegistries` setting lists the registries you allow; then it checks the images of `FROM`, `COPY --from` and `RUN --mount=from=`.",
    limitations:
      "An image without a registry comes from `docker.io`. " +
      "Patterns may use `*` (any registry), `*.example.com` or `registry.*`. " +
      "Earlier stages, `scratch`, and images given by an `ARG` without a default are not checked.",
    bad: [
      {
        code: "FROM quay.io/org/app:1.0\n",
        settings: { trustedRegistries: ["docker.io", "*.corp.example"] },
      },
    ],
    good: [
      {
        code: `FROM registry.corp.example/app:1.0
FROM node:22
`,
        settings: { trustedRegistries: ["docker.io", "*.corp.example"] },
      },
      "FROM quay.io/org/app:1.0\n",
    ],
  },
  messages,
  state: (): State => ({ stages: new Set<string>(), stageCount: 0 }),
  // Without trusted registries configured, the rule checks nothing.
  visitor: {
    From(node, ctx) {
      if (ctx.settings.trustedRegistries.length === 0 || ctx.isTrigger(node)) return;
      if (node.image) check(ctx, node.image, node.image.value);
      if (node.stageName) ctx.state.stages.add(node.stageName.value.toLowerCase());
      ctx.state.stageCount++;
    },
    Copy(node, ctx) {
      if (ctx.settings.trustedRegistries.length === 0) return;
      const from = flagNamed(node, "from");
      if (
        from?.value &&
        from.valueRange &&
        !(/^\d+$/.test(from.value) && Number(from.value) < ctx.state.stageCount)
      ) {
        check(ctx, { range: from.valueRange }, from.value);
      }
    },
    Run(node, ctx) {
      if (ctx.settings.trustedRegistries.length === 0) return;
      for (const mount of node.mounts) {
        if (mount.from === null || (mount.mountType !== "bind" && mount.mountType !== "cache")) continue;
        // Point at the value of `from=` when it is written plainly inside the mount.
        const text = ctx.source.slice(mount.range.start.offset, mount.range.end.offset);
        const key = /(?:^|,)from=/.exec(text);
        const start = key ? mount.range.start.offset + key.index + key[0].length : -1;
        const exact = key !== null && ctx.source.startsWith(mount.from, start);
        check(ctx, exact ? { range: ctx.rangeOf(start, start + mount.from.length) } : mount, mount.from);
      }
    },
  },
});

/** Reports the image `written` (at `at`) when it comes from a registry that is not trusted. */
function check(
  ctx: RuleContext<typeof messages, Record<string, unknown>, State>,
  at: Word | { range: Word["range"] },
  written: string,
): void {
  const image = ctx.semantic.resolveImage(written);
  if (image === null) return;
  const lower = image.toLowerCase();
  if (lower === "scratch" || ctx.state.stages.has(lower) || /^\d+$/.test(image)) return;
  // A named build context stands in for the image: nothing is pulled.
  if (namedContextKey(ctx.settings.buildContexts, image) !== undefined) return;
  const registry = splitImageReference(image).registry;
  if (!ctx.settings.trustedRegistries.some((pattern) => matches(pattern, registry)))
    ctx.report(at, "untrusted", written, registry);
}

function matches(pattern: string, registry: string): boolean {
  const p = pattern.toLowerCase();
  if (p === "*") return true;
  if (p.startsWith("*.")) return registry.endsWith(p.slice(1));
  if (p.endsWith(".*")) return registry.startsWith(p.slice(0, -1));
  if (p === "docker.io" || p === "index.docker.io" || p === "registry-1.docker.io") {
    return registry === "docker.io" || registry === "index.docker.io" || registry === "registry-1.docker.io";
  }
  return registry === p;
}
