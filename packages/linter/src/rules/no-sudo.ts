import { defineRule } from "../rule.js";
import { runShell, scriptRange } from "../shell/run.js";

export default defineRule({
  id: "no-sudo",
  title: "Do not use sudo in RUN",
  severity: "error",
  fixable: false,
  aliases: {
    hadolint: "DL3004",
    trivy: "DS-0010",
    checkov: "CKV2_DOCKER_1",
    kics: "8ada6e80-0ade-439e-b176-0b28f6bce35a",
    semgrep: "no-sudo-in-dockerfile",
  },
  security: "high",
  docs: {
    rationale:
      "`sudo` needs a TTY and a password setup that build containers do not have, behaves unpredictably without them, and keeps a setuid-root binary in the image. " +
      "A `RUN` already runs as the current `USER`: switch with `USER root` for the steps that need it, and back to an unprivileged user afterwards " +
      "(use `gosu` or `su-exec` to drop privileges in an entrypoint).",
    bad: [
      `FROM debian:12
USER app
RUN sudo apt-get update
`,
    ],
    good: [
      `FROM debian:12
USER root
RUN apt-get update
USER app
`,
    ],
  },
  messages: {
    sudo: () => "Do not use sudo in a RUN; switch users with USER instead.",
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        if (!command.sudo) continue;
        const word = command.words.find((w) => w.value === "sudo");
        if (word) ctx.report(scriptRange(ctx, shell, word), "sudo");
      }
    },
  },
});
