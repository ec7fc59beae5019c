import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Register } from "../main.js";
import { exitQuietlyOnBrokenPipe } from "../io.js";

/** The language server, bundled beside the CLI bundle and loaded only by `hull lsp`, so that `hull lint` starts as fast. */
const serverFile = () => fileURLToPath(new URL("./lsp.cjs", import.meta.url));

/** `hull lsp --stdio`: the language server for editors (the same server as the `hull-lsp` command). */
export const registerLsp: Register = (program, io, setExit) => {
  program
    .command("lsp")
    .description("start the language server for editors: hull lsp --stdio")
    .option("--stdio", "talk over standard input and output")
    .option("--node-ipc", "talk over Node's IPC channel")
    .option("--socket <port>", "talk over a TCP socket")
    .option("--pipe <name>", "talk over a named pipe")
    // Clients add their own flags (vscode-languageclient passes --clientProcessId); the server reads them.
    .allowUnknownOption()
    .action((flags: { stdio?: boolean; nodeIpc?: boolean; socket?: string; pipe?: string }) => {
      const file = serverFile();
      if (!flags.stdio && !flags.nodeIpc && flags.socket === undefined && flags.pipe === undefined) {
        io.stderr(
          "usage: hull lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n" +
            "Starts the hull language server; editors start it this way.\n",
        );
        setExit(2);
        return;
      }
      if (!io.exists(file)) {
        io.stderr(
          "hull lsp: the language server is not built yet; run `pnpm bundle` at the repository root.\n",
        );
        setExit(2);
        return;
      }
      // The server reads the transport from process.argv and keeps the process alive until the editor ends it.
      exitQuietlyOnBrokenPipe();
      createRequire(import.meta.url)(file);
    });
};
