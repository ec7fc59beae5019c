import { startServer } from "./server.js";
import { hasTransport, usage } from "./transport.js";

// The entry point of the bundles: editors run `hull-lsp --stdio` (or `hull lsp --stdio`), and the connection reads
// the transport from argv. Without one, the library would fail with its own message; say how to start it instead.
if (hasTransport(process.argv.slice(2))) startServer();
else {
  process.stderr.write(usage(process.argv.slice(2)[0] === "lsp" ? "hull lsp" : "hull-lsp"));
  process.exitCode = 2;
}
