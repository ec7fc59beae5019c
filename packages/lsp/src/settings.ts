import type { Preset } from "@hull/linter";

/** What the editor can set: when to lint, and which config and preset to use instead of the file's own. */
export interface ServerSettings {
  /** `onType` lints every change as it arrives; `onSave` lints on open and save only. */
  run: "onType" | "onSave";
  /** A config file to use for every document instead of the one found next to it; absolute or workspace-relative. */
  configPath: string | null;
  /** Overrides the config's preset. */
  preset: Preset | null;
  /**
   * Apply the base image config files the config names (`imageConfigs`), for the rules that depend on inherited
   * values. Off by default: the files are the project's, and a language server reads nothing it was not asked to.
   */
  imageConfigs: boolean;
  /**
   * ShellCheck on RUN scripts, as `hull lint` runs it: `true` runs the config's `shellcheck.path` or `shellcheck`
   * from PATH (nothing when there is none), a path runs that program (absolute, or relative to the workspace),
   * `false` turns it off.
   */
  shellcheck: boolean | string;
}

export const defaultSettings: ServerSettings = {
  run: "onType",
  configPath: null,
  preset: null,
  imageConfigs: false,
  shellcheck: true,
};

/**
 * Reads settings from `initializationOptions` or from the `hull` section of `workspace/didChangeConfiguration`
 * (either `{ run, … }` or `{ hull: { run, … } }`); unknown or ill-typed values fall back to the defaults.
 */
export function parseSettings(value: unknown): ServerSettings {
  const object = (v: unknown): Record<string, unknown> | null =>
    typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  const outer = object(value);
  const raw = object(outer?.hull) ?? outer ?? {};
  const configPath =
    typeof raw.configPath === "string" && raw.configPath.trim() !== "" ? raw.configPath : null;
  return {
    run: raw.run === "onSave" ? "onSave" : "onType",
    configPath,
    preset: raw.preset === "all" || raw.preset === "recommended" ? raw.preset : null,
    imageConfigs: raw.imageConfigs === true,
    shellcheck:
      raw.shellcheck === false
        ? false
        : typeof raw.shellcheck === "string" && raw.shellcheck.trim() !== ""
          ? raw.shellcheck
          : true,
  };
}
