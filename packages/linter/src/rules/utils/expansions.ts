import type { Flag, Instruction, Range, Word } from "@hull/parser";

/**
 * The texts BuildKit expands against a stage's variables when it dispatches an instruction (instructions/commands.go,
 * each command's `Expand`): ENV and LABEL keys and values, COPY and ADD paths, their `--chown`, `--chmod` and
 * `--checksum` and unquoted heredoc bodies, WORKDIR, USER, STOPSIGNAL, VOLUME, and RUN's `--mount` values. ARG
 * declarations (expanded one by one, each in its own scope) and FROM (against the global ARGs) are their rules' to read.
 */
export interface Expansion {
  text: string;
  /**
   * Where `text` came from, read only when a finding needs it: a word's range is made each time it is read, and
   * most texts give none.
   */
  origin: () => Origin;
  /** Heredoc bodies are expanded with quotes as ordinary characters (`heredocBodyOptions`). */
  skipQuotes?: boolean;
}

/** The source text that produced an expansion's text, its start offset, and its range. */
export interface Origin {
  source: string;
  start: number;
  range: Range;
}

/** What the expansions are read with: the file's source, and its ranges by offset. */
interface Source {
  readonly source: string;
  rangeOf(startOffset: number, endOffset: number): Range;
}

/** The instructions with texts BuildKit expands (see `expansions`); RUN only when it has flags. */
export const expandingTypes: ReadonlySet<Instruction["type"]> = new Set<Instruction["type"]>([
  "Env",
  "Label",
  "Copy",
  "Add",
  "Workdir",
  "User",
  "Stopsignal",
  "Volume",
  "Run",
]);

/**
 * The texts of `node` that BuildKit expands and that `keep` accepts: a rule asks only for those that can matter to it
 * (with a `$`, say), so that an instruction without any costs no scope and no range.
 */
export function expansions(ctx: Source, node: Instruction, keep: (text: string) => boolean): Expansion[] {
  const out: Expansion[] = [];
  switch (node.type) {
    case "Env":
    case "Label":
      for (const pair of node.pairs) {
        word(out, ctx, keep, pair.key);
        word(out, ctx, keep, pair.value);
      }
      break;
    case "Copy":
    case "Add": {
      for (const f of node.flags) {
        if (f.name === "chown" || f.name === "chmod" || (node.type === "Add" && f.name === "checksum"))
          flag(out, ctx, keep, f);
      }
      // Most COPYs have no heredoc: no set of markers for them.
      const markers =
        node.heredocs.length > 0 ? new Set(node.heredocs.map((h) => h.markerRange.start.offset)) : null;
      for (const source of node.sources)
        if (!markers?.has(source.range.start.offset)) word(out, ctx, keep, source);
      word(out, ctx, keep, node.destination);
      for (const heredoc of node.heredocs) {
        if (!heredoc.expand || !markers?.has(heredoc.markerRange.start.offset)) continue;
        if (!keep(heredoc.body)) continue;
        out.push({
          text: heredoc.body,
          origin: () => ({
            source: heredoc.body,
            start: heredoc.bodyRange.start.offset,
            range: heredoc.bodyRange,
          }),
          skipQuotes: true,
        });
      }
      break;
    }
    case "Workdir":
    case "User":
    case "Stopsignal":
      word(out, ctx, keep, node.value);
      break;
    case "Volume":
      for (const arg of node.args) word(out, ctx, keep, arg);
      break;
    case "Run":
      for (const f of node.flags) {
        if (f.name !== "mount" || f.value === null) continue;
        // Every option value is expanded except `from`, which BuildKit refuses to expand. Most mounts have no
        // value a rule keeps: their range is then never read.
        const parts = mountValues(f.value, keep);
        if (parts.length === 0) continue;
        const range = f.valueRange;
        if (range === null) continue;
        const source = ctx.source.slice(range.start.offset, range.end.offset);
        for (const part of parts) {
          const at = source.indexOf(part);
          const start = at < 0 ? range.start.offset : range.start.offset + at;
          out.push({
            text: part,
            origin: () => ({
              source: at < 0 ? source : part,
              start,
              range: at < 0 ? range : ctx.rangeOf(start, start + part.length),
            }),
          });
        }
      }
      break;
    default:
      break;
  }
  return out;
}

// Functions of the module, not closures made for every instruction; rules that read more texts than `expansions`
// (ARG defaults, FROM) add theirs with the same two.
/** Adds a word's text, when `keep` accepts it. */
export function word(out: Expansion[], ctx: Source, keep: (text: string) => boolean, w: Word | null): void {
  if (w && keep(w.value)) out.push({ text: w.value, origin: () => originOf(ctx, w.range) });
}

/** Adds a flag's value, when it has one and `keep` accepts it. */
export function flag(out: Expansion[], ctx: Source, keep: (text: string) => boolean, f: Flag): void {
  const range = f.valueRange;
  if (f.value !== null && range !== null && keep(f.value))
    out.push({ text: f.value, origin: () => originOf(ctx, range) });
}

/** Where a word of the source came from. */
function originOf(ctx: Source, range: Range): Origin {
  return { source: ctx.source.slice(range.start.offset, range.end.offset), start: range.start.offset, range };
}

/** The values of a `--mount` flag that BuildKit expands (every `key=value` but `from`) and `keep` accepts. */
function mountValues(value: string, keep: (text: string) => boolean): string[] {
  const out: string[] = [];
  for (const field of value.split(",")) {
    const eq = field.indexOf("=");
    if (eq < 0) continue;
    const key = field.slice(0, eq).trim().toLowerCase();
    const v = field.slice(eq + 1);
    if (key !== "from" && keep(v)) out.push(v);
  }
  return out;
}
