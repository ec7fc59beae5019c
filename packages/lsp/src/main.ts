import { startServer } from "./server.js";

// The entry point of the bundle: editors run `hull-lsp --stdio`, and the connection reads the transport from argv.
startServer();
