import { suggestSpelling } from "@hull/parser";
import { aliasList, ruleGroups, type Rule } from "./rule.js";

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
    for (const code of aliasList(rule, "hadolint")) add(code.toUpperCase(), rule.id);
    for (const name of aliasList(rule, "buildkit")) add(name, rule.id);
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
      return [...(aliases.get(name) ?? aliases.get(name.toUpperCase()) ?? [])];
    },
    suggest: (name) => suggestSpelling(name, names),
    names: () => [...names],
  };
}
