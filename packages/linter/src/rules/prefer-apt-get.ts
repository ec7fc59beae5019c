import { defineRule } from "../rule.js";
import { commandWord } from "../shell/lexer.js";
import { runShell, scriptRange } from "../shell/run.js";
import { aptCommands } from "../shell/tools/apt.js";

/** apt's verbs that neither apt-get nor apt-cache has. */
const aptOnlyVerbs: ReadonlySet<string> = new Set(["modernize-sources", "edit-sources"]);

export default defineRule({
  id: "prefer-apt-get",
  title: "Use apt-get or apt-cache instead of apt",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3027", checkov: "CKV_DOCKER_9", semgrep: "prefer-apt-get" },
  docs: {
    rationale:
      "`apt` is the command-line front end meant for people at a terminal: its output and behaviour may change between releases, and it warns that it has no stable interface for scripts. " +
      "In a Dockerfile, use `apt-get` (install, update, remove) or `apt-cache` (search, show), whose interfaces are stable.",
    limitations: "What only `apt` does (`apt modernize-sources`, `apt edit-sources`) is not reported.",
    bad: [
      `FROM debian:12
RUN apt update && apt install -y curl
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    ],
  },
  messages: {
    apt: () => "'apt' has no stable interface for scripts; use apt-get or apt-cache.",
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const { command, verb } of aptCommands(shell.commands, "apt")) {
        // What only apt does (`apt modernize-sources`, apt 3.0) has no apt-get to move to.
        if (verb !== undefined && aptOnlyVerbs.has(verb.value)) continue;
        const word = commandWord(command)!;
        ctx.report(scriptRange(ctx, shell, word), "apt");
      }
    },
  },
});
