import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { format } from "@hull/parser";
import { decodeUtf8, EncodingError, firstInvalidByte, processIo, replaceFile } from "../src/io.js";
import { runIn } from "./fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "hull-io-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("strict UTF-8 decoding", () => {
  it("agrees with the WHATWG decoder on which byte strings are UTF-8", () => {
    const fatal = new TextDecoder("utf-8", { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        fatal.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes biased towards the lead and continuation ranges, so that near-misses (overlong, surrogates) occur.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc0, 0xc1, 0xe0, 0xed, 0xf0, 0xf4, 0xf5),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.array(byte, { maxLength: 12 }), (a, b) => {
        const bytes = new Uint8Array([...a, ...b]);
        expect(firstInvalidByte(bytes) < 0).toBe(valid(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [
      "a Latin-1 é in a comment",
      Buffer.from("FROM a\n# caf\xe9\n", "latin1"),
      "2:6: not valid UTF-8 (byte 0xE9)",
    ],
    [
      "a bad byte after a byte order mark",
      Buffer.from([0xef, 0xbb, 0xbf, 0x46, 0xff]),
      "1:2: not valid UTF-8 (byte 0xFF)",
    ],
    [
      "a sequence cut short at the end",
      Buffer.from([0x41, 0x0a, 0x42, 0xe2, 0x82]),
      "2:2: not valid UTF-8 (byte 0xE2)",
    ],
    ["a surrogate", Buffer.from([0xed, 0xa0, 0x80]), "1:1: not valid UTF-8 (byte 0xED)"],
  ])("reports %s with its line and column", (_name, bytes, message) => {
    expect(() => decodeUtf8(bytes)).toThrow(new EncodingError(0, 0, 0).constructor);
    expect(() => decodeUtf8(bytes)).toThrow(message);
  });

  it("keeps a byte order mark and multi-byte characters", () => {
    expect(decodeUtf8(Buffer.from("\ufeffFROM a # é 😀\n"))).toBe("\ufeffFROM a # é 😀\n");
  });
});

describe("non-UTF-8 files in every command", () => {
  const latin1 = Buffer.from("from alpine:3.20\n# caf\xe9\nrun   true\n", "latin1");

  it("fmt --write leaves the file byte for byte and exits 2 with file:line:col", async () => {
    const sub = mkdtempSync(join(dir, "fmt-"));
    writeFileSync(join(sub, "Dockerfile"), latin1);
    writeFileSync(join(sub, "ok.Dockerfile"), "from alpine:3.20\n");
    const result = await runIn(sub, ["fmt", "--write", "."]);
    expect(result).toEqual({
      code: 2,
      out: "ok.Dockerfile\n",
      err: "hull fmt: Dockerfile:2:6: not valid UTF-8 (byte 0xE9); file left unchanged\n",
    });
    expect(readFileSync(join(sub, "Dockerfile"))).toEqual(latin1);
    expect(readFileSync(join(sub, "ok.Dockerfile"), "utf8")).toBe("FROM alpine:3.20\n");
  });

  it("lint reports the file, lints the rest and exits 2", async () => {
    const sub = mkdtempSync(join(dir, "lint-"));
    writeFileSync(join(sub, "Dockerfile"), latin1);
    writeFileSync(join(sub, "ok.Dockerfile"), "FROM alpine:3.20\n");
    const result = await runIn(sub, ["lint", "--format", "compact", "."]);
    expect(result).toEqual({
      code: 2,
      out: "",
      err: "hull: Dockerfile:2:6: not valid UTF-8 (byte 0xE9)\n",
    });
  });

  it.each([["parse"], ["plan"]])("%s reports it and exits 2", async (command) => {
    const sub = mkdtempSync(join(dir, `${command}-`));
    writeFileSync(join(sub, "Dockerfile"), latin1);
    const result = await runIn(sub, [command, "Dockerfile"]);
    expect(result).toEqual({
      code: 2,
      out: "",
      err: `hull ${command}: Dockerfile:2:6: not valid UTF-8 (byte 0xE9)\n`,
    });
  });

  it("fmt --write on random bytes changes nothing or exactly what the formatter means to", async () => {
    const sub = mkdtempSync(join(dir, "prop-"));
    const file = join(sub, "Dockerfile");
    // Dockerfile-ish text mixed with arbitrary bytes, so that both valid and invalid inputs are common.
    const chunk = fc.oneof(
      fc.constantFrom(
        "from a as B\n",
        "run  x \\\n  y\n",
        "# é\n",
        "\ufeff",
        "\r\n",
        "COPY <<EOF x\nhi\nEOF\n",
      ),
      fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString("latin1")),
    );
    const input = fc
      .array(fc.tuple(chunk, fc.boolean()), { maxLength: 8 })
      .map((parts) => Buffer.concat(parts.map(([s, raw]) => Buffer.from(s, raw ? "latin1" : "utf8"))));
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        writeFileSync(file, bytes);
        const result = await runIn(sub, ["fmt", "--write", "Dockerfile"]);
        const after = readFileSync(file);
        if (firstInvalidByte(bytes) >= 0) {
          expect(result.code).toBe(2);
          expect(after).toEqual(bytes);
        } else {
          expect(result.code).toBe(0);
          expect(after).toEqual(Buffer.from(format(bytes.toString("utf8")).output, "utf8"));
        }
      }),
      { numRuns: 300 },
    );
    expect(readdirSync(sub)).toEqual(["Dockerfile"]);
  });
});

// mkfifo is a POSIX program; where it is missing (Windows), there are no named pipes to leave out.
const mkfifo = spawnSync("mkfifo", ["--version"]).error === undefined;

describe.skipIf(!mkfifo)("listing a folder", () => {
  it("leaves out named pipes, directly or through a link, which reading would wait on for ever", () => {
    const sub = mkdtempSync(join(dir, "fifo-"));
    expect(spawnSync("mkfifo", [join(sub, "Dockerfile")]).status).toBe(0);
    symlinkSync("Dockerfile", join(sub, "pipe.Dockerfile"));
    writeFileSync(join(sub, "app.Dockerfile"), "FROM alpine:3.20\n");
    symlinkSync("app.Dockerfile", join(sub, "link.Dockerfile"));
    symlinkSync("missing", join(sub, "dangling.Dockerfile"));
    expect(readdirSync(sub)).toHaveLength(5);
    const names = processIo.readDir(sub).map((e) => e.name);
    // A dangling link stays: reading it reports the error.
    expect(names.sort()).toEqual(["app.Dockerfile", "dangling.Dockerfile", "link.Dockerfile"]);
  });
});

describe("replacing a file", () => {
  it("keeps the permission bits, leaves no temporary file and writes through a symbolic link", () => {
    const sub = mkdtempSync(join(dir, "write-"));
    const target = join(sub, "Dockerfile");
    writeFileSync(target, "old\n", { mode: 0o751 });
    symlinkSync("Dockerfile", join(sub, "link.Dockerfile"));
    replaceFile(join(sub, "link.Dockerfile"), "new é\n");
    expect(readFileSync(target, "utf8")).toBe("new é\n");
    expect(statSync(target).mode & 0o777).toBe(0o751);
    expect(lstatSync(join(sub, "link.Dockerfile")).isSymbolicLink()).toBe(true);
    expect(readdirSync(sub).sort()).toEqual(["Dockerfile", "link.Dockerfile"]);
  });

  it("rewrites a file with other hard links in place, so that every name has the new content", () => {
    const sub = mkdtempSync(join(dir, "links-"));
    const target = join(sub, "Dockerfile");
    writeFileSync(target, "old\n");
    linkSync(target, join(sub, "other.Dockerfile"));
    const before = statSync(target).ino;
    replaceFile(target, "new\n");
    expect(readFileSync(join(sub, "other.Dockerfile"), "utf8")).toBe("new\n");
    expect(statSync(target).ino).toBe(before);
    expect(readdirSync(sub).sort()).toEqual(["Dockerfile", "other.Dockerfile"]);
  });

  it("leaves the original when the write fails", () => {
    expect(() => replaceFile(join(dir, "no-such-dir", "Dockerfile"), "x")).toThrow(/ENOENT/);
    expect(existsSync(join(dir, "no-such-dir"))).toBe(false);
  });

  // Only root can make a file another user's; what a run by that user does is tested below.
  it.skipIf(process.getuid?.() !== 0)(
    "keeps the owner and group of another user's file, atomically",
    (ctx) => {
      const sub = mkdtempSync(join(dir, "owner-"));
      const target = join(sub, "Dockerfile");
      writeFileSync(target, "old\n", { mode: 0o640 });
      try {
        chownSync(target, 65534, 65534);
      } catch {
        // A root without the right to give files away (a user namespace that maps no uid 65534).
        ctx.skip("root here cannot give a file to uid 65534");
      }
      const before = statSync(target).ino;
      replaceFile(target, "new\n");
      const after = statSync(target);
      expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
      expect(readFileSync(target, "utf8")).toBe("new\n");
      // Renamed over it: a new file took the owner.
      expect(after.ino).not.toBe(before);
    },
  );
});

const bin = fileURLToPath(new URL("../bin/hull.js", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../bundle/hull.cjs", import.meta.url)));

describe.skipIf(!built)("a reader that stops reading", () => {
  // More output than a pipe holds (64 KiB), so that hull's writes meet the closed pipe whatever the timing.
  const many = mkdtempSync(join(dir, "pipe-"));
  for (let i = 0; i < 150; i++)
    writeFileSync(join(many, `s${i}.Dockerfile`), "FROM a\nMAINTAINER x\nENV A 1\n".repeat(4));
  it.each([
    ["rules --schema", ["rules", "--schema"], [0]],
    // The findings still decide the status: a gate under pipefail fails.
    ["lint", ["lint", "--format", "compact", "--preset", "all", many], [1]],
  ])("hull %s | head -c 1 ends quietly", (_name, args, codes) => {
    const command = [process.execPath, bin, ...args].map((a) => JSON.stringify(a)).join(" ");
    // pipefail: the status is hull's own, not head's.
    const result = spawnSync("bash", ["-c", `set -o pipefail; ${command} | head -c 1 >/dev/null`], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(codes).toContain(result.status);
  });
});

// `hull fmt --write` run by a user who may not write the file, or its folder: the current user, or, when the tests
// run as root (who may write anything), nobody (uid 65534). Nobody runs a copy of the CLI in a folder every user
// may read: the checkout may sit where only root can (/root). Where nobody cannot run node itself, it is skipped.
const asRoot = process.getuid?.() === 0;
const cli = built && process.platform !== "win32" ? copyOfCli() : undefined;
const runnable =
  cli !== undefined &&
  (!asRoot || spawnSync(process.execPath, [cli, "--version"], { uid: 65534, gid: 65534 }).status === 0);
if (cli !== undefined && !runnable)
  process.stderr.write("io.test.ts: skipping the writes as another user: uid 65534 cannot run node here\n");

/** bin/ and bundle/ (the CLI needs nothing else) copied into a folder every user may read. */
function copyOfCli(): string {
  const copy = mkdtempSync(join(dir, "cli-"));
  chmodSync(dir, 0o755);
  chmodSync(copy, 0o755);
  for (const part of ["bin", "bundle"])
    cpSync(fileURLToPath(new URL(`../${part}`, import.meta.url)), join(copy, part), { recursive: true });
  return join(copy, "bin", "hull.js");
}

describe.skipIf(!runnable)("hull fmt --write where the user may not write", () => {
  const unformatted = "from alpine:3.20\nrun echo hi\n";
  const run = (sub: string, file: string) =>
    spawnSync(process.execPath, [cli!, "fmt", "--write", file], {
      encoding: "utf8",
      env: { ...process.env, HOME: sub, XDG_CACHE_HOME: join(sub, ".cache") },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
  /** A folder the user owns. */
  const folder = () => {
    const sub = mkdtempSync(join(dir, "user-"));
    if (asRoot) chownSync(sub, 65534, 65534);
    return sub;
  };
  const own = (file: string) => asRoot && chownSync(file, 65534, 65534);

  it("leaves a read-only file as it is and says so (exit 2)", () => {
    const sub = folder();
    const target = join(sub, "Dockerfile");
    writeFileSync(target, unformatted);
    own(target);
    chmodSync(target, 0o444);
    const result = run(sub, target);
    expect(result.stderr).toContain("read-only");
    expect(result.status).toBe(2);
    expect(readFileSync(target, "utf8")).toBe(unformatted);
    expect(readdirSync(sub).filter((name) => name !== ".cache")).toEqual(["Dockerfile"]);
  });

  it("rewrites a file it may write in place when it may not write the folder", () => {
    const sub = folder();
    const target = join(sub, "Dockerfile");
    writeFileSync(target, unformatted);
    own(target);
    const before = statSync(target).ino;
    // Root keeps the folder; a user takes away their own right to write it.
    if (asRoot) chownSync(sub, 0, 0);
    chmodSync(sub, 0o555);
    const result = run(sub, target);
    chmodSync(sub, 0o755);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(format(unformatted).output);
    expect(statSync(target).ino).toBe(before);
  });
});
