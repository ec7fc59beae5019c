import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "@hull/parser";
import { containerArgv, invalidate, plan, readImageConfig, toJson, type BaseImage } from "../../src/index.js";
import { bases, cacheCases, cases, type Case, type CacheCase } from "./cases.js";
import { compare, type Buildah, type FieldResult, type Outcome } from "./compare.js";

// Each case is built by buildah (the builder that runs here; BuildKit's code is the reference) in storage of its
// own, and planned by hull with the same inputs; compare.ts says field by field where they agree.
const missing = ["buildah", "busybox"].filter((t) => spawnSync("which", [t]).status !== 0);
const why = missing.length > 0 ? `needs ${missing.join(" and ")} (buildah, busybox-static)` : "";
if (why) console.warn(`skipping the buildah conformance suite: ${why}`);

const outcomes: Outcome[] = [];
// HULL_CONFORMANCE_WITHOUT_CONFIGS=1 plans without the bases' configs, to count what hull cannot know then.
const withoutConfigs = process.env["HULL_CONFORMANCE_WITHOUT_CONFIGS"] === "1";
const cacheSteps: number[] = [];

describe.skipIf(why !== "")("conformance with buildah", () => {
  let dir = "";
  const configs: Record<string, BaseImage> = {};
  // Before a RUN, buildah re-executes itself from a sealed in-memory copy of its binary. Under load the kernel now
  // and then refuses the seal (EBUSY), and the build stops before the step ran (seen once in CI).
  // Such an attempt is retried, at most twice. Its output is kept: the steps it built are cache hits in the next
  // attempt, and the cache cases count a step as rebuilt if any attempt built it.
  const buildah = (args: string[], input?: string): string => {
    let out = "";
    for (let attempt = 1; ; attempt++) {
      const r = spawnSync(
        "buildah",
        ["--storage-driver", "vfs", "--root", join(dir, "root"), "--runroot", join(dir, "run"), ...args],
        {
          encoding: "utf8",
          input,
          maxBuffer: 64 << 20,
          env: { ...process.env, STORAGE_DRIVER: "vfs", BUILDAH_ISOLATION: "chroot" },
        },
      );
      out += r.stdout;
      if (r.status === 0) return out;
      if (attempt < 3 && /sealing memfd copy: Device or resource busy/.test(r.stderr)) {
        console.warn(
          `buildah ${args[0] ?? ""}: the kernel refused to seal buildah's copy of itself; retrying`,
        );
        continue;
      }
      throw new Error(`buildah ${args.join(" ")} failed: ${r.stderr}`);
    }
  };
  const inspect = (image: string): Record<string, unknown> =>
    JSON.parse(buildah(["inspect", "--type", "image", image])) as Record<string, unknown>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hull-conformance-"));
    // The root of every base: the static busybox and the applets the cases call.
    const ctr = buildah(["from", "scratch"]).trim();
    const mnt = buildah(["mount", ctr]).trim();
    mkdirSync(join(mnt, "bin"), { recursive: true });
    mkdirSync(join(mnt, "tmp"), { recursive: true });
    cpSync("/bin/busybox", join(mnt, "bin", "busybox"));
    for (const applet of ["sh", "echo", "true", "cat", "pwd", "env", "ls", "mkdir"])
      symlinkSync("busybox", join(mnt, "bin", applet));
    const [first, ...rest] = Object.entries(bases);
    if (!first) throw new Error("no bases");
    buildah(["config", ...first[1], ctr]);
    buildah(["commit", "-q", "--format", "docker", ctr, first[0]]);
    buildah(["rm", ctr]);
    for (const [name, flags] of rest) {
      const c = buildah(["from", first[0]]).trim();
      buildah(["config", ...flags, c]);
      buildah(["commit", "-q", "--format", "docker", c, name]);
      buildah(["rm", c]);
    }
    for (const name of Object.keys(bases)) {
      // What `hull plan --image-config REF=FILE` reads: buildah inspect's own output.
      const image = readImageConfig(inspect(name));
      if ("error" in image) throw new Error(`${name}: ${image.error}`);
      configs[name] = image;
    }
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (outcomes.length > 0) {
      const sum = (k: FieldResult["status"]) =>
        outcomes.reduce((n, o) => n + Object.values(o.fields).filter((f) => f.status === k).length, 0);
      // The figures the conformance note quotes; CI prints them in the test log.
      console.log(
        `conformance: ${outcomes.length} cases, ${cacheSteps.length} cache cases (${cacheSteps.reduce((a, b) => a + b, 0)} steps); fields agree ${sum("agree")}, agree after adjusting buildah to BuildKit ${sum("adjusted")}, unknown ${sum("unknown")}, differ ${sum("differ")}`,
      );
    }
  });

  it.each(cacheCases.map((c, i) => [c.name, c, i] as const))(
    "cache: %s",
    (_name, c: CacheCase, i: number) => {
      const context = join(dir, "cache", String(i));
      const write = (files: Readonly<Record<string, string>>) => {
        for (const [path, text] of Object.entries(files)) {
          mkdirSync(dirname(join(context, path)), { recursive: true });
          writeFileSync(join(context, path), text);
        }
      };
      write({ ...c.files, Dockerfile: c.dockerfile });
      const build = (args: Readonly<Record<string, string>>) =>
        buildah([
          "bud",
          "--layers",
          // The docker format keeps ONBUILD (the OCI format drops it, and a trigger would not run in the child).
          "--format",
          "docker",
          "-t",
          `localhost/hull-cache-${i}`,
          ...(c.target ? ["--target", c.target] : []),
          ...Object.entries(args).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]),
          "-f",
          join(context, "Dockerfile"),
          context,
        ]);
      build(c.buildArgs ?? {});
      write(c.change.files ?? {});
      const out = build({ ...c.buildArgs, ...c.change.buildArgs });
      buildah(["rmi", "-f", `localhost/hull-cache-${i}`]);
      // Each "[stage/n] STEP k/m: X" ("STEP k/m: X" in a one-stage file) is followed by "--> Using cache" when it hit; step k is instruction k-1.
      // ONBUILD triggers run as steps 2…T+1 of the child, where T is how much m grows after the FROM step (whose
      // m counts the stage's own instructions only); hull names them s<stage>.t0…
      const rebuiltByBuildah = new Set<string>();
      const steps = [...out.matchAll(/^(?:\[(\d+)\/\d+\] )?STEP (\d+)\/(\d+): (\w+)/gm)];
      const stepIds = new Set<string>();
      const ownSteps = new Map<number, number>();
      for (const [n, m] of steps.entries()) {
        const stage = Number(m[1] ?? 1) - 1;
        const k = Number(m[2]);
        if (k === 1) ownSteps.set(stage, Number(m[3]));
        const triggers = Number(m[3]) - (ownSteps.get(stage) ?? Number(m[3]));
        const id = k >= 2 && k <= triggers + 1 ? `s${stage}.t${k - 2}` : `s${stage}.${k - 1 - triggers}`;
        stepIds.add(id);
        if (!["RUN", "COPY", "ADD"].includes(m[4] as string)) continue;
        const until = steps[n + 1]?.index ?? out.length;
        const hit = out.slice(m.index, until).includes("--> Using cache");
        if (!hit) rebuiltByBuildah.add(id);
      }
      const inv = invalidate(
        parse(c.dockerfile).ast,
        {
          imageConfigs: configs,
          ...(c.buildArgs ? { buildArgs: c.buildArgs } : {}),
          ...(c.target ? { target: c.target } : {}),
          ...(c.files[".dockerignore"] !== undefined ? { dockerignore: c.files[".dockerignore"] } : {}),
        },
        { paths: Object.keys(c.change.files ?? {}), buildArgs: c.change.buildArgs ?? {} },
      );
      const fs = new Set(
        inv.plan.nodes.filter((n) => ["RUN", "COPY", "ADD"].includes(n.instruction)).map((n) => n.id),
      );
      const rebuiltByHull = inv.invalidated.filter((x) => fs.has(x.id));
      expect([...rebuiltByBuildah].sort()).toEqual([...c.rebuilt].sort());
      // A known difference: hull, as BuildKit, rebuilds other steps than buildah; once they agree the case fails.
      const expected = c.knownDiff?.rebuiltByHull ?? c.rebuilt;
      if (c.knownDiff) expect([...c.knownDiff.rebuiltByHull].sort()).not.toEqual([...c.rebuilt].sort());
      // What hull cannot know (the output of a RUN) it says: those steps are the maybe-cached ones, and the
      // builder's answer is among what hull allows.
      const maybe = rebuiltByHull.filter((x) => x.maybeCached === true).map((x) => x.id);
      expect(maybe).toEqual(c.maybeCached ?? []);
      expect(
        rebuiltByHull
          .filter((x) => x.maybeCached !== true)
          .map((x) => x.id)
          .sort(),
      ).toEqual(expected.filter((id) => !maybe.includes(id)).sort());
      cacheSteps.push(stepIds.size);
    },
  );

  it.each(cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, c: Case, i: number) => {
    const context = join(dir, "cases", String(i));
    for (const [path, text] of Object.entries({ ...c.files, Dockerfile: c.dockerfile })) {
      mkdirSync(dirname(join(context, path)), { recursive: true });
      writeFileSync(join(context, path), text);
    }
    const tag = `localhost/hull-case-${i}`;
    const out = buildah([
      "bud",
      "--layers",
      "--format",
      "docker",
      "-t",
      tag,
      ...(c.target ? ["--target", c.target] : []),
      ...Object.entries(c.buildArgs ?? {}).flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]),
      "-f",
      join(context, "Dockerfile"),
      context,
    ]);
    const built = inspect(tag);
    const docker = built["Docker"] as Buildah["image"];
    const stagesBuilt = [
      ...new Set([...out.matchAll(/^\[(\d+)\/\d+\] STEP/gm)].map((m) => Number(m[1]) - 1)),
    ];
    // The layers, for what the COPY and ADD steps wrote (compare.ts compareCopies).
    const pushed = join(context, ".image");
    buildah(["push", "-q", tag, `dir:${pushed}`]);
    buildah(["rmi", "-f", tag]);
    const extracted = new Map<number, Record<string, string>>();
    const layer = (k: number): Record<string, string> => {
      const known = extracted.get(k);
      if (known) return known;
      const manifest = JSON.parse(readFileSync(join(pushed, "manifest.json"), "utf8")) as {
        layers: { digest: string }[];
      };
      const digest = manifest.layers[k]?.digest;
      if (digest === undefined) return {};
      const into = join(pushed, `layer-${k}`);
      mkdirSync(into, { recursive: true });
      const r = spawnSync("tar", ["-xzf", join(pushed, digest.replace(/^sha256:/, "")), "-C", into]);
      if (r.status !== 0) throw new Error(`tar: ${String(r.stderr)}`);
      const files: Record<string, string> = {};
      for (const e of readdirSync(into, { recursive: true, withFileTypes: true }))
        if (e.isFile() && !e.name.startsWith(".wh.")) {
          const path = join(e.parentPath, e.name);
          files[path.slice(into.length + 1)] = readFileSync(path, "utf8");
        }
      extracted.set(k, files);
      return files;
    };

    const p = plan(parse(c.dockerfile).ast, {
      imageConfigs: withoutConfigs ? {} : configs,
      ...(c.target ? { target: c.target } : {}),
      ...(c.buildArgs ? { buildArgs: c.buildArgs } : {}),
    });
    // The plan as `hull plan --format json --run` prints it.
    const json = JSON.parse(
      JSON.stringify(toJson(p, p.image ? { run: containerArgv(p.image) } : {})),
    ) as Parameters<typeof compare>[1];
    // Which context files each COPY and ADD reads, as hull says: those whose change rebuilds the step. An ADD
    // that reads an archive is left out: it unpacks it, so the archive's content is not in the layer.
    const reads = new Map<string, string[]>();
    const contextFiles: Record<string, string> = { ...c.files, Dockerfile: c.dockerfile };
    const steps = p.nodes.filter(
      (n) =>
        !n.pruned &&
        n.op["op"] === "file" &&
        n.op["from"] === "context" &&
        (n.op["sources"] as Record<string, unknown>[]).every((s) => typeof s["path"] === "string"),
    );
    for (const n of steps) reads.set(n.id, []);
    if (steps.length > 0)
      for (const file of Object.keys(contextFiles)) {
        const inv = invalidate(
          parse(c.dockerfile).ast,
          {
            imageConfigs: configs,
            ...(c.target ? { target: c.target } : {}),
            ...(c.buildArgs ? { buildArgs: c.buildArgs } : {}),
            ...(c.files?.[".dockerignore"] !== undefined ? { dockerignore: c.files[".dockerignore"] } : {}),
          },
          { paths: [file] },
        );
        for (const x of inv.invalidated) if (x.cause === "context") reads.get(x.id)?.push(file);
      }
    for (const n of steps)
      if (
        n.op["action"] === "add" &&
        reads.get(n.id)?.some((f) => contextFiles[f]?.slice(257, 262) === "ustar")
      )
        reads.delete(n.id);
    const outcome = compare(
      { image: docker, stagesBuilt: stagesBuilt.length > 0 ? stagesBuilt : [0], layer },
      json,
      c,
      reads,
    );
    outcomes.push(outcome);
    const differing = Object.fromEntries(
      Object.entries(outcome.fields)
        .filter(([, f]) => f.status === "differ")
        .map(([k, f]) => [k, f.detail]),
    );
    if (withoutConfigs) {
      if (Object.keys(differing).length > 0)
        console.log(`without configs, ${c.name}: ${JSON.stringify(differing)}`);
      return;
    }
    expect(p.diagnostics).toEqual([]);
    expect(Object.keys(differing).sort(), JSON.stringify(differing, null, 2)).toEqual(
      Object.keys(c.knownDiffs ?? {}).sort(),
    );
  });
});
