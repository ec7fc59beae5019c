import type { PlanImage } from "./model.js";

/** Marks a part of the container's command that comes from a base image config the planner was not given. */
export const unknownFromBase = "unknown-from-base";

/** The process `docker run IMAGE [ARGS…]` starts, as far as the plan can tell. */
export interface ContainerRun {
  /**
   * ENTRYPOINT followed by ARGS, or by CMD when no ARGS are given, holding only known words: when `entrypoint`
   * is `unknown-from-base` the base image's ENTRYPOINT comes first, and when `cmd` is `unknown-from-base` (and
   * no ARGS were given) the base image's CMD follows.
   */
  readonly argv: readonly string[];
  /** The ARGS given after the image name, which replace CMD. */
  readonly args: readonly string[];
  /** True when `argv` is exactly what the container runs. */
  readonly complete: boolean;
  readonly entrypoint: readonly string[] | null | typeof unknownFromBase;
  readonly cmd: readonly string[] | null | typeof unknownFromBase;
  /** `unknown-from-base` when a shell form in the argv was wrapped in the default shell but the base's SHELL is unknown. */
  readonly shell: typeof unknownFromBase | null;
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
  const entrypoint = image.config.Entrypoint ? [...image.config.Entrypoint] : [];
  if (unknownEntrypoint) notes.push(`ENTRYPOINT is inherited from ${base}, whose config was not given`);
  let tail: string[] = [];
  let usesCmd = false;
  if (args.length > 0) {
    tail = [...args];
    notes.push("the arguments replace CMD");
  } else if (image.config.Cmd) {
    tail = [...image.config.Cmd];
    usesCmd = true;
  } else if (unknownCmd) {
    notes.push(`CMD is inherited from ${base}, whose config was not given`);
  }
  const assumed =
    (image.config.Entrypoint !== null && image.assumedShell.includes("Entrypoint")) ||
    (usesCmd && image.assumedShell.includes("Cmd"));
  if (assumed) notes.push(`a shell form was wrapped in the default shell; ${base} may set another SHELL`);
  const argv = [...entrypoint, ...tail];
  const cmdMissing = args.length === 0 && unknownCmd;
  const complete = !unknownEntrypoint && !cmdMissing && !assumed;
  const error =
    argv.length === 0 && !unknownEntrypoint && !cmdMissing
      ? "no command specified: the image has no ENTRYPOINT or CMD and no arguments were given"
      : null;
  return {
    argv,
    args: [...args],
    complete,
    entrypoint: unknownEntrypoint ? unknownFromBase : image.config.Entrypoint,
    cmd: unknownCmd ? unknownFromBase : image.config.Cmd,
    shell: assumed ? unknownFromBase : null,
    error,
    notes,
  };
}
