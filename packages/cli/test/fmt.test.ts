import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { format } from "@hull/parser";
import { lint } from "@hull/linter";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";

const messy = "from alpine\nrun echo hi   \ncopy a \\\n  b /c/\n";
const tidy = "FROM alpine\nRUN echo hi\nCOPY a \\\n    b /c/\n";

async function run(argv: string[], io: ReturnType<typeof fakeIo>) {
  const code = await main(["fmt", ...argv], io);
  return { code, out: io.out, err: io.err };
}

describe("hull fmt", () => {
  it("prints one formatted file", async () => {
    const io = fakeIo({ Dockerfile: messy });
    expect(await run(["Dockerfile"], io)).toEqual({ code: 0, out: tidy, err: "" });
    expect(io.files["/w/Dockerfile"]).toBe(messy);
  });

  it("prints the one Dockerfile of a directory", async () => {
    const io = fakeIo({ "app/Dockerfile": messy, "app/README.md": "x" });
    expect(await run(["app"], io)).toEqual({ code: 0, out: tidy, err: "" });
  });

  it("formats standard input", async () => {
    const io = fakeIo({}, { stdin: messy });
    expect(await run(["-"], io)).toEqual({ code: 0, out: tidy, err: "" });
  });

  it("--check on standard input", async () => {
    expect(await run(["-", "--check"], fakeIo({}, { stdin: messy }))).toEqual({
      code: 1,
      out: "<stdin>\n",
      err: "",
    });
    expect(await run(["-", "--check"], fakeIo({}, { stdin: tidy }))).toEqual({ code: 0, out: "", err: "" });
  });

  it("--check lists the files that would change, walking directories like hull lint", async () => {
    const io = fakeIo({
      "a/Dockerfile": messy,
      "a/b/build.dockerfile": tidy,
      "Containerfile.dev": messy,
      "node_modules/x/Dockerfile": messy,
      "notes.txt": messy,
    });
    expect(await run(["--check"], io)).toEqual({
      code: 1,
      out: "Containerfile.dev\na/Dockerfile\n",
      err: "",
    });
    expect(io.files["/w/a/Dockerfile"]).toBe(messy);
  });

  it("--check exits 0 when everything is formatted", async () => {
    expect(await run(["--check", "."], fakeIo({ Dockerfile: tidy }))).toEqual({ code: 0, out: "", err: "" });
  });

  it("--write rewrites the files that change and lists them", async () => {
    const io = fakeIo({ "a/Dockerfile": messy, "b/Dockerfile": tidy });
    expect(await run(["--write", "a", "b"], io)).toEqual({ code: 0, out: "a/Dockerfile\n", err: "" });
    expect(io.files["/w/a/Dockerfile"]).toBe(tidy);
    expect(io.files["/w/b/Dockerfile"]).toBe(tidy);
  });

  it("--indent and --keep-indentation", async () => {
    const text = "copy a \\\n        b /c/\n";
    expect((await run(["-", "--indent", "2"], fakeIo({}, { stdin: text }))).out).toBe("COPY a \\\n  b /c/\n");
    expect((await run(["-", "--indent", "tab"], fakeIo({}, { stdin: text }))).out).toBe(
      "COPY a \\\n\tb /c/\n",
    );
    expect((await run(["-", "--keep-indentation"], fakeIo({}, { stdin: text }))).out).toBe(
      "COPY a \\\n        b /c/\n",
    );
  });

  it("keeps CRLF line breaks and never touches heredoc bodies", async () => {
    const text = "from a\r\nrun <<EOF  \r\n  x   \r\nEOF\r\n";
    expect((await run(["-"], fakeIo({}, { stdin: text }))).out).toBe(
      "FROM a\r\nRUN <<EOF\r\n  x   \r\nEOF\r\n",
    );
  });

  it.each([
    [["a", "b", "--check", "--write"], "--check and --write cannot be combined"],
    [["-", "--write"], "--write needs files, not standard input"],
    [["-", "Dockerfile"], "'-' (standard input) cannot be combined with other paths"],
    [["--indent", "x", "Dockerfile"], "--indent x: expected a number of spaces from 0 to 16, or tab"],
    [["missing"], "no such file or directory: missing"],
    [
      ["."],
      "found 2 Dockerfiles; pass --write to format them in place or --check to list those that would change",
    ],
  ])("usage error: %j", async (argv, message) => {
    const io = fakeIo({ Dockerfile: messy, "sub/Dockerfile": messy });
    expect(await run(argv, io)).toEqual({ code: 2, out: "", err: `hull fmt: ${message}\n` });
  });

  it("leaves templates as written and says so, without failing --check", async () => {
    const template = "from debian:{{ .suite }}\nrun echo hi   \n";
    const io = fakeIo({ "a/Dockerfile.template": template, "b/Dockerfile": messy });
    expect(await run(["--write"], io)).toEqual({
      code: 0,
      out: "b/Dockerfile\n",
      err: "hull fmt: a/Dockerfile.template is a template (it holds template markup); left as written\n",
    });
    expect(io.files["/w/a/Dockerfile.template"]).toBe(template);
    expect((await run(["--check"], io)).code).toBe(0);
  });

  it("reports unreadable files and exits 2", async () => {
    const io = fakeIo({ "a/Dockerfile": messy, "b/Dockerfile": messy });
    io.readFile = (path) => {
      if (path.endsWith("b/Dockerfile")) throw new Error("EACCES: permission denied");
      return messy;
    };
    expect(await run(["--check", "."], io)).toEqual({
      code: 2,
      out: "a/Dockerfile\n",
      err: "hull fmt: cannot read b/Dockerfile: EACCES: permission denied\n",
    });
  });
});

describe("hull fmt output and hull lint's casing rules", () => {
  const repo = fileURLToPath(new URL("../../..", import.meta.url));
  const dockerfiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? dockerfiles(join(dir, e.name)) : e.name === "Dockerfile" ? [join(dir, e.name)] : [],
    );
  const files = [
    ...dockerfiles(join(repo, "examples")),
    // Error fixtures hold what BuildKit rejects; the formatter leaves such instructions as written.
    ...dockerfiles(join(repo, "packages/parser/test/fixtures")).filter((f) => !f.includes("_error_")),
  ];
  const casing = new Set(["from-as-casing", "consistent-instruction-casing"]);

  it("covers the examples and the parser's fixtures", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [relative(repo, f), f]))(
    "%s: formatted, nothing for the casing rules",
    (_name, file) => {
      const { output } = format(readFileSync(file, "utf8"));
      const found = lint(output, { preset: "all" }).diagnostics.filter((d) => casing.has(d.ruleId));
      expect(found.map((d) => `${d.range.start.line}: ${d.message}`)).toEqual([]);
    },
  );

  it("upper-cases AS with FROM", () => {
    expect(format("from alpine as build\nfrom  --platform=$P alpine  As b\n").output).toBe(
      "FROM alpine AS build\nFROM --platform=$P alpine  AS b\n",
    );
    expect(format("from alpine as build\n", { keywordCase: "keep" }).output).toBe("from alpine as build\n");
  });
});
