import type { Instruction } from "@hull/parser";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { dispatchRun } from "./run.js";
import { dispatchCopy } from "./copy.js";
import { dispatchAdd } from "./add.js";
import { dispatchWorkdir } from "./workdir.js";
import { dispatchEnv } from "./env.js";
import { dispatchArg } from "./arg.js";
import { dispatchUser } from "./user.js";
import { dispatchLabel } from "./label.js";
import { dispatchCmd } from "./cmd.js";
import { dispatchEntrypoint } from "./entrypoint.js";
import { dispatchHealthcheck } from "./healthcheck.js";
import { dispatchExpose } from "./expose.js";
import { dispatchVolume } from "./volume.js";
import { dispatchStopsignal } from "./stopsignal.js";
import { dispatchShell } from "./shell.js";
import { dispatchOnbuild } from "./onbuild.js";
import { dispatchMaintainer } from "./maintainer.js";

type Dispatcher = (ctx: PlanBuilder, st: StageState, instruction: never) => void;

const dispatchers: Partial<Record<Instruction["type"], Dispatcher>> = {
  Run: dispatchRun,
  Copy: dispatchCopy,
  Add: dispatchAdd,
  Workdir: dispatchWorkdir,
  Env: dispatchEnv,
  Arg: dispatchArg,
  User: dispatchUser,
  Label: dispatchLabel,
  Cmd: dispatchCmd,
  Entrypoint: dispatchEntrypoint,
  Healthcheck: dispatchHealthcheck,
  Expose: dispatchExpose,
  Volume: dispatchVolume,
  Stopsignal: dispatchStopsignal,
  Shell: dispatchShell,
  Onbuild: dispatchOnbuild,
  Maintainer: dispatchMaintainer,
};

/** Dispatches one instruction to the file that knows its semantics. */
export function dispatch(ctx: PlanBuilder, st: StageState, instruction: Instruction): void {
  const fn = dispatchers[instruction.type];
  if (fn) fn(ctx, st, instruction as never);
}
