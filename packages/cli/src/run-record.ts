/**
 * What a run did that bin/hull.js asks about when it writes V8's code cache after the run. A cache holds the
 * functions the run compiled in this thread, and every later start reads all of it: it serves best when a short
 * run wrote it, as most runs are (a pre-commit hook, an editor's lint on save). An atypical run is not such one:
 * - a `hull lint` that linted in worker threads compiled few of the linter's functions here, and later one-file
 *   runs compiled them every time (measured: 100 against 88 ms, median of 60 starts);
 * - one that linted many files here compiled many that short runs never use, and later starts read them all (the
 *   cache a lint of the 3,197 corpus files wrote: 96 against 86 ms, median of 20 starts).
 * An atypical run writes a cache only where there is none, and does not count as one of the runs that fill it.
 */
export const runRecord = { atypical: false };
