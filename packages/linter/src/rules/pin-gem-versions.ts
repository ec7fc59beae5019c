import { defineRule } from "../rule.js";
import { runShell, scriptCommands, scriptRange } from "../shell/run.js";
import { gemCommands } from "../shell/tools/gem.js";

export default defineRule({
  id: "pin-gem-versions",
  title: "Pin the versions of gems installed with gem install",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3028" },
  docs: {
    rationale:
      "`gem install bundler` installs the newest release on the day of the build, so two builds of the same Dockerfile can differ and a new major version can break the build. " +
      "Pin each gem with `name:version`, or pass `-v`/`--version`.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives. " +
      "hadolint takes the word after any option for that option's value; hull knows which of gem's options take one, so `gem install bundler:2.0.1 --use-system-libraries true` reports `true` (gem has no such option and stops there; a native extension's build options go after `--`, which hull reads as gem does).",
    bad: [
      `FROM ruby:3.3
RUN gem install bundler
`,
    ],
    good: [
      `FROM ruby:3.3
RUN gem install bundler:2.5.16
`,
      `FROM ruby:3.3
RUN gem install bundler -v 2.5.16
`,
    ],
  },
  messages: {
    unpinned: (gem: string) => `Gem '${gem}' is installed without a version; pin it with '${gem}:<version>'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const { command, verb, operands: gems } of gemCommands(scriptCommands(shell))) {
        if (command.args.some((a) => /^(?:-v|--version)(?:=|$)/.test(a.value) || /^-v\S/.test(a.value)))
          continue;
        if (verb?.value !== "install" && verb?.value !== "i") continue;
        for (const gem of gems) {
          if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(gem.value) || gem.value.endsWith(".gem")) continue;
          ctx.report(scriptRange(ctx, shell, gem), "unpinned", gem.value);
        }
      }
    },
  },
});
