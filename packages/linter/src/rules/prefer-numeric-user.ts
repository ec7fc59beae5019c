import type { User } from "@hull/parser";
import { defineRule } from "../rule.js";
import { isWindowsStage } from "../shell/dialect.js";

export default defineRule({
  id: "prefer-numeric-user",
  title: "Give USER a numeric UID",
  severity: "info",
  fixable: false,
  recommended: false,
  aliases: { hadolint: "DL3066" },
  docs: {
    rationale:
      "Kubernetes' `runAsNonRoot` can only verify a numeric user: with `USER app` it cannot tell that `app` is not root, and refuses or warns. " +
      "A numeric UID (optionally `UID:GID`) also works in images without `/etc/passwd`.",
    limitations:
      "Only the users images run as are checked: the last `USER` of the last stage, or of the stage it is built `FROM` when it has none, and the same for any other stage that no stage builds on or copies from (one `--target` can build). " +
      "A `USER` that switches users for the build steps after it is never seen by Kubernetes, and `root` is `no-root-user`'s finding. " +
      "A Windows stage (by its base image's name, a Windows shell or `USER ContainerUser`) is not checked: Windows users have no numeric ID. " +
      "The user is read as the build sets it, quotes removed and variables expanded: a variable set by an ENV of the file is checked by its value, and one that a build argument, the base image or nothing sets is not known, so it is accepted. " +
      "Off by default, as the check is only useful where such policies apply.",
    hadolintDifferences:
      "hadolint reports every `USER` with a name, in every stage and `root` too; hull reports only those images run as, unless it is `root`.",
    bad: [
      `FROM alpine:3.20
RUN adduser -D -u 10001 app
USER app
`,
      `FROM alpine:3.20 AS base
RUN adduser -D -u 10001 app
USER app
FROM base
RUN echo built
`,
    ],
    good: [
      `FROM alpine:3.20
RUN adduser -D -u 10001 app
USER 10001
`,
      `FROM alpine:3.20
USER 10001:10001
`,
      `FROM alpine:3.20
ARG UID=10001
USER $UID
`,
      `FROM alpine:3.20
USER root
RUN apk add --no-cache curl
USER 10001
`,
    ],
  },
  messages: {
    named: (user: string) =>
      `USER '${user}' is a name; use its numeric UID so that runAsNonRoot can verify it.`,
    namedVariable: (user: string, name: string) =>
      `USER '${user}' is the name '${name}'; use its numeric UID so that runAsNonRoot can verify it.`,
  },
  visitor: {
    "Dockerfile:exit"(ast, ctx) {
      const { semantic } = ctx;
      // The images the file can build: the last stage, and any stage no other stage builds on or copies from
      // (a `--target`). Each runs as its last USER, or its base stage's; stages may share one.
      const users = new Set<User>();
      for (const stage of ast.stages) {
        if (stage.index !== ast.stages.length - 1 && semantic.isUsed(stage)) continue;
        const user = semantic.lastOf(stage, "User");
        if (user) users.add(user);
      }
      for (const user of users) {
        if (!user.value) continue;
        const written = user.value.value;
        // A build argument's value is the build's; a variable the base image may set, or nothing sets, is not
        // known here (undefined-var reports the latter).
        const value = semantic.valueBefore(user, written);
        if (value === null) continue;
        const name = value.split(":")[0]!;
        // Windows users have no numeric form (Kubernetes checks runAsNonRoot on Windows by the name).
        if (/^\d+$/.test(name) || name === "root" || /^Container(User|Administrator)$/i.test(name)) continue;
        const stage = semantic.stageOf(user);
        if (stage && isWindowsStage(semantic, stage)) continue;
        if (value === written) ctx.report(user.value, "named", name);
        else ctx.report(user.value, "namedVariable", written, name);
      }
    },
  },
});
