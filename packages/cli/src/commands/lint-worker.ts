import { parentPort } from "node:worker_threads";
import { processIo } from "../io.js";
import { runJobBatch, type LintJob } from "./lint.js";

// The body of a worker thread that `hull lint` starts (bundle/lint-worker.mjs): lint each batch of jobs it is
// sent, with the real file system. A file of its own, so that the CLI does not load node:worker_threads.
parentPort?.on("message", (message: { start: number; jobs: LintJob[]; ways: number }) => {
  void runJobBatch(message.jobs, processIo, message.ways).then((results) =>
    parentPort?.postMessage({ start: message.start, results }),
  );
});
