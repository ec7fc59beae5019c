import { describe, expect, it } from "vitest";
import { parsePlatform } from "../src/index.js";

// containerd's platforms.Parse, which BuildKit runs on `FROM --platform` and `--platform` (platforms/platforms.go).
describe("parsePlatform", () => {
  it.each([
    ["linux/amd64", { os: "linux", arch: "amd64", variant: "", osVersion: "" }],
    ["Linux/x86_64", { os: "linux", arch: "amd64", variant: "", osVersion: "" }],
    ["linux/aarch64/v8", { os: "linux", arch: "arm64", variant: "", osVersion: "" }],
    ["linux/arm", { os: "linux", arch: "arm", variant: "v7", osVersion: "" }],
    ["linux/arm/6", { os: "linux", arch: "arm", variant: "v6", osVersion: "" }],
    ["linux/armhf", { os: "linux", arch: "arm", variant: "v7", osVersion: "" }],
    ["macos/arm64", { os: "darwin", arch: "arm64", variant: "", osVersion: "" }],
    ["arm64", { os: "linux", arch: "arm64", variant: "", osVersion: "" }],
    ["i386", { os: "linux", arch: "386", variant: "", osVersion: "" }],
    ["windows(10.0.17763)/amd64", { os: "windows", arch: "amd64", variant: "", osVersion: "10.0.17763" }],
  ])("reads %s", (text, platform) => {
    expect(parsePlatform(text)).toEqual(platform);
  });
  it("leaves the architecture to the builder when the text names only an OS", () => {
    expect(parsePlatform("windows")).toEqual({ os: "windows", arch: null, variant: "", osVersion: "" });
  });
  it.each([
    ["", "empty platform"],
    ["x86", '"x86": unknown operating system or architecture: invalid argument'],
    ["linux/amd64/v2/x", '"linux/amd64/v2/x": cannot parse platform: too many components'],
    ["linux/am d64", '"linux/am d64": invalid platform component "am d64"'],
  ])("refuses %j", (text, error) => {
    expect(parsePlatform(text)).toEqual({ error });
  });
});
