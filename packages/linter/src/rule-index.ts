import { suggestSpelling } from "@hull/parser";
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

/**
 * Builds the lookup tables of a list of rules. The tables of names other than ids (aliases, groups) are built on
 * the first lookup that needs them: most runs never do (no config, no ignore comment), and indexing every rule's
 * aliases is part of what `hull lint` costs at start-up.
 */
export function createRuleIndex(rules: readonly Rule[]): RuleIndex {
  const ids = new Map<string, Rule>();
  for (const rule of rules) ids.set(rule.id, rule);
  let tables: { aliases: Map<string, string[]>; groups: Map<string, string[]>; names: string[] } | undefined;
  const named = () => {
    if (tables) return tables;
    const aliases = new Map<string, string[]>();
    const add = (key: string, id: string) => {
      const list = aliases.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      aliases.set(key, list);
    };
    for (const rule of rules)
      for (const tool of aliasTools)
        for (const name of aliasList(rule, tool)) add(aliasKey(tool, name), rule.id);
    const groups = ruleGroups(rules);
    const names = [...ids.keys(), ...groups.keys(), ...aliases.keys()].sort();
    return (tables = { aliases, groups, names });
  };
  return {
    rules,
    byId: (id) => ids.get(id),
    resolve(name) {
      if (ids.has(name)) return [name];
      const { aliases, groups } = named();
      const group = groups.get(name);
      if (group) return [...group];
      return [
        ...(aliases.get(name) ?? aliases.get(name.toUpperCase()) ?? aliases.get(scannerKey(name)) ?? []),
      ];
    },
    suggest: (name) => suggestSpelling(name, named().names),
    names: () => [...named().names],
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
