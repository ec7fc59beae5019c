import type { Instruction, Range } from "@hull/parser";
import type { HistoryEntry } from "./model.js";
import type { BaseImage } from "./base-image.js";
import type { MutableImageConfig } from "./image.js";
import type { ResolvedStage } from "./dispatch/from.js";

/** The mutable state of one stage while its instructions are dispatched (BuildKit's dispatchState). */
export interface StageState {
  readonly index: number;
  readonly resolved: ResolvedStage;
  readonly pruned: boolean;
  os: string;
  platform: string;
  /** Id and key of the node holding the current filesystem. */
  head: string | null;
  headKey: string;
  /** The build state's environment: image ENV plus every ARG in scope, in BuildKit's order. */
  env: [string, string][];
  /** False when the chain starts from an image whose ENV the planner cannot see. */
  envKnown: boolean;
  /** ARGs declared in scope (BuildKit's buildArgs), with their values. */
  args: { key: string; value: string | null }[];
  workdir: string;
  config: MutableImageConfig;
  /** History entries this stage adds; those before come from `inherited`. */
  history: HistoryEntry[];
  /**
   * The stage this one is built FROM, whose whole history comes first. Linked rather than copied, so that a chain
   * of n stages costs n entries, not n²; a stage is complete before any child is created, so the link is stable.
   */
  inherited: StageState | null;
  cmdSet: boolean;
  baseImage: string | null;
  /** The base image's config when it was given; inherited through stage bases. */
  baseConfig: BaseImage | null;
  unknown: Set<string>;
  /** Keys (`Cmd`, `Entrypoint`) holding a shell form wrapped in the default shell while the base's SHELL is unknown. */
  assumedShell: Set<string>;
  /** Ordinal of the instruction being dispatched, for node ids. */
  ordinal: string;
  /** Range and line the current instruction reports at (the child's FROM for ONBUILD triggers). */
  at: Range;
  onbuild: boolean;
  /** ONBUILD instructions of this stage, handed to stages built FROM it. */
  triggers: Instruction[];
  /**
   * True while dispatching ONBUILD triggers read from a base image's config: their instructions were parsed from
   * the config's text, so problems are reported at the child's FROM.
   */
  foreign: boolean;
}

// Lookup maps are rebuilt only when an environment list changes (setEnv drops the entry); keyed by identity.
const envMaps = new WeakMap<object, Map<string, string>>();

/** The environment as a lookup map (case-insensitive keys on Windows, as BuildKit matches them). */
export function envMap(env: readonly (readonly [string, string])[], os: string): Map<string, string> {
  const cached = envMaps.get(env);
  if (cached) return cached;
  const m = new Map<string, string>();
  envMaps.set(env, m);
  for (const [k, v] of env) m.set(os === "windows" ? k.toUpperCase() : k, v);
  if (os === "windows") {
    // The lexer is told to match case-insensitively; keep the original spelling reachable too.
    for (const [k, v] of env) m.set(k, v);
  }
  return m;
}

/** Sets a variable in an ordered environment list, replacing an existing one in place (BuildKit's AddEnv). */
export function setEnv(env: [string, string][], key: string, value: string, os: string): void {
  const same = (k: string): boolean => (os === "windows" ? k.toUpperCase() === key.toUpperCase() : k === key);
  envMaps.delete(env);
  const i = env.findIndex(([k]) => same(k));
  if (i >= 0) env[i] = [key, value];
  else env.push([key, value]);
}

/** The default shell BuildKit wraps shell-form commands with. */
export function defaultShell(os: string): string[] {
  return os === "windows" ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
}

/** Wraps shell-form arguments with the stage's SHELL (BuildKit's withShell). */
export function withShell(st: StageState, args: readonly string[]): string[] {
  const shell = st.config.Shell && st.config.Shell.length > 0 ? [...st.config.Shell] : defaultShell(st.os);
  return [...shell, args.join(" ")];
}
