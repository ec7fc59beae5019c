// The Web Worker that runs hull: linting a 300-line file takes tens of milliseconds, which would make typing stutter
// on the page's thread. The page sends the whole text with each request; the worker keeps only the parsed config.
import {
  analyze,
  fixAll,
  formatText,
  hover,
  planView,
  readConfig,
  syntaxView,
  type PageConfig,
} from "./analysis.js";
import { rules, validateConfig } from "@hull/linter";
import type { RequestKind, RequestMessage, Requests, ResponseMessage } from "./protocol.js";

let cached: { text: string; config: PageConfig } | null = null;
/** Milliseconds spent reading configs (the first read compiles the schema validator). */
let configMs = 0;

function configOf(text: string): PageConfig {
  if (cached?.text !== text) {
    const start = performance.now();
    cached = { text, config: readConfig(text) };
    configMs += performance.now() - start;
  }
  return cached.config;
}

type Handlers = { [K in RequestKind]: (args: Requests[K]["args"]) => Requests[K]["result"] };

const handlers: Handlers = {
  analyze: ({ text, config }) => ({ ...analyze(text, configOf(config)), configMs }),
  hover: ({ text, config, offset }) => hover(text, configOf(config), offset),
  fixAll: ({ text, config }) => fixAll(text, configOf(config)),
  format: ({ text }) => formatText(text),
  syntax: ({ text }) => syntaxView(text),
  plan: ({ text, ...request }) => planView(text, request),
};

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, kind, args } = event.data;
  let response: ResponseMessage;
  try {
    const handler = handlers[kind] as (a: typeof args) => unknown;
    response = { id, ok: true, result: handler(args) };
  } catch (error) {
    // hull's functions do not throw on any input; this is a bug, shown on the page rather than lost.
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
  if (kind === "analyze" && !warmed) {
    // Compile the config schema's validator once the first diagnostics are out, not when the user first edits.
    warmed = true;
    setTimeout(() => validateConfig({}, rules), 0);
  }
};

let warmed = false;
