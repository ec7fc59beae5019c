import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const messy = "from alpine\nrun echo hi   \ncopy a \\\n  b /c/\n\n\n\n# done  ";

async function fmt(text: string, options: prettier.Options = {}): Promise<string> {
  return prettier.format(text, { parser: "dockerfile", plugins: [plugin], ...options });
}

describe("@hull/prettier-plugin", () => {
  it("formats with hull's formatter, continuation lines indented by four spaces by default", async () => {
    expect(await fmt(messy)).toBe("FROM alpine\nRUN echo hi\nCOPY a \\\n    b /c/\n\n# done\n");
  });

  it("maps tabWidth and useTabs to the indentation", async () => {
    expect(await fmt("COPY a \\\nb /c/\n", { tabWidth: 2 })).toBe("COPY a \\\n  b /c/\n");
    expect(await fmt("COPY a \\\nb /c/\n", { useTabs: true })).toBe("COPY a \\\n\tb /c/\n");
  });

  it("has its own options for keyword case and hand-made indentation", async () => {
    const text = "copy a \\\n      b /c/\n";
    expect(await fmt(text, { dockerfileKeywordCase: "keep" })).toBe("copy a \\\n    b /c/\n");
    expect(await fmt(text, { dockerfileKeepIndentation: true })).toBe(text.replace("copy", "COPY"));
  });

  it("leaves heredoc bodies and JSON forms alone", async () => {
    const text = 'run <<EOF\n  x   \nEOF\ncmd [ "a",   "b" ]\n';
    expect(await fmt(text)).toBe('RUN <<EOF\n  x   \nEOF\nCMD [ "a",   "b" ]\n');
  });

  it("keeps CRLF with endOfLine auto and follows endOfLine otherwise", async () => {
    const text = "from a\r\nrun x  \r\n";
    expect(await fmt(text, { endOfLine: "auto" })).toBe("FROM a\r\nRUN x\r\n");
    expect(await fmt(text)).toBe("FROM a\nRUN x\n");
  });

  it("is picked by file name", async () => {
    for (const filepath of [
      "Dockerfile",
      "app/Containerfile",
      "web.dockerfile",
      "Dockerfile.dev",
      "x/Containerfile.prod",
      "Dockerfile-windows",
    ]) {
      const info = await prettier.getFileInfo(filepath, { plugins: [plugin] });
      expect([filepath, info.inferredParser]).toEqual([filepath, "dockerfile"]);
    }
    for (const filepath of [
      "Dockerfile.dockerignore",
      "Containerfile.containerignore",
      "notes.txt",
      "Dockerfile.json",
    ]) {
      const info = await prettier.getFileInfo(filepath, { plugins: [plugin] });
      expect([filepath, info.inferredParser]).not.toEqual([filepath, "dockerfile"]);
    }
  });

  it("checks formatted files", async () => {
    expect(await prettier.check("FROM a\n", { parser: "dockerfile", plugins: [plugin] })).toBe(true);
    expect(await prettier.check(messy, { parser: "dockerfile", plugins: [plugin] })).toBe(false);
  });
});
