import { splitImageReference } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-latest-tag",
  title: "Do not build on the `latest` tag",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3007",
    trivy: "DS-0001",
    checkov: "CKV_DOCKER_7",
    kics: "f45ea400-6bbe-4501-9fc7-1c3d75c32067",
    semgrep: "avoid-latest-version",
  },
  security: "medium",
  docs: {
    rationale:
      "`latest` is whatever the image's maintainers pushed last, so the same Dockerfile builds a different image from one day to the next, and a rebuild can break without any change on your side. " +
      "Name the version you tested with; add a digest (`@sha256:…`) to pin it exactly.",
    limitations: "A tag that comes from an `ARG` default is checked too.",
    bad: [
      "FROM node:latest\n",
      `ARG TAG=latest
FROM python:\${TAG}
`,
    ],
    good: [
      "FROM node:22-bookworm\n",
      "FROM node:latest@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
    ],
    seeAlso: ["no-untagged-image"],
  },
  messages: {
    latest: (image: string) => `Image '${image}' uses the 'latest' tag; name a version instead.`,
    latestFromArg: (image: string, resolved: string) =>
      `Image '${image}' resolves to '${resolved}', which uses the 'latest' tag; name a version instead.`,
  },
  visitor: {
    From(node, ctx) {
      if (!node.image || ctx.isTrigger(node)) return;
      const written = node.image.value;
      if (!written.includes("$")) {
        const ref = splitImageReference(written);
        if (ref.tag !== "latest" || ref.digest !== null) return;
        const start = node.image.range.start.offset;
        const exact = node.image.range.end.offset - start === written.length;
        const at = exact
          ? ctx.rangeOf(start + ref.tagStart, start + ref.tagStart + ref.tag.length)
          : node.image;
        ctx.report(at, "latest", written);
        return;
      }
      const resolved = ctx.semantic.resolveImage(node.image.value);
      if (resolved === null) return;
      const ref = splitImageReference(resolved);
      if (ref.tag === "latest" && ref.digest === null)
        ctx.report(node.image, "latestFromArg", written, resolved);
    },
  },
});
