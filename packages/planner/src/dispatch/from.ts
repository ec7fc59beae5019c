import { flagNamed, formatPlatform, semanticModel, type Stage as AstStage } from "@hull/parser";
import type { Located, PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { expandOne } from "../expand.js";
import { parsePlatform } from "../platform.js";
import { parseReference } from "../reference.js";

/** A stage's FROM after expanding global ARGs: what it starts from and on which platform. */
export interface ResolvedStage {
  readonly index: number;
  readonly name: string | null;
  /** The expanded base name; null when it is blank or could not be expanded. */
  readonly baseName: string | null;
  readonly baseKind: "image" | "scratch" | "stage" | "context" | "unknown";
  /** The named build context's value when the base is one that is not an image. */
  readonly context: string | null;
  readonly baseStage: number | null;
  readonly platform: string;
  readonly os: string;
  /** The stage's FROM. */
  readonly from: Located;
}

/** Images whose names say they are Windows images, since the planner cannot read their config. */
const windowsImage = /(^|[/:-])(windows|servercore|nanoserver|windowsservercore)([/:-]|$)/i;

/** Computes global ARGs (platform args, meta ARGs, build args) and resolves every FROM; reports blank bases and bad platforms. */
export function resolveStages(ctx: PlanBuilder, stages: readonly AstStage[]): ResolvedStage[] {
  ctx.globalArgs = metaArgs(ctx, stages);
  const byName = new Map<string, number>();
  const out: ResolvedStage[] = [];
  // One copy of each base and platform text: the plan's stages keep them, and a generated file repeats a few.
  const texts = new Map<string, string>();
  const one = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  for (const [i, s] of stages.entries()) {
    const from = s.from;
    const raw = from.image?.value ?? "";
    const options = { escape: ctx.escape } as const;
    const name = expandOne(raw, ctx.globalArgs, options);
    let baseName: string | null = name.value;
    // A named build context replaces what FROM names (BuildKit checks them before stages and images).
    const named = name.error === null && !byName.has(name.value) ? ctx.namedContext(name.value) : null;
    if (named?.image !== undefined) baseName = named.image;
    if (named !== null) {
      // Nothing to check: the context stands for the name.
    } else if (name.error !== null) {
      ctx.report("expansion-error", `${name.error}`, from.image?.range ?? from.range);
      baseName = null;
    } else if (name.value !== "" && !isStageName(name.value, byName) && parseReference(name.value) === null) {
      // BuildKit parses every image base with reference.ParseNormalizedNamed, reachable or not.
      const lower = parseReference(name.value.toLowerCase()) !== null;
      // distribution/reference refuses an image ID by name before it checks the grammar.
      const why = /^[a-f0-9]{64}$/.test(name.value)
        ? `invalid repository name (${name.value}), cannot specify 64-byte hexadecimal strings`
        : `invalid reference format${lower ? ": repository name must be lowercase" : ""}`;
      ctx.report(
        "invalid-base-name",
        `failed to parse stage name "${name.value}": ${why}`,
        from.image?.range ?? from.range,
      );
      baseName = null;
    } else if (name.value === "") {
      ctx.report(
        "empty-base-name",
        `base name (${raw}) should not be blank`,
        from.image?.range ?? from.range,
      );
      baseName = null;
    }
    let platform = ctx.targetPlatform;
    let explicitPlatform = false;
    const flag = flagNamed(from, "platform");
    if (flag) {
      const value = flag.value ?? "";
      const p = expandOne(value, ctx.globalArgs, options);
      const parsed = p.error === null && p.value !== "" ? parsePlatform(p.value, ctx.buildPlatform) : null;
      if (p.error !== null) {
        ctx.report(
          "bad-platform",
          `failed to process arguments for platform ${value}: ${p.error}`,
          flag.range,
        );
      } else if (p.value === "") {
        ctx.report("bad-platform", `empty platform value from expression ${value}`, flag.range);
      } else if (parsed && "error" in parsed) {
        ctx.report("bad-platform", `failed to parse platform ${value}: ${parsed.error}`, flag.range);
      } else if (parsed) {
        platform = parsed;
        explicitPlatform = true;
      }
    }
    // BuildKit compares the expanded name case-sensitively with the lower-cased names of earlier stages.
    const baseStage = baseName !== null ? (byName.get(baseName) ?? null) : null;
    const parent = baseStage === null ? undefined : out[baseStage];
    let os = platform.os;
    if (parent && !explicitPlatform) os = parent.os;
    else if (!explicitPlatform && baseName !== null) {
      // A base image's config says its OS (BuildKit's withShell picks the default shell from it, and the stage
      // takes the image's platform when none is asked for); without a config, Windows names are a good guess.
      const known = baseStage === null ? ctx.baseImage(baseName)?.os : null;
      if (known === "windows" || known === "linux") os = known;
      else if (windowsImage.test(baseName)) os = "windows";
    }
    const platformText =
      parent && !explicitPlatform ? parent.platform : one(formatPlatform({ ...platform, os }));
    out.push({
      index: i,
      name: s.name ?? null,
      baseName: baseName === null ? null : one(baseName),
      context: named !== null && named.image === undefined ? named.value : null,
      baseKind:
        baseName === null
          ? "unknown"
          : named !== null && named.image === undefined
            ? "context"
            : baseStage !== null
              ? "stage"
              : baseName === "scratch"
                ? "scratch"
                : "image",
      baseStage,
      platform: platformText,
      os,
      from,
    });
    if (s.name) byName.set(s.name, i);
  }
  return out;
}

function isStageName(name: string, byName: ReadonlyMap<string, number>): boolean {
  return name === "scratch" || byName.has(name);
}

/**
 * BuildKit's global scope from the parser's semantic model: the predefined ARGs for the build's platforms, then
 * each ARG before the first FROM (build args win). Every default that fails to expand is reported at its ARG.
 */
function metaArgs(ctx: PlanBuilder, stages: readonly AstStage[]): Map<string, string> {
  const target = ctx.options.target;
  const globals = semanticModel(ctx.ast, {
    buildArgs: ctx.buildArgs,
    targetPlatform: ctx.targetPlatform,
    buildPlatform: ctx.buildPlatform,
    targetStage:
      target !== undefined && target !== "" ? target : (stages[stages.length - 1]?.name ?? "default"),
    keepGoing: true,
    rawNames: true,
  }).globals;
  for (const name of globals.declared) ctx.declaredArgs.add(name);
  for (const e of globals.errors) ctx.report("expansion-error", e.message, e.declaration.range);
  return new Map(globals.env);
}

/** FROM: the stage's source node (an earlier stage's head, an image, or scratch). */
export function dispatchFrom(ctx: PlanBuilder, st: StageState, astStage: AstStage): void {
  const r = st.resolved;
  st.ordinal = "0";
  st.at = astStage.from;
  if (r.baseKind === "stage" && r.baseStage !== null) {
    const parent = ctx.states[r.baseStage];
    ctx.addLayer(
      st,
      {
        instruction: "FROM",
        kind: "source",
        layer: false,
        label: `stage ${r.baseName ?? r.baseStage}`,
        op: { op: "stage" },
        inputs: [{ id: parent?.head ?? null, key: parent?.headKey ?? `stage:${r.baseStage}`, kind: "base" }],
        // Forwards the parent's filesystem unchanged.
        writes: [],
      },
      null,
    );
    return;
  }
  if (r.baseKind === "context") {
    ctx.addLayer(
      st,
      {
        instruction: "FROM",
        kind: "source",
        layer: false,
        label: `context ${r.baseName ?? ""}=${r.context ?? ""}`,
        op: { op: "source", context: r.baseName, value: r.context, platform: st.platform },
        inputs: [],
      },
      null,
    );
    return;
  }
  if (r.baseKind === "image") {
    ctx.addLayer(
      st,
      {
        instruction: "FROM",
        kind: "source",
        layer: false,
        label: `image ${r.baseName}`,
        op: { op: "source", image: r.baseName, platform: st.platform },
        inputs: [],
      },
      null,
    );
    return;
  }
  ctx.addLayer(
    st,
    {
      instruction: "FROM",
      kind: "source",
      layer: false,
      label: r.baseKind === "scratch" ? "scratch" : `unresolved base ${r.baseName ?? ""}`,
      op: { op: "source", scratch: true, platform: st.platform },
      inputs: [],
    },
    null,
  );
}
