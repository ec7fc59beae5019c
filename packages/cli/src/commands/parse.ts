import { resolve } from "node:path";
import { Option } from "commander";
import { dump, parse, type ParseDiagnostic } from "@hull/parser";
import { readFailure } from "../io.js";
import type { Register } from "../main.js";
import { ExitCode } from "../main.js";

const formats = ["json", "buildkit"] as const;

/** `hull parse FILE|-`: prints the AST as JSON, or in BuildKit's own dump format for line-by-line comparison. */
export const registerParse: Register = (program, io, setExit) => {
  program
    .command("parse")
    .description("print the syntax tree of a Dockerfile")
    .argument("<file>", "the Dockerfile (`-` reads standard input)")
    .addOption(new Option("--format <format>", "output format").choices(formats).default("json"))
    .action((file: string, flags: { format: (typeof formats)[number] }) => {
      let text: string;
      try {
        text = file === "-" ? io.readStdin() : io.readFile(resolve(io.cwd, file));
      } catch (error) {
        io.stderr(`hull parse: ${readFailure(file === "-" ? "<stdin>" : file, error)}\n`);
        setExit(ExitCode.usage);
        return;
      }
      const { ast, diagnostics } = parse(text);
      if (flags.format === "buildkit") io.stdout(dump(ast));
      // An ONBUILD trigger points back at its ONBUILD; the JSON keeps the tree and drops that back-reference.
      else
        io.stdout(
          JSON.stringify(
            { ast, diagnostics },
            (key, value: unknown) => (key === "onbuild" ? undefined : value),
            2,
          ) + "\n",
        );
      const name = file === "-" ? "<stdin>" : file;
      for (const d of diagnostics) io.stderr(formatDiagnostic(name, d));
      setExit(diagnostics.some((d) => d.severity === "error") ? ExitCode.findings : ExitCode.ok);
    });
};

function formatDiagnostic(file: string, d: ParseDiagnostic): string {
  return `${file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}\n`;
}
