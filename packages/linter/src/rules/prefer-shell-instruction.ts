import { defineRule } from "../rule.js";
import { binShOf } from "../shell/dialect.js";
import { basename } from "../shell/lexer.js";
import { hasFlag, operands } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";
import { lnOptions } from "../shell/tools/coreutils.js";

export default defineRule({
  id: "prefer-shell-instruction",
  title: "Change the shell with SHELL, not by replacing /bin/sh",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL4005", semgrep: "use-shell-instruction" },
  docs: {
    rationale:
      "Replacing `/bin/sh` with a link to another shell (`ln -sf /bin/bash /bin/sh`) changes the shell of every later `RUN` without saying so, and also changes it for every script in the running container that asks for `/bin/sh`. " +
      "The `SHELL` instruction changes the shell that runs `RUN`, `CMD` and `ENTRYPOINT` in shell form, visibly and without touching the image's files.",
    limitations:
      "Only a forced link (`ln -sf`, or `ln` after `rm /bin/sh`) whose name is `/bin/sh` (or `/usr/bin/sh`) and whose target is neither another `sh` nor the shell the image's `/bin/sh` already is (dash on Debian and Ubuntu) is reported.",
    hadolintDifferences:
      "hadolint reports any `ln` that mentions `/bin/sh`, also links that point to it (`ln -s /bin/sh /usr/local/bin/sh`) and `ln -s /busybox/sh /bin/sh`, which provides a `/bin/sh` in images that have none (distroless `debug`, scratch); those do not replace the shell, so they are not reported.",
    bad: [
      `FROM debian:12
RUN ln -sf /bin/bash /bin/sh
`,
    ],
    good: [
      `FROM debian:12
SHELL ["/bin/bash", "-c"]
RUN echo "$BASH_VERSION"
`,
      `FROM debian:12
RUN ln -s /bin/sh /usr/local/bin/posix-sh
`,
      `FROM gcr.io/distroless/static:debug
SHELL ["/busybox/sh", "-c"]
RUN ln -s /busybox/sh /bin/sh
`,
    ],
  },
  messages: {
    replaced: (path: string) =>
      `Linking ${path} to another shell changes every later RUN and the container's scripts; use SHELL instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      if (!shell.commands.some((c) => c.base === "ln")) return;
      let removed = false;
      for (const command of shell.commands) {
        if (command.base === "rm" && operands(command).some((w) => isSh(w.value))) removed = true;
        if (command.base !== "ln") continue;
        const args = operands(command, lnOptions);
        const link = args[args.length - 1];
        if (args.length < 2 || !link || !isSh(link.value)) continue;
        // Without -f, ln cannot replace an existing /bin/sh: it only provides a missing one (distroless, scratch).
        if (!removed && !hasFlag(command, "f", "force")) continue;
        // Pointing /bin/sh at another `sh` (`/busybox/sh`) does not change the shell.
        if (basename(args[0]!.value) === "sh") continue;
        // Nor does pointing it at the shell it already is (`ln -sf /bin/dash /bin/sh` on Debian or Ubuntu).
        if (basename(args[0]!.value) === binShOf(ctx.semantic, node)) continue;
        ctx.report(scriptRange(ctx, shell, link), "replaced", link.value);
      }
    },
  },
});

function isSh(path: string): boolean {
  return path === "/bin/sh" || path === "/usr/bin/sh";
}
