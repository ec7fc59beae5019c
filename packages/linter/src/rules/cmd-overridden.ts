import type { Cmd, Entrypoint, Instruction, SemanticModel, Stage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { activeShell } from "../shell/dialect.js";
import { basename, shellNames } from "../shell/lexer.js";
import { runsArgumentsAsCommand } from "../shell/tools/launchers.js";
import { execArgv } from "./utils/instruction-text.js";

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
    limitations:
      "An ENTRYPOINT inherited from a base image is only known when its config is given (`hull lint --resolve` or `--image-config`); then a shell-form CMD under it, and a CMD that its `sh -c` entrypoint never reads, are reported too. " +
      "A CMD inherited from a base image is not reported as cleared: an ENTRYPOINT is usually meant to replace the image's default command. " +
      "A shell-form CMD under an init or a user switcher that runs its arguments as a command (`tini`, `dumb-init`, `catatonit`, `gosu`, `su-exec`, s6-overlay's `/init`) is not reported: it runs `/bin/sh -c \"…\"`, which expands the CMD's variables as meant. " +
      'Nor is a shell-form CMD that needs a shell (a variable, an operator, a quote) under an entrypoint script (`docker-entrypoint.sh`), which is not seen but as a rule ends in `exec "$@"`; a CMD of plain words under one is still reported, since the exec form runs the same and the script\'s tests of `$1` then see the program.',
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
    shellEntrypoint: (cmdLine: number | null, shell: string) =>
      `A shell-form ENTRYPOINT runs as \`${shell} "…"\`, which ignores \`docker run\` arguments` +
      (cmdLine === null ? "" : ` and the CMD on line ${cmdLine}`) +
      '; write it in exec form (`ENTRYPOINT ["…"]`).',
    shellCmd: (entrypointLine: number, inherited: string | null, shell: string) =>
      `This shell-form CMD reaches the exec-form ENTRYPOINT on line ${entrypointLine}` +
      (inherited === null ? "" : ` (inherited from stage '${inherited}')`) +
      ` as the arguments \`${shell} "…"\`; write it in exec form (\`CMD ["…"]\`).`,
    shellCmdUnderImage: (image: string, entrypoint: string, shell: string) =>
      `This shell-form CMD reaches the ENTRYPOINT ${entrypoint} of the base image '${image}' as the arguments \`${shell} "…"\`; write it in exec form (\`CMD ["…"]\`).`,
    ignoredCmd: (image: string, entrypoint: string) =>
      `This CMD is ignored: the ENTRYPOINT ${entrypoint} of the base image '${image}' runs a shell script that does not read its arguments; set ENTRYPOINT in this file.`,
    droppedCmd: (base: string, cmdLine: number) =>
      `This ENTRYPOINT clears the CMD inherited from stage '${base}' (line ${cmdLine}); set CMD again in this stage if the entrypoint needs it.`,
  },
  state: () => ({ configs: new Map<Stage, { name: string; config: RunConfig }>() }),
  visitor: {
    "Stage:exit"(stage, ctx) {
      const cmds = stage.instructions.filter((i): i is Cmd => i.type === "Cmd");
      const entrypoints = stage.instructions.filter((i): i is Entrypoint => i.type === "Entrypoint");
      const cmd = cmds.at(-1) ?? null;
      const entrypoint = entrypoints.at(-1) ?? null;
      // An earlier CMD or ENTRYPOINT of the stage is no-multiple-instructions' finding.

      const base = baseOf(stage, ctx.semantic, ctx.state.configs);
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
          shellText(ctx.semantic, entrypoint),
        );
      }
      if (
        rendered &&
        cmd?.form === "shell" &&
        cmd.args[0] &&
        effectiveEntrypoint?.form === "exec" &&
        effectiveEntrypoint.args.length > 0 &&
        !runsItsArguments(
          effectiveEntrypoint.args.map((a) => a.value),
          cmd,
        )
      ) {
        const inherited = entrypoint ? null : (base?.name ?? null);
        ctx.report(
          cmd.args[0],
          "shellCmd",
          effectiveEntrypoint.range.start.line,
          inherited,
          shellText(ctx.semantic, cmd),
        );
      }
      // No ENTRYPOINT in this file's chain of stages: the base image's own is in effect, when it is known.
      const imageEntrypoint = effectiveEntrypoint ? null : ctx.baseImage(stage)?.config.Entrypoint;
      if (rendered && cmd?.args[0] && imageEntrypoint && imageEntrypoint.length > 0) {
        const image = ctx.semantic.baseName(ctx.semantic.rootOf(stage)) ?? "";
        const shown = JSON.stringify(imageEntrypoint);
        const script = shellScript(imageEntrypoint);
        if (script !== null && !usesArguments(script)) ctx.report(cmd.args[0], "ignoredCmd", image, shown);
        else if (cmd.form === "shell" && script === null && !runsItsArguments(imageEntrypoint, cmd))
          ctx.report(cmd.args[0], "shellCmdUnderImage", image, shown, shellText(ctx.semantic, cmd));
      }
      const inheritedCmd = base?.config.cmd;
      if (rendered && entrypoint && !cmd && base && inheritedCmd && inheritedCmd.args.length > 0) {
        ctx.report(entrypoint.keyword, "droppedCmd", base.name, inheritedCmd.range.start.line);
      }

      if (stage.name !== null) {
        ctx.state.configs.set(stage, {
          name: stage.name,
          config: { cmd: effectiveCmd, entrypoint: effectiveEntrypoint },
        });
      }
    },
  },
});

/**
 * True when an exec-form ENTRYPOINT runs the shell-form `cmd` it receives as `/bin/sh -c "…"`, so that the shell
 * expands the CMD's variables and runs its operators as its author meant: an init or a user switcher that runs its
 * arguments as a command (`tini --`, `dumb-init`, `gosu app`, s6-overlay's `/init`), or an entrypoint script, which
 * as a rule ends in `exec "$@"` (the official images' `docker-entrypoint.sh`), under a CMD that needs a shell. A CMD
 * of plain words under a script is still reported: the exec form runs the same, and a script that tests `$1`
 * (`if [ "$1" = nginx ]`) sees the program's name only then.
 */
function runsItsArguments(argv: readonly string[], cmd: Cmd): boolean {
  if (runsArgumentsAsCommand(argv)) return true;
  const program = argv[0] ?? "";
  const name = basename(program);
  const script = shellNames.has(name) ? argv.slice(1).find((a) => !a.startsWith("-")) : program;
  return script !== undefined && entrypointScript.test(script) && execArgv(cmd) === null;
}

/** A script file, or a program named for being an image's entrypoint (`/usr/local/bin/docker-entrypoint`). */
const entrypointScript = /\.(?:sh|bash)$|entrypoint[^/]*$/i;

/** The run config of the earlier stage this one builds on, or null when the base is an image (unknown). */
function baseOf(
  stage: Stage,
  semantic: SemanticModel,
  configs: ReadonlyMap<Stage, { name: string; config: RunConfig }>,
): { name: string; config: RunConfig } | null {
  const base = semantic.baseOf(stage);
  return base ? (configs.get(base) ?? null) : null;
}

/** True when a shell-form script reads its positional parameters, so that CMD and run arguments do reach it. */
function usesArguments(script: string): boolean {
  return /\$(?:[@*#0-9]|\{[@*#0-9])/.test(script);
}

/** The script of an `sh -c SCRIPT` argv (any POSIX shell), or null for any other command. */
function shellScript(argv: readonly string[]): string | null {
  const program = basename(argv[0] ?? "");
  return shellNames.has(program) && argv[1] === "-c" && argv.length >= 3 ? argv[2]! : null;
}

function templated(node: Cmd | Entrypoint | null): boolean {
  return node !== null && node.args.some((a) => /\{\{|\{%|<%/.test(a.value));
}

/** The shell a shell-form CMD or ENTRYPOINT runs with, as the words it prepends (`/bin/sh -c`, `cmd /S /C`). */
function shellText(semantic: SemanticModel, node: Instruction): string {
  return activeShell(semantic, node).argv.join(" ");
}
