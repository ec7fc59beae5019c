import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings } from "./settings.js";

describe("parseSettings", () => {
  it.each([
    [undefined, defaultSettings],
    [null, defaultSettings],
    [{}, defaultSettings],
    [{ run: "onSave" }, { ...defaultSettings, run: "onSave" }],
    [
      { hull: { run: "onSave", preset: "all" } },
      { run: "onSave", configPath: null, preset: "all", imageConfigs: false, shellcheck: true },
    ],
    [{ imageConfigs: true }, { ...defaultSettings, imageConfigs: true }],
    [{ imageConfigs: "yes" }, defaultSettings],
    [{ configPath: "ci/.hullrc.yaml" }, { ...defaultSettings, configPath: "ci/.hullrc.yaml" }],
    [{ run: "sometimes", preset: "most", configPath: "  " }, defaultSettings],
    [{ hull: [1] }, defaultSettings],
    [{ shellcheck: false }, { ...defaultSettings, shellcheck: false }],
    [{ shellcheck: "tools/shellcheck" }, { ...defaultSettings, shellcheck: "tools/shellcheck" }],
    [{ shellcheck: " " }, defaultSettings],
    [{ shellcheck: 0 }, defaultSettings],
  ])("%j", (input, expected) => {
    expect(parseSettings(input)).toEqual(expected);
  });
});
