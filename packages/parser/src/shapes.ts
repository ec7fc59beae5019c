/**
 * V8 gives the instances of a class a hidden class ("map") that only live instances keep alive. When a full
 * garbage collection runs between two parses, no parser object is alive: V8 drops those maps and deoptimizes
 * every function compiled against them, so the next parse runs in the interpreter and compiles everything again
 * (measured on the corpus: a pass right after a full GC took about 2.5 times the CPU time of the pass before).
 * Each class that parsing instantiates per call keeps one instance here, built with the same fields in the same
 * order as the real ones, so that its map and the code compiled against it survive.
 */
const kept: object[] = [];

/** Keeps `instance` (and with it its class's map) alive for the life of the process; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
