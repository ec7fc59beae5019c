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
    sudoAs: (user: string) =>
      `Do not use sudo in a RUN; to run one command as '${user}', use \`runuser -u ${user} --\` (or \`su ${user} -c\`), which root has without sudo, or switch users with USER.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        if (!command.sudo) continue;
        const at = command.words.findIndex((w) => w.value === "sudo");
        if (at < 0) continue;
        const range = scriptRange(ctx, shell, command.words[at]!);
        // `sudo -u postgres psql …` in a RUN that needs root for its other commands: USER cannot do that part.
        const user = targetUser(command.words.slice(at + 1).map((w) => w.value));
        if (user === null) ctx.report(range, "sudo");
        else ctx.report(range, "sudoAs", user);
      }
    },
  },
});

/** The user of `sudo -u USER …` (`-uUSER`, `--user=USER`, `--user USER`) from the words after `sudo`, or null. */
function targetUser(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "-u" || w === "--user") return words[i + 1] ?? null;
    if (w.startsWith("--user=")) return w.slice("--user=".length);
    if (/^-u./.test(w)) return w.slice(2);
    if (!w.startsWith("-")) return null;
  }
  return null;
}
