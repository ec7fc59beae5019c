import { main } from "./main.js";
import { processIo } from "./io.js";

export { runRecord } from "./run-record.js";

// No top-level await: the bundle is CommonJS so that bin/hull.js can start it from V8's code cache.
void main(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
