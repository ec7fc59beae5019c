import type { HealthcheckConfig, HistoryEntry, ImageConfig, PlanImage } from "./model.js";
import type { StageState } from "./state.js";

/** The image config while a stage is dispatched. */
export type MutableImageConfig = { -readonly [K in keyof ImageConfig]: ImageConfig[K] };

/** An empty config: every key unset. */
export function newImageConfig(): MutableImageConfig {
  return {
    Env: null,
    Entrypoint: null,
    Cmd: null,
    WorkingDir: null,
    User: null,
    ExposedPorts: null,
    Volumes: null,
    Labels: null,
    StopSignal: null,
    Healthcheck: null,
    Shell: null,
    OnBuild: null,
  };
}

/** The image a stage produces: its config, history, and the keys that depend on an unseen base image. */
export function finishImage(st: StageState, created: string | null): PlanImage {
  const c = st.config;
  const healthcheck: HealthcheckConfig | null = c.Healthcheck;
  return {
    stage: st.index,
    platform: st.platform,
    baseImage: st.baseImage,
    config: { ...c, Healthcheck: healthcheck },
    unknown: [...st.unknown].sort(),
    assumedShell: [...st.assumedShell].sort(),
    created,
    history: fullHistory(st),
  };
}

/** The stage's history after its chain of base stages' histories, oldest first. */
export function fullHistory(st: StageState): HistoryEntry[] {
  const chain: StageState[] = [];
  for (let s: StageState | null = st; s !== null; s = s.inherited) chain.push(s);
  return chain.reverse().flatMap((s) => s.history);
}
