import type { Instruction } from "@hull/parser";
import type { HistoryEntry } from "./model.js";
import type { BaseImage } from "./base-image.js";
import type { MutableImageConfig } from "./image.js";
import type { ResolvedStage } from "./dispatch/from.js";
import type { Located } from "./builder.js";
import type { Environment } from "./env.js";

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
  readonly env: Environment;
  /** False when the chain starts from an image whose ENV the planner cannot see. */
  envKnown: boolean;
  /** ARGs declared in scope (BuildKit's buildArgs), with their values; only appended to, as RUNs keep a count of it. */
  args: { key: string; value: string | null }[];
  workdir: string;
  config: MutableImageConfig;
  /** History entries this stage adds; those before come from `inherited`. */
  history: HistoryEntry[];
  /**
   * Whether the stage records its history: only the target and the stages it is built FROM do, since only the
   * image's history is read, and a file of many stages would otherwise keep an entry for each instruction.
   */
  readonly keepsHistory: boolean;
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
  /**
   * The AST node whose range the current instruction's nodes have and its problems are reported at (the child's
   * FROM for ONBUILD triggers).
   */
  at: Located;
  onbuild: boolean;
  /** ONBUILD instructions of this stage, handed to stages built FROM it. */
  triggers: Instruction[];
  /**
   * True while dispatching ONBUILD triggers read from a base image's config: their instructions were parsed from
   * the config's text, so problems are reported at the child's FROM.
   */
  foreign: boolean;
}

/** Where each name stands in a config's `Env` list (`K=V` strings), kept beside the list it indexes. */
const imageEnvIndexes = new WeakMap<object, Map<string, number>>();

/**
 * Sets `K=V` in the stage's image config `Env`, replacing the entry with the same name (case-sensitive, as the
 * image config keeps it) in place. The list is the stage's own (each stage clones its config), and an index
 * beside it makes each ENV cost the same however many came before.
 */
export function setImageEnv(st: StageState, key: string, value: string): void {
  const list = (st.config.Env ?? []) as string[];
  if (st.config.Env === null) st.config.Env = list;
  let index = imageEnvIndexes.get(list);
  if (!index) {
    index = new Map();
    for (let i = list.length - 1; i >= 0; i--) index.set((list[i] as string).split("=")[0] as string, i);
    imageEnvIndexes.set(list, index);
  }
  const i = index.get(key);
  if (i !== undefined) list[i] = `${key}=${value}`;
  else {
    index.set(key, list.length);
    list.push(`${key}=${value}`);
  }
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
