/**
 * What a run did that bin/hull.js asks about when it writes V8's code cache after the run. A cache holds the
 * functions the run compiled in this thread; a `hull lint` that linted in worker threads compiled few of the
 * linter's here, so its cache would leave later one-file runs (a pre-commit hook, an editor's lint on save) to
 * compile them every time (measured: 100 against 88 ms, median of 60 starts). Such a run writes the cache without
 * counting as one of the runs that fill it.
 */
export const runRecord = { workerThreads: false };
