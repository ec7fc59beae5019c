import type { Cmd, Entrypoint, Stage } from "@hull/parser";
import { defineRule } from "../rule.js";

/** What a stage's image runs, as far as the file shows it. */
interface RunConfig {
  cmd: Cmd | null;
  entrypoint: Entrypoint | null;
}

export default defineRule({
  id: "cmd-overridden",
  title: "Write CMD and ENTRYPOINT so that they survive `docker run IMAGE ARGS`",
  severity: "warning",
  fixable: false,
  docs: {
    seeAlso: ["no-multiple-instructions"],
    rationale:
      "The image's command is ENTRYPOINT followed by CMD, and `docker run IMAGE ARGS` replaces CMD with ARGS. " +
      'A shell-form ENTRYPOINT runs as `/bin/sh -c "…"`, which ignores CMD and the run arguments. ' +
      'A shell-form CMD under an exec-form ENTRYPOINT reaches the entrypoint as the three arguments `/bin/sh -c "…"`. ' +
      "And setting ENTRYPOINT clears the CMD inherited from the base stage unless the stage sets CMD again.",
    bad: [
      `FROM alpine:3.20
ENTRYPOINT /usr/bin/app --serve
`,
      `FROM alpine:3.20
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD nginx -g "daemon off;"
`,
      `FROM alpine:3.20 AS base
CMD ["serve"]

FROM base
ENTRYPOINT ["/usr/bin/app"]
`,
    ],
    good: [
      `FROM alpine:3.20
ENTRYPOINT ["/usr/bin/app"]
CMD ["--serve"]
`,
      `FROM alpine:3.20 AS base
CMD ["serve"]

FROM base
ENTRYPOINT ["/usr/bin/app"]
CMD ["serve"]
`,
    ],
  },
  messages: {
    shellEntrypoint: (cmdLine: number | null) =>
      'A shell-form ENTRYPOINT runs as `/bin/sh -c "…"`, which ignores `docker run` arguments' +
      (cmdLine === null ? "" : ` and the CMD on line ${cmdLine}`) +
      '; write it in exec form (`ENTRYPOINT ["…"]`).',
    shellCmd: (entrypointLine: number, inherited: string | null) =>
      `This shell-form CMD reaches the exec-form ENTRYPOINT on line ${entrypointLine}` +
      (inherited === null ? "" : ` (inherited from stage '${inherited}')`) +
      ' as the arguments `/bin/sh -c "…"`; write it in exec form (`CMD ["…"]`).',
    droppedCmd: (base: string, cmdLine: number) =>
      `This ENTRYPOINT clears the CMD inherited from stage '${base}' (line ${cmdLine}); set CMD again in this stage if the entrypoint needs it.`,
  },
  create(ctx) {
    const configs = new Map<Stage, { name: string; config: RunConfig }>();

    /** The run config of the earlier stage this one builds on, or null when the base is an image (unknown). */
    const baseOf = (stage: Stage): { name: string; config: RunConfig } | null => {
      const base = ctx.semantic.baseOf(stage);
      return base ? (configs.get(base) ?? null) : null;
    };

    return {
      "Stage:exit"(stage) {
        const cmds = stage.instructions.filter((i): i is Cmd => i.type === "Cmd");
        const entrypoints = stage.instructions.filter((i): i is Entrypoint => i.type === "Entrypoint");
        const cmd = cmds.at(-1) ?? null;
        const entrypoint = entrypoints.at(-1) ?? null;
        // An earlier CMD or ENTRYPOINT of the stage is no-multiple-instructions' finding.

        const base = baseOf(stage);
        const effectiveEntrypoint = entrypoint ?? base?.config.entrypoint ?? null;
        // BuildKit clears the inherited CMD when a stage sets ENTRYPOINT without setting CMD.
        const effectiveCmd = cmd ?? (entrypoint ? null : (base?.config.cmd ?? null));

        // A templated argument (`{{ … }}`, `<%= … %>`) is rendered into some form we cannot see.
        const rendered = !templated(cmd) && !templated(entrypoint) && !templated(effectiveEntrypoint);
        if (rendered && entrypoint?.form === "shell" && !usesArguments(entrypoint.args[0]?.value ?? "")) {
          ctx.report(
            entrypoint.args[0] ?? entrypoint.keyword,
            "shellEntrypoint",
            cmd ? cmd.range.start.line : null,
          );
        }
        if (
          rendered &&
          cmd?.form === "shell" &&
          cmd.args[0] &&
          effectiveEntrypoint?.form === "exec" &&
          effectiveEntrypoint.args.length > 0
        ) {
          const inherited = entrypoint ? null : (base?.name ?? null);
          ctx.report(cmd.args[0], "shellCmd", effectiveEntrypoint.range.start.line, inherited);
        }
        const inheritedCmd = base?.config.cmd;
        if (rendered && entrypoint && !cmd && base && inheritedCmd && inheritedCmd.args.length > 0) {
          ctx.report(entrypoint.keyword, "droppedCmd", base.name, inheritedCmd.range.start.line);
        }

        if (stage.name !== null) {
          configs.set(stage, {
            name: stage.name,
            config: { cmd: effectiveCmd, entrypoint: effectiveEntrypoint },
          });
        }
      },
    };
  },
});

/** True when a shell-form script reads its positional parameters, so that CMD and run arguments do reach it. */
function usesArguments(script: string): boolean {
  return /\$(?:[@*#0-9]|\{[@*#0-9])/.test(script);
}

function templated(node: Cmd | Entrypoint | null): boolean {
  return node !== null && node.args.some((a) => /\{\{|\{%|<%/.test(a.value));
}
