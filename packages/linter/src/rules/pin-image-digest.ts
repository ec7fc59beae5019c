import { imageReferenceProblem, isOfficialImage, mayBeForeignStage, namedContextKey } from "@hull/parser";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "pin-image-digest",
  title: "Pin base images by digest",
  severity: "info",
  recommended: false,
  fixable: false,
  aliases: { semgrep: "dockerfile-source-not-pinned" },
  security: "low",
  docs: {
    rationale:
      "A tag can be moved to another image at any time, by the publisher or by whoever gets hold of the registry account, so `FROM node:22-slim` builds on whatever the tag points to that day. " +
      "A digest (`FROM node:22-slim@sha256:…`) names exactly one image: builds are reproducible and a replaced image is noticed. " +
      "The cost is that security fixes to the base image arrive only when the digest is updated, so use a tool that proposes updates (Renovate, Dependabot). " +
      "That trade-off is why the rule is off by default; the `security` preset turns it on.",
    limitations:
      "`scratch`, earlier stages and images given by an `ARG` without a default are not checked. " +
      "Nor is a bare name that no official image has (`FROM runtime`) when the `# syntax=` directive names another frontend and the file uses instructions hull does not know (`INCLUDE`), which may define a stage of that name.",
    bad: ["FROM node:22-slim\n"],
    good: [
      "FROM node:22-slim@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
      `FROM golang:1.23@sha256:1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d AS build
FROM build
`,
      "FROM scratch\n",
    ],
    seeAlso: ["no-latest-tag", "no-untagged-image"],
  },
  messages: {
    notPinned: (image: string) =>
      `Image '${image}' is not pinned by digest, so its tag may point to another image tomorrow; add @sha256:….`,
    maybeContext: (image: string) =>
      `No earlier stage or official image is named '${image}': if it is an image, pin it by digest (@sha256:…); if the build passes a build context of that name, tell hull (--build-context ${image}=…).`,
  },
  state: () => ({ stages: new Set<string>() }),
  visitor: {
    From(node, ctx) {
      if (ctx.isTrigger(node)) return;
      const word = node.image;
      const { stages } = ctx.state;
      if (node.stageName) stages.add(node.stageName.value.toLowerCase());
      if (!word) return;
      const resolved = ctx.semantic.resolveImage(word.value);
      if (resolved === null) return;
      const lower = resolved.toLowerCase();
      if (lower === "scratch" || stages.has(lower) || resolved.includes("@")) return;
      // A name that is no valid reference once expanded (`base:` from a template's masked markup) cannot be
      // pinned as written; the reference rules report what is wrong with it.
      if (imageReferenceProblem(resolved) !== null) return;
      // A named build context stands in for the image: nothing is pulled.
      if (namedContextKey(ctx.settings.buildContexts, resolved) !== undefined) return;
      // A bare name no official image has (`FROM wheels`) is most often a context a bake file passes.
      if (!/[/:]/.test(resolved) && !isOfficialImage(resolved)) {
        // Under another frontend's instructions (`INCLUDE` of dockerfile-x), it may be a stage they define.
        if (!mayBeForeignStage(ctx.semantic.ast, resolved)) ctx.report(word, "maybeContext", resolved);
      } else ctx.report(word, "notPinned", resolved);
    },
  },
});
