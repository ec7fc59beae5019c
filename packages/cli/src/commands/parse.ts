import type { Register } from "../main.js";

/** `hull parse FILE|-`: prints the AST as JSON or in BuildKit's dump format. */
export const registerParse: Register = (program, _io, _setExit) => {
  program.command("parse").description("print the syntax tree of a Dockerfile").argument("<file>");
};
