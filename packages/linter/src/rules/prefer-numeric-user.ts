import { defineRule } from "../rule.js";

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
      "A user given by an ARG declared earlier is accepted. " +
      "Off by default, as the check is only useful where such policies apply.",
    bad: [
      `FROM alpine:3.20
RUN adduser -D -u 10001 app
USER app
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
    ],
  },
  messages: {
    named: (user: string) =>
      `USER '${user}' is a name; use its numeric UID so that runAsNonRoot can verify it.`,
  },
  state: () => ({ args: new Set<string>() }),
  visitor: {
    Stage(_stage, ctx) {
      ctx.state.args = new Set(
        ctx.ast.preamble.flatMap((n) => (n.type === "Arg" ? n.declarations.map((d) => d.name.value) : [])),
      );
    },
    Arg(node, ctx) {
      for (const d of node.declarations) ctx.state.args.add(d.name.value);
    },
    User(node, ctx) {
      if (!node.value) return;
      const user = node.value.value.split(":")[0]!;
      // Windows users (ContainerUser, ContainerAdministrator) have no numeric form.
      if (/^\d+$/.test(user) || /^Container(User|Administrator)$/i.test(user)) return;
      const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(user);
      if (variable && ctx.state.args.has(variable[1]!)) return;
      ctx.report(node.value, "named", user);
    },
  },
});
