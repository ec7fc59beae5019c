import type { PlanImage } from "./model.js";

/** The process `docker run IMAGE [ARGS…]` starts, as far as the plan can tell. */
export interface ContainerRun {
  /** ENTRYPOINT followed by ARGS, or by CMD when no ARGS are given. Unknown inherited parts appear as `<…>` placeholders. */
  readonly argv: readonly string[];
  /** False when part of the argv comes from a base image config the planner cannot see. */
  readonly complete: boolean;
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  /** Set when Docker would refuse to start: no ENTRYPOINT, no CMD and no ARGS. */
  readonly error: string | null;
  readonly notes: readonly string[];
}

/** Computes the container argv for `docker run IMAGE ARGS…`: ENTRYPOINT + (ARGS or CMD), exec and shell forms already resolved. */
export function containerArgv(image: PlanImage, args: readonly string[] = []): ContainerRun {
  const notes: string[] = [];
  const base = image.baseImage ?? "the base image";
  const unknownEntrypoint = image.unknown.includes("Entrypoint") && image.config.Entrypoint === null;
  const unknownCmd = image.unknown.includes("Cmd") && image.config.Cmd === null;
  const entrypoint: string[] = image.config.Entrypoint
    ? [...image.config.Entrypoint]
    : unknownEntrypoint
      ? [`<ENTRYPOINT of ${base}>`]
      : [];
  if (unknownEntrypoint)
    notes.push(`ENTRYPOINT is inherited from ${base}, whose config the planner cannot see`);
  let tail: string[];
  let usesUnknownCmd = false;
  if (args.length > 0) {
    tail = [...args];
    notes.push("the arguments replace CMD");
  } else if (image.config.Cmd) {
    tail = [...image.config.Cmd];
  } else if (unknownCmd) {
    tail = [`<CMD of ${base}>`];
    usesUnknownCmd = true;
    notes.push(`CMD is inherited from ${base}, whose config the planner cannot see`);
  } else {
    tail = [];
  }
  const argv = [...entrypoint, ...tail];
  const complete = !unknownEntrypoint && !usesUnknownCmd;
  const error =
    argv.length === 0
      ? "no command specified: the image has no ENTRYPOINT or CMD and no arguments were given"
      : null;
  return { argv, complete, entrypoint: image.config.Entrypoint, cmd: image.config.Cmd, error, notes };
}
