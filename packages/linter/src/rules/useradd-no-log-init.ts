import { defineRule } from "../rule.js";
import { commandWord } from "../shell/lexer.js";
import { hasFlag, optionValues } from "../shell/options.js";
import { runShell, scriptRange } from "../shell/run.js";

export default defineRule({
  id: "useradd-no-log-init",
  title: "Run useradd with -l when the UID is high",
  severity: "warning",
  fixable: "unsafe",
  aliases: { hadolint: "DL3046" },
  docs: {
    rationale:
      "`useradd` reserves a record for the new user in `/var/log/lastlog` and `/var/log/faillog` at the offset of its UID. " +
      "On disk the files are sparse, but image layers store them in full, so a UID such as 123456789 adds gigabytes of zeros to the image. " +
      "`useradd -l` (`--no-log-init`) skips those records.",
    limitations:
      "The rule reports numeric UIDs of six digits or more; a UID given by a variable is not reported.",
    hadolintDifferences:
      "hadolint measures the length of the text after `-u`, so `-u ${USER_ID}` counts as a long UID; hull does not guess a variable's value.",
    bad: [
      `FROM debian:12
RUN useradd -u 1000000 app
`,
    ],
    good: [
      `FROM debian:12
RUN useradd -l -u 1000000 app
`,
      `FROM debian:12
RUN useradd --uid 10001 --create-home app
`,
    ],
  },
  messages: {
    logInit: (uid: string) =>
      `UID ${uid} makes useradd write large lastlog and faillog files into the layer; add -l (--no-log-init).`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const command of shell.commands) {
        if (command.base !== "useradd" || hasFlag(command, "l", "no-log-init")) continue;
        const uid = optionValues(command, "u", "uid").find((v) => /^\d{6,}$/.test(v.value));
        if (!uid) continue;
        const name = commandWord(command)!;
        const [, end] = shell.span(name.start, name.end);
        const exact = node.form === "shell" && ctx.source.slice(end - name.raw.length, end) === name.raw;
        ctx.report(
          {
            at: scriptRange(ctx, shell, uid),
            fix: exact ? { range: ctx.rangeOf(end, end), text: " -l" } : undefined,
          },
          "logInit",
          uid.value,
        );
      }
    },
  },
});
