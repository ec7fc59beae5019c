import type { Range } from "@hull/parser";
import type { BaseImage } from "./base-image.js";

/** How a stage starts: from an image, from nothing, or from an earlier stage's final state. */
export type StageBase =
  | { readonly kind: "image"; readonly ref: string; readonly platform: string | null }
  | { readonly kind: "scratch"; readonly platform: string | null }
  | { readonly kind: "stage"; readonly stage: number; readonly name: string | null };

/** Why one stage needs another. */
export type DependencyKind = "base" | "copy-from" | "mount-from" | "onbuild";

/** One stage-to-stage dependency, with the instruction that creates it. */
export interface StageDependency {
  readonly stage: number;
  readonly kind: DependencyKind;
  readonly line: number;
}

/** A build stage as planned. */
export interface PlanStage {
  readonly index: number;
  /** The lower-cased `AS` name, or null. */
  readonly name: string | null;
  /** The base as written, after expanding global ARGs (`null` when it could not be resolved). */
  readonly base: string | null;
  readonly baseKind: StageBase["kind"] | "context" | "unknown";
  /** The stage index of the base when it is an earlier stage. */
  readonly baseStage: number | null;
  /** Whether the base image's config was given (`--image-config`, `--resolve`); null for scratch and stages. */
  readonly baseConfig: "known" | "unknown" | null;
  /** The digest the base image's config was read through, pinned when known. */
  readonly baseDigest: string | null;
  readonly platform: string;
  readonly os: string;
  /** Stage indices this stage needs, sorted and unique. */
  readonly dependsOn: readonly number[];
  readonly dependencies: readonly StageDependency[];
  readonly pruned: boolean;
  readonly prunedReason: string | null;
  /** The node holding the stage's final filesystem (what `COPY --from` and `FROM` of this stage read). */
  readonly head: string | null;
  readonly line: number;
  readonly range: Range;
}

/** What a node does. `config` nodes change image metadata only. */
export type NodeKind = "source" | "exec" | "file" | "merge" | "config";

/** Why a node depends on another. */
export type EdgeKind = "prev" | "base" | "copy-from" | "mount-from" | "source";

/** An input of a node. */
export interface PlanEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/** One step of the build graph. */
export interface PlanNode {
  /** Stable id: `s<stage>.<ordinal>` (ONBUILD triggers `s<stage>.t<k>`, extra sources and merges get a suffix). */
  readonly id: string;
  readonly stage: number;
  readonly line: number;
  readonly range: Range;
  /** Upper-case keyword, e.g. `RUN`. */
  readonly instruction: string;
  readonly kind: NodeKind;
  /** True when the node adds a filesystem layer to the image history. */
  readonly layer: boolean;
  /** Input node ids: the previous filesystem state first, then other sources. */
  readonly inputs: readonly string[];
  readonly cacheKey: string;
  /** A one-line description for people. */
  readonly label: string;
  /** True when the node comes from an ONBUILD trigger of the base. */
  readonly onbuild: boolean;
  readonly pruned: boolean;
  /**
   * The resolved operation that the cache key hashes (plain JSON). An exec node's `env` is listed each time it is
   * read, from the version of the stage's environment the RUN ran with; the key hashes that list's digest.
   */
  readonly op: Readonly<Record<string, unknown>>;
}

/** A container health check, as in the OCI/Docker image config (durations in nanoseconds). */
export interface HealthcheckConfig {
  readonly Test: readonly string[];
  readonly Interval?: number;
  readonly Timeout?: number;
  readonly StartPeriod?: number;
  readonly StartInterval?: number;
  readonly Retries?: number;
}

/** The OCI image config keys the planner can know; null means unset. */
export interface ImageConfig {
  readonly Env: readonly string[] | null;
  readonly Entrypoint: readonly string[] | null;
  readonly Cmd: readonly string[] | null;
  readonly WorkingDir: string | null;
  readonly User: string | null;
  readonly ExposedPorts: Readonly<Record<string, Record<string, never>>> | null;
  readonly Volumes: Readonly<Record<string, Record<string, never>>> | null;
  readonly Labels: Readonly<Record<string, string>> | null;
  readonly StopSignal: string | null;
  readonly Healthcheck: HealthcheckConfig | null;
  readonly Shell: readonly string[] | null;
  readonly OnBuild: readonly string[] | null;
}

/** One image history entry, as BuildKit writes it. */
export interface HistoryEntry {
  /** The instruction as BuildKit records it; a RUN's (`|N K=V … argv`, every ARG in scope) is made when read. */
  readonly created_by: string;
  /** Set from `SOURCE_DATE_EPOCH` on the entries the Dockerfile adds; otherwise the build's time, unknown here. */
  readonly created?: string;
  readonly comment: string;
  readonly empty_layer: boolean;
  /** The node that produced the entry; null for entries inherited from the base image's config. */
  readonly node: string | null;
}

/** The image the target stage produces. */
export interface PlanImage {
  readonly stage: number;
  readonly platform: string;
  /** The image the target's chain of stages starts from, or null for scratch. */
  readonly baseImage: string | null;
  readonly config: ImageConfig;
  /** Config keys whose final value depends on a base image config the planner was not given. */
  readonly unknown: readonly string[];
  /**
   * Keys (`Cmd`, `Entrypoint`) set in shell form while the base image's SHELL was unknown: their value wraps the
   * command in the default shell, which is right only if the base sets no SHELL.
   */
  readonly assumedShell: readonly string[];
  /** The image's creation time when `SOURCE_DATE_EPOCH` fixes it (RFC 3339, UTC); null when it is the build's. */
  readonly created: string | null;
  readonly history: readonly HistoryEntry[];
}

/** A problem found while planning; the plan is still produced. */
export interface PlanDiagnostic {
  /** Stable kebab-case code, e.g. `unknown-stage-index`. */
  readonly code: string;
  readonly message: string;
  readonly severity: "error" | "warning" | "info";
  readonly range: Range;
}

/** A context source read by a COPY/ADD or a bind mount, with the node that reads it. */
export interface ContextSource {
  readonly node: string;
  /** The source path or pattern, relative to the context root, without a leading slash (`.` for the whole context). */
  readonly path: string;
}

/** The whole plan: stages, graph, build order, image and diagnostics. */
export interface BuildPlan {
  readonly target: number;
  readonly targetName: string | null;
  readonly platform: string;
  readonly buildPlatform: string;
  readonly stages: readonly PlanStage[];
  readonly nodes: readonly PlanNode[];
  readonly edges: readonly PlanEdge[];
  /** Levels of node ids that can build in parallel, in order; only unpruned filesystem nodes. */
  readonly order: readonly (readonly string[])[];
  readonly image: PlanImage | null;
  readonly contextSources: readonly ContextSource[];
  /** Build args given but never declared (BuildKit ignores them). */
  readonly unusedBuildArgs: readonly string[];
  readonly diagnostics: readonly PlanDiagnostic[];
}

/** Options of `plan`. */
export interface PlanOptions {
  /** The stage to build (case-insensitive name); the last stage when absent. */
  readonly target?: string;
  /** `--build-arg` values. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The target platform (`--platform`); the build platform when absent. */
  readonly platform?: string;
  /** The platform the builder runs on; `linux/amd64` when absent, so plans do not depend on the machine. */
  readonly buildPlatform?: string;
  /** Context paths whose content changed (relative to the context root); their placeholders change. */
  readonly changedPaths?: readonly string[];
  /** The context's `.dockerignore` text; ignored paths never reach a COPY. */
  readonly dockerignore?: string;
  /**
   * Configs of base images, keyed by reference (`alpine:3.20`, `docker.io/library/alpine:3.20` and `alpine@sha256:…`
   * spellings of one image match). With a base's config known, what the stage inherits is exact; without, the
   * inherited keys are listed as unknown. Read them with `readImageConfig`.
   */
  readonly imageConfigs?: Readonly<Record<string, BaseImage>>;
  /**
   * Named build contexts (`--build-context NAME=VALUE`): a FROM, `COPY --from` or mount `from=` naming NAME reads
   * VALUE instead, `docker-image://REF` as the image REF, anything else (a folder, a Git or HTTP URL,
   * `oci-layout://…`) as a context whose content and config the planner does not read.
   */
  readonly buildContexts?: Readonly<Record<string, string>>;
}
