// The page's side of the worker protocol: one promise per request.
import type { RequestKind, Requests, ResponseMessage } from "./protocol.js";

export class HullClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** Takes the worker index.html started, or starts one (a module worker: the bundles are ES modules). */
  constructor(url: string) {
    const started = (window as { hullWorker?: Worker }).hullWorker;
    this.worker = started ?? new Worker(url, { type: "module" });
    this.worker.onmessage = (event: MessageEvent<ResponseMessage>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error));
    };
  }

  request<K extends RequestKind>(kind: K, args: Requests[K]["args"]): Promise<Requests[K]["result"]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, kind, args });
    });
  }
}
