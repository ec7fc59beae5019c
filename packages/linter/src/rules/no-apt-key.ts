import { defineRule } from "../rule.js";
import { commandWord } from "../shell/lexer.js";
import { runShell, scriptRange } from "../shell/run.js";
import { aptKeyStatus } from "../shell/tools/apt.js";

export default defineRule({
  id: "no-apt-key",
  title: "Use a signed-by keyring instead of apt-key",
  severity: "warning",
  fixable: false,
  docs: {
    rationale:
      "`apt-key add` puts a repository's key in the keyring apt trusts for every repository, so that key may sign packages that replace Debian's own. " +
      "apt has deprecated the command since Debian 11 and Ubuntu 22.04, and apt 2.9.15 removed it: in Debian 13 (trixie, `debian:stable` since August 2025) and Ubuntu 25.04 it does not exist, and the RUN fails with `apt-key: not found`. " +
      "The official images of most languages (`python`, `node`, `golang`, `ruby`) moved to Debian 13 in their current tags, so a Dockerfile that built last year breaks on its next pull. " +
      "Save the key to its own file in `/etc/apt/keyrings` (de-armored with `gpg --dearmor`, or as an `.asc` file) and name it in the source: " +
      "`deb [signed-by=/etc/apt/keyrings/example.gpg] https://…`, which apt has read since 1.1.",
    limitations:
      "The image's release is read from its name (`debian:12`, `ubuntu:24.04`, `python:3.13-slim-trixie`); where the name says a release older than the deprecation (Debian 10, Ubuntu 20.04), nothing is reported. " +
      "Where it says none (`node:22`), the finding says apt-key is deprecated, though current tags of such images are already on Debian 13.",
    bad: [
      `FROM debian:12
RUN curl -fsSL https://example.com/key.asc | apt-key add - \\
 && echo "deb https://example.com/apt stable main" > /etc/apt/sources.list.d/example.list
`,
    ],
    good: [
      `FROM debian:12
RUN curl -fsSL https://example.com/key.asc -o /etc/apt/keyrings/example.asc \\
 && echo "deb [signed-by=/etc/apt/keyrings/example.asc] https://example.com/apt stable main" > /etc/apt/sources.list.d/example.list
`,
      {
        description: "An image older than the deprecation: apt-key is its way of adding a key.",
        code: `FROM ubuntu:20.04
RUN curl -fsSL https://example.com/key.asc | apt-key add -
`,
      },
    ],
  },
  messages: {
    removed: (image: string) =>
      `apt-key is not in the apt of '${image}' (apt 2.9.15 removed it), so this RUN fails; save the key to /etc/apt/keyrings and name it with signed-by in the source.`,
    deprecatedOwnKeyring: () =>
      "apt-key is deprecated and is gone from Debian 13 and Ubuntu 25.04; write the keyring with gpg --dearmor (or save the key as an .asc file) instead.",
    deprecated: () =>
      "apt-key is deprecated, trusts the key for every repository, and is gone from Debian 13 and Ubuntu 25.04; save the key to /etc/apt/keyrings and name it with signed-by in the source.",
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      if (!shell.script.includes("apt-key")) return;
      const command = shell.commands.find((c) => c.base === "apt-key");
      const word = command && commandWord(command);
      if (!word) return;
      const stage = ctx.isTrigger(node) ? null : ctx.semantic.stageOf(node);
      const image = stage ? ctx.semantic.finalScope(stage).baseImage : null;
      const status = image === null ? null : aptKeyStatus(image);
      if (status === "old") return;
      const at = scriptRange(ctx, shell, word);
      // `apt-key --keyring /usr/share/keyrings/x.gpg add` writes a keyring of its own, which signed-by may name.
      const ownKeyring = command.args.some(
        (a) => a.value === "--keyring" || a.value.startsWith("--keyring="),
      );
      if (status === "removed") ctx.report(at, "removed", image!);
      else ctx.report(at, ownKeyring ? "deprecatedOwnKeyring" : "deprecated");
    },
  },
});
