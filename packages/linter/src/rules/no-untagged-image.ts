import {
  mayBeForeignStage,
  imageReferenceProblem,
  isOfficialImage,
  namedContextKey,
  splitImageReference,
  type SemanticModel,
} from "@hull/parser";
import { defineRule } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

export default defineRule({
  id: "no-untagged-image",
  title: "Give base images an explicit tag",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3006",
    trivy: "DS-0001",
    checkov: "CKV_DOCKER_7",
    kics: "9efb0b2d-89c9-41a3-91ca-dcc0aec911fd",
    semgrep: "missing-image-version",
  },
  security: "medium",
  docs: {
    rationale:
      "An image without a tag means `latest`, which changes whenever the image is republished: the build is not reproducible and can break without any change to the Dockerfile. " +
      "Name the version you tested with, or pin a digest.",
    limitations:
      "`scratch`, earlier stages, references BuildKit cannot parse (`invalid-image-reference`) and images given by an `ARG` without a default are not checked, unless the variable is only the registry or a folder: `FROM ${REGISTRY}/app` has no tag whatever `REGISTRY` holds. An `ARG` default is checked as if it were written in place. " +
      "A bare name that no official image has (`FROM base`) is reported with a message that says it may be a named build context, as bake files pass them: name it with `--build-context` (or the config's `buildContexts`) and it is not reported. " +
      "It is not reported either when the `# syntax=` directive names another frontend and the file uses instructions hull does not know (`INCLUDE`), which may define a stage of that name.",
    bad: [
      "FROM debian\n",
      `ARG BASE=python
FROM $BASE
`,
    ],
    good: [
      "FROM debian:bookworm-slim\n",
      "FROM debian@sha256:0ee9e4ee1bc4c4f0ad5ac0a3c3d1c7b6c0a1e8d6f7b5e6a1d2c3b4a596877869\n",
      `FROM golang:1.23 AS build
FROM build
`,
      "FROM scratch\n",
    ],
    seeAlso: ["no-latest-tag"],
  },
  messages: {
    untagged: (image: string) => `Image '${image}' has no tag, so it means 'latest'; name a version.`,
    untaggedUnofficial: (image: string) =>
      `No earlier stage or official image is named '${image}': if the build passes a build context of that name, tell hull (--build-context ${image}=…); otherwise it means the image '${image}:latest', so name a version.`,
    untaggedFromArg: (image: string, resolved: string) =>
      `Image '${image}' resolves to '${resolved}', which has no tag, so it means 'latest'; name a version.`,
    untaggedWhateverArg: (image: string, name: string) =>
      `Image '${image}' has no tag whatever its variables hold ('${name}' is the last part), so it means 'latest'; name a version.`,
  },
  visitor: {
    From(node, ctx) {
      const image = node.image;
      const stage = ctx.currentStage();
      // An earlier stage is no image to tag.
      if (ctx.isTrigger(node) || !image || stage === null || ctx.semantic.baseOf(stage) !== null) return;
      const written = image.value;
      const resolved = untagged(ctx.semantic, written);
      // A named build context stands in for the image: nothing is pulled.
      if (resolved !== null && namedContextKey(ctx.settings.buildContexts, resolved) !== undefined) return;
      // A bare name no official image has (`FROM base`) is most often a context that a bake file or
      // `--build-context` passes; else an image built and tagged locally.
      if (resolved !== null && !resolved.includes("/") && !isOfficialImage(resolved)) {
        // Under another frontend's instructions (`INCLUDE` of dockerfile-x), it may be a stage they define.
        if (!mayBeForeignStage(ctx.semantic.ast, resolved)) ctx.report(image, "untaggedUnofficial", resolved);
      }
      // Without a variable, only quotes come off (`FROM "node"`): the name as it resolves is the one to show.
      else if (resolved !== null && !written.includes("$")) ctx.report(image, "untagged", resolved);
      else if (resolved !== null) ctx.report(image, "untaggedFromArg", written, resolved);
      else {
        const found = untaggedLastPart(written);
        if (found !== null) ctx.report(image, "untaggedWhateverArg", found.image, found.name);
      }
    },
  },
});

/**
 * The image `written` names, global ARGs filled in, when it has neither tag nor digest; null when it has one, is
 * `scratch`, is no valid reference (invalid-image-reference's finding: `FROM REPLACE-ME`), or cannot be resolved.
 */
function untagged(semantic: SemanticModel, written: string): string | null {
  const resolved = semantic.resolveImage(written);
  if (resolved === null || resolved.toLowerCase() === "scratch") return null;
  if (imageReferenceProblem(resolved) !== null) return null;
  const { tag, digest } = splitImageReference(resolved);
  if (tag !== null || digest !== null) return null;
  return resolved;
}

/**
 * The last part of a reference whose variables all come before its last `/` (`${REGISTRY}/app`, `gcr.io/$PROJECT/app`)
 * when that part is a name with neither tag nor digest (such a reference has no tag whatever the variables hold),
 * with the reference as written, quotes off. Null otherwise, and for a last part that is no valid name (invalid-image-reference's finding once resolved).
 */
function untaggedLastPart(written: string): { image: string; name: string } | null {
  const text = unquote(written);
  const slash = text.lastIndexOf("/");
  if (slash < 0 || !text.slice(0, slash).includes("$")) return null;
  const last = text.slice(slash + 1);
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(last) ? { image: text, name: last } : null;
}
