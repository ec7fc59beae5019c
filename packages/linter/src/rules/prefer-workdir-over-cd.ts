import { defineRule } from "../rule.js";
import { commandWord, findCommands, runShell } from "../shell/shell.js";

export default defineRule({
  id: "prefer-workdir-over-cd",
  title: "Use WORKDIR instead of cd to change directory",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3003", trivy: "DS-0013", semgrep: "use-workdir" },
  docs: {
    rationale:
      "A `cd` in a `RUN` only lasts until the end of that `RUN`, so the next instruction silently runs in the old directory again, and readers have to track the directory through every script. " +
      "`WORKDIR` sets the directory for all following instructions (and creates it), which is explicit and does not need repeating. " +
      "Reported once per `RUN`, at its first `cd`.",
    bad: ["FROM golang:1.23\nCOPY . /src\nRUN cd /src && go build ./...\n"],
    good: ["FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n"],
  },
  messages: {
    cd: () => "Use WORKDIR to change directory; a cd lasts only until the end of this RUN.",
  },
  create(ctx) {
    return {
      Run(node) {
        // hadolint does not check ONBUILD triggers for this rule.
        if (ctx.isTrigger(node)) return;
        const shell = runShell(node);
        const [cd] = findCommands(shell.commands, "cd");
        if (!cd) return;
        const word = commandWord(cd)!;
        ctx.report(ctx.rangeOf(...shell.span(word.start, word.end)), "cd");
      },
    };
  },
});
