import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-root-user",
  title: "Do not leave the final image running as root",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3002",
    trivy: "DS-0002",
    checkov: "CKV_DOCKER_8",
    kics: "67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae",
    semgrep: "last-user-is-root",
  },
  security: "high",
  docs: {
    rationale:
      "A container that runs as root gives an attacker who breaks into the process root inside the container, which makes escaping it or damaging mounted volumes easier. " +
      "Switch to an unprivileged user after the steps that need root.",
    limitations:
      "Only the user the final image runs with is checked: the last `USER` of the last stage, or of the stage it is built `FROM` when it has none. " +
      "A user given by a variable is read as the build sets it (`ENV ADMIN=root` then `USER $ADMIN` is root); one a build argument sets is the build's, and is not reported. " +
      "When no stage sets a USER, the base image's own USER counts if its config is given (`hull lint --resolve` or `--image-config`); an image that sets none runs as root implicitly, which is `no-implicit-root-user`'s finding.",
    hadolintDifferences:
      "a `USER root` at the end of a build stage is not reported, since that stage becomes no image of the build (only `--target` could make it one); hadolint checks every stage, which its users report as false positives in multi-stage builds.",
    bad: [
      `FROM debian:12
RUN useradd app
USER app
RUN make
USER root
`,
    ],
    good: [
      `FROM debian:12
USER root
RUN apt-get update
USER app
`,
      `FROM node:22 AS build
USER root
RUN make
FROM node:22
USER node
`,
    ],
  },
  messages: {
    root: (user: string) => `The final image runs as '${user}'; switch to an unprivileged USER at the end.`,
    inheritedRoot: (image: string, user: string) =>
      `The final image runs as '${user}', the USER of the base image '${image}'; switch to an unprivileged USER at the end.`,
  },
  visitor: {
    "Dockerfile:exit"(ast, ctx) {
      const last = ast.stages[ast.stages.length - 1];
      if (!last) return;
      const user = ctx.semantic.lastOf(last, "User");
      if (!user) {
        const inherited = ctx.baseImage(last)?.config.User;
        if (inherited && isRoot(inherited) && last.from.image)
          ctx.report(
            last.from.image,
            "inheritedRoot",
            ctx.semantic.baseName(ctx.semantic.rootOf(last)) ?? "",
            inherited,
          );
        return;
      }
      if (!user.value) return;
      // As the build sets it (`USER "$ADMIN"` after `ENV ADMIN=root`); a build argument's value is the build's.
      const value = ctx.semantic.valueBefore(user, user.value.value);
      if (value !== null && isRoot(value)) ctx.report(user.value, "root", value);
    },
  },
});

/** True for `root` and uid 0, with or without a group. */
function isRoot(user: string): boolean {
  const name = user.split(":")[0]!;
  return name === "root" || name === "0";
}
