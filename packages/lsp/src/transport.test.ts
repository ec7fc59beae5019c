import { describe, expect, it } from "vitest";
import { hasTransport } from "./transport.js";

describe("hasTransport", () => {
  it.each([
    [["--stdio"], true],
    [["lsp", "--stdio"], true],
    [["--node-ipc", "--clientProcessId=12"], true],
    [["--socket=5007"], true],
    [["--pipe=/tmp/x.sock"], true],
    [[], false],
    [["lsp"], false],
    [["--clientProcessId=12"], false],
    [["--stdiox"], false],
  ])("%j → %s", (argv, expected) => {
    expect(hasTransport(argv)).toBe(expected);
  });
});
