import {
  flagNamed,
  heredocBodyOptions,
  sourceKind,
  type Add,
  type Copy,
  type Flag,
  type Word,
} from "@hull/parser";
import type { EdgeKind } from "../model.js";
import type { PlanBuilder } from "../builder.js";
import type { StageState } from "../state.js";
import { resolveStageRef } from "../order.js";
import { destPath, joinPath } from "../paths.js";
import { createIgnore } from "../context.js";
import { body, contextPath, stageLabel } from "./run.js";

/** COPY: a file node copying from the context, a stage, an image or inline heredocs; `--link` adds a merge. */
export function dispatchCopy(ctx: PlanBuilder, st: StageState, copy: Copy): void {
  dispatchFileOp(ctx, st, copy, false);
}

/**
 * The checks BuildKit's dispatchCopy makes on --chmod and --checksum before it copies anything: a numeric mode
 * must be octal up to 07777, and a checksum needs exactly one HTTP(S) or Git source.
 */
function checkFileOpFlags(
  ctx: PlanBuilder,
  instr: Copy | Add,
  chmod: string | null,
  checksum: string | null,
  sources: readonly string[],
): void {
  const at = (name: string) => flagNamed(instr, name)?.range ?? instr.range;
  if (chmod !== null && chmod !== "") {
    const octal = /^[0-7]+$/.test(chmod) ? parseInt(chmod, 8) : null;
    // Symbolic modes (u+x) are BuildKit's too; a value that looks numeric but is not octal is refused.
    if ((octal !== null && octal > 0o7777) || (octal === null && /^\d+$/.test(chmod)))
      ctx.report(
        "bad-chmod",
        `invalid chmod parameter: '${chmod}'. it should be octal string and between 0 and 07777`,
        at("chmod"),
      );
  }
  if (checksum !== null && checksum !== "") {
    if (sources.length !== 1)
      ctx.report("bad-checksum", "checksum can't be specified for multiple sources", at("checksum"));
    else if (sourceKind(sources[0] as string) === "local")
      ctx.report("bad-checksum", "checksum requires HTTP(S) or Git sources", at("checksum"));
  }
}

/** The shared COPY/ADD semantics (BuildKit's dispatchCopy). */
export function dispatchFileOp(ctx: PlanBuilder, st: StageState, instr: Copy | Add, isAdd: boolean): void {
  const keyword = isAdd ? "ADD" : "COPY";
  const flags = instr.flags;
  const flag = (name: string): Flag | undefined => flagNamed(instr, name);
  const str = (name: string): string | null => {
    const f = flag(name);
    return f ? ctx.expand(st, f.value ?? "", f) : null;
  };
  const bool = (name: string): boolean => {
    const f = flag(name);
    return f !== undefined && (f.value === null || f.value.toLowerCase() === "true");
  };
  const chown = str("chown");
  const chmod = str("chmod");
  const link = bool("link");
  const parents = bool("parents");
  const excludes = flags.filter((f) => f.name === "exclude").map((f) => f.value ?? "");
  const checksum = isAdd ? str("checksum") : null;
  const keepGitDir = isAdd && flag("keep-git-dir") ? bool("keep-git-dir") : null;
  const unpackFlag = isAdd && flag("unpack") ? bool("unpack") : null;
  const heredocs = new Map(instr.heredocs.map((h) => [h.name, h]));
  const excludeMatcher = excludes.length > 0 ? createIgnore(excludes.join("\n")) : null;

  // Where the files come from: the context by default, or a stage or image given by --from.
  let from:
    | { kind: "context" }
    | { kind: "stage"; stage: number }
    | { kind: "image"; ref: string; id: string; key: string }
    | { kind: "named"; name: string } = { kind: "context" };
  const inputs: { id: string | null; key: string; kind: EdgeKind }[] = [];
  let stageInput: { id: string | null; key: string; kind: EdgeKind } | null = null;
  const fromFlag = isAdd ? undefined : flag("from");
  if (fromFlag && fromFlag.value) {
    const ref = resolveStageRef(ctx, fromFlag.value, ctx.ast.stages, null);
    if (ref.kind === "stage") {
      const src = ctx.results[ref.stage];
      if (!src || ref.stage >= st.index) {
        if (!st.pruned && ref.stage !== st.index) {
          ctx.report(
            "copy-from-later-stage",
            `cannot copy from stage "${fromFlag.value}", it needs to be defined before current stage "${stageLabel(ctx, st.index)}"`,
            fromFlag.range,
          );
        }
      } else {
        // Keyed below on the content of the copied paths, once the sources are known.
        stageInput = { id: src.head, key: src.headKey, kind: "copy-from" };
        inputs.push(stageInput);
      }
      from = { kind: "stage", stage: ref.stage };
    } else if (ref.kind === "context") {
      const src = ctx.contextSource(st, ref.name, ref.value);
      inputs.push({ id: src.id, key: src.key, kind: "copy-from" });
      from = { kind: "named", name: ref.name };
    } else if (ref.kind === "image") {
      const src = ctx.imageSource(st, ref.ref);
      inputs.push({ id: src.id, key: src.key, kind: "copy-from" });
      from = { kind: "image", ref: ref.ref, id: src.id, key: src.key };
    }
  }

  const nodeId = `s${st.index}.${st.ordinal}`;
  const sources: Record<string, unknown>[] = [];
  const historySources: string[] = [];
  const heredocSources: string[] = [];
  const parentPaths: string[] = [];
  // The arguments but the last, as `sources` lists them: read so, the AST makes and keeps no list of its own.
  const args = instr.args;
  for (let k = 0; k < args.length - 1; k++) {
    const word = args[k] as Word;
    const marker = /^[0-9]*<<-?(["']?)(.+)\1$/.exec(word.value);
    const doc = marker ? heredocs.get(marker[2] as string) : undefined;
    if (doc) {
      // Inline files: unquoted heredocs are expanded, with quotes as ordinary characters (heredocBodyOptions).
      const content = doc.expand
        ? ctx.expand(st, body(doc), { range: doc.bodyRange }, heredocBodyOptions(ctx.expandOptions(st)))
        : body(doc);
      sources.push({ inline: doc.name, content });
      heredocSources.push(`<<${doc.name}`);
      continue;
    }
    const value = ctx.expand(st, word.value, word);
    historySources.push(value);
    // With --parents the path after the pivot (`/./`, else the whole path) is kept under the destination, so the
    // copy writes only there (convert_copy.go: the pattern becomes an include pattern, the source its parent).
    const pivot = value.indexOf("/./");
    parentPaths.push(pivot >= 0 ? value.slice(pivot + 3) : value);
    const kind = sourceKind(value);
    if (!isAdd && kind !== "local") {
      // BuildKit's dispatchCopy: COPY reads only files; remote sources are ADD's.
      const what = kind === "git" ? "a git ref" : "a URL";
      ctx.report("copy-remote-source", `source can't be ${what} for COPY`, word.range);
    }
    if (isAdd && kind === "git") {
      sources.push({ git: value, content: `git:${value}` });
    } else if (isAdd && kind === "url") {
      sources.push({ url: value, content: checksum ? `checksum:${checksum}` : `url:${value}` });
    } else if (from.kind === "context") {
      const path = contextPath(value, st.os === "windows");
      ctx.useContext(nodeId, path);
      // `--exclude` patterns narrow what the copy reads, so a change to an excluded file keeps its cache.
      sources.push({ path, content: ctx.contextContent(path, excludeMatcher) });
    } else {
      sources.push({ path: joinPath("/", value, st.os === "windows") });
    }
  }
  checkFileOpFlags(ctx, instr, chmod, checksum, historySources);
  if (stageInput !== null) {
    // BuildKit keys a copy from another stage on the checksum of what it selects, not on how the stage was built.
    const paths = sources.flatMap((s) => (typeof s["path"] === "string" ? [s["path"]] : []));
    const src = stageInput;
    if (paths.length > 0) src.key = paths.map((p) => ctx.contentKey(src.id, src.key, p)).join(",");
  }
  const rawDest = instr.destination?.value ?? "";
  // The history records the destination expanded but not resolved (convert_copy.go writes `params.DestPath`).
  const expandedDest = ctx.expand(st, rawDest, instr.destination ?? instr);
  const dest = destPath(st.workdir, expandedDest, st.os === "windows");
  const merge = link && chmod === null;
  // What the copy may write, for the content keys of later copies from this stage.
  const writes =
    parents && heredocSources.length === 0
      ? parentPaths.map((p) => joinPath(dest, p.replace(/^[\\/]+/, ""), st.os === "windows"))
      : [dest];
  const op = {
    op: "file",
    action: isAdd ? "add" : "copy",
    from:
      from.kind === "context"
        ? "context"
        : from.kind === "stage"
          ? `stage:${from.stage}`
          : from.kind === "named"
            ? `context:${from.name}`
            : `image:${from.ref}`,
    sources,
    dest,
    chown,
    chmod,
    link,
    parents,
    excludes,
    checksum,
    keepGitDir,
    unpack: isAdd ? (unpackFlag ?? true) : false,
    user: st.config.User ?? "",
    platform: st.platform,
  };
  const label = `${keyword} ${[...historySources, ...heredocSources].join(" ")} → ${dest}`;
  const history = [
    keyword,
    ...(parents ? ["--parents"] : []),
    ...(chown !== null ? [`--chown=${chown}`] : []),
    ...(chmod !== null ? [`--chmod=${chmod}`] : []),
    ...historySources,
    ...heredocSources,
    expandedDest,
  ].join(" ");
  if (!merge) {
    ctx.addLayer(
      st,
      {
        // The id the context sources name, one text for both.
        id: nodeId,
        instruction: keyword,
        kind: "file",
        layer: true,
        label,
        op,
        inputs: [{ id: st.head, key: st.headKey, kind: "prev" }, ...inputs],
        writes,
      },
      history,
    );
    return;
  }
  // --link: the copy lands on an empty layer that does not depend on the previous one, then a merge stacks it.
  const layer = ctx.addNode(st, {
    id: nodeId,
    instruction: keyword,
    kind: "file",
    layer: true,
    label: `${label} (linked)`,
    op,
    inputs,
    writes,
  });
  const mergeNode = ctx.addNode(st, {
    id: `${nodeId}.merge`,
    instruction: keyword,
    kind: "merge",
    layer: false,
    label: `merge ${keyword} --link`,
    op: { op: "merge" },
    inputs: [
      { id: st.head, key: st.headKey, kind: "prev" },
      { id: layer.id, key: layer.cacheKey, kind: "source" },
    ],
    writes,
  });
  st.head = mergeNode.id;
  st.headKey = mergeNode.cacheKey;
  ctx.history(st, history, true, layer.id);
}
