import { aliasList, aliasTools, ruleGroups, type Rule, type RuleAliases } from "./rule.js";

/** Looks rules up by id or by a hadolint or BuildKit alias, and suggests near names. */
export interface RuleIndex {
  readonly rules: readonly Rule[];
  byId(id: string): Rule | undefined;
  /**
   * The ids a name stands for: a hull id, a group name (its rules), a hadolint code (any case) or a BuildKit name
   * (exact case); [] if none.
   */
  resolve(name: string): string[];
  /** The closest known id or alias, for "did you mean" messages; null when nothing is close. */
  suggest(name: string): string | null;
  /** Every id, group and alias, sorted. */
  names(): string[];
}

/** Builds the lookup tables of a list of rules. */
export function createRuleIndex(rules: readonly Rule[]): RuleIndex {
  const ids = new Map<string, Rule>();
  const aliases = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = aliases.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    aliases.set(key, list);
  };
  for (const rule of rules) {
    ids.set(rule.id, rule);
    for (const tool of aliasTools)
      for (const name of aliasList(rule, tool)) add(aliasKey(tool, name), rule.id);
  }
  const groups = ruleGroups(rules);
  const names = [...ids.keys(), ...groups.keys(), ...aliases.keys()].sort();
  return {
    rules,
    byId: (id) => ids.get(id),
    resolve(name) {
      if (ids.has(name)) return [name];
      const group = groups.get(name);
      if (group) return [...group];
      return [
        ...(aliases.get(name) ?? aliases.get(name.toUpperCase()) ?? aliases.get(scannerKey(name)) ?? []),
      ];
    },
    suggest: (name) => closest(name, names),
    names: () => [...names],
  };
}

/** The lookup key of an alias: hadolint codes upper-cased, scanner ids in one spelling, BuildKit names as they are. */
function aliasKey(tool: keyof RuleAliases, name: string): string {
  if (tool === "hadolint") return name.toUpperCase();
  if (tool === "buildkit") return name;
  return scannerKey(name);
}

/**
 * One spelling for a scanner's id: Trivy's `DS002`, `DS-0002` and `AVD-DS-0002` are one check; Checkov ids and
 * KICS UUIDs in any case; a Semgrep id by its last dotted part (`dockerfile.security.missing-user.missing-user`).
 */
export function scannerKey(name: string): string {
  const trivy = /^(?:AVD-)?DS-?0*(\d+)$/i.exec(name);
  if (trivy) return `DS-${trivy[1]!.padStart(4, "0")}`;
  if (/^CKV2?_/i.test(name) || /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(name)) return name.toUpperCase();
  return name.slice(name.lastIndexOf(".") + 1);
}

/** The candidate closest to `name` by edit distance (case-insensitive), if it is close enough to be a typo. */
export function closest(name: string, candidates: readonly string[]): string | null {
  const target = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
