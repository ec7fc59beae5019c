import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

describe("hull lsp", () => {
  it("prints a usage line and exits 2 without a transport", async () => {
    const io = fakeIo({});
    expect(await main(["lsp"], io)).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toMatch(/^usage: hull lsp --stdio \| --node-ipc \| --socket=PORT \| --pipe=NAME\n/);
  });

  it("is listed in the help", async () => {
    const io = fakeIo({});
    await main(["--help"], io);
    expect(io.out).toMatch(/^ {2}lsp \[options\] +start the language server for editors/m);
  });
});
