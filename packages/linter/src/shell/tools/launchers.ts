import { basename } from "../lexer.js";

// Programs an image's ENTRYPOINT starts that run their arguments as a command.

/** Inits that reap zombies and forward signals, then run their arguments (`tini --`, `dumb-init`). */
const inits: ReadonlySet<string> = new Set(["tini", "tini-static", "dumb-init", "catatonit", "docker-init"]);

/** Programs that switch to another user and run their arguments as that user (`gosu app`, `su-exec app`). */
const userSwitchers: ReadonlySet<string> = new Set([
  "gosu",
  "su-exec",
  "s6-setuidgid",
  "setpriv",
  "runuser",
  "chpst",
]);

/** s6-overlay's init, which images such as linuxserver.io's start as root and which starts each service as its user. */
const s6Init = "/init";

/** True when an exec-form ENTRYPOINT's program runs its arguments as a command: an init, a user switcher or s6's `/init`. */
export function runsArgumentsAsCommand(argv: readonly string[]): boolean {
  const program = argv[0] ?? "";
  return program === s6Init || inits.has(basename(program)) || userSwitchers.has(basename(program));
}

/**
 * True when an ENTRYPOINT starts as root in order to drop privileges itself: s6-overlay's `/init`, or a user
 * switcher as the program or after an init (`["tini", "--", "gosu", "app", …]`).
 */
export function dropsPrivileges(argv: readonly string[]): boolean {
  const program = argv[0] ?? "";
  if (program === s6Init || userSwitchers.has(basename(program))) return true;
  if (!inits.has(basename(program))) return false;
  const next = argv.slice(1).find((a) => !a.startsWith("-"));
  return next !== undefined && userSwitchers.has(basename(next));
}
