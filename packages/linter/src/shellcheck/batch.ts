import {
  shellcheckComments,
  type ShellcheckComment,
  type ShellcheckOutput,
  type ShellcheckRequest,
} from "./shellcheck.js";

/** A ShellCheck run: its output, or the error that kept it from checking the files. */
export type AsyncShellcheckRunner = (request: ShellcheckRequest) => Promise<ShellcheckOutput | Error>;

/**
 * Runs ShellCheck on scripts in up to `ways` processes side by side, each given a run of consecutive scripts of
 * about the same length, and gives each script's comments, in the order of the scripts (with the file names of the
 * run that checked it). The error that stopped a run, or one saying its output is not `json1`, when there is one.
 */
export async function shellcheckEachScript(
  run: AsyncShellcheckRunner,
  args: readonly string[],
  scripts: readonly string[],
  ways = 1,
): Promise<ShellcheckComment[][] | Error> {
  const parts = await Promise.all(splitScripts(scripts, ways).map((part) => run({ args, scripts: part })));
  const byScript: ShellcheckComment[][] = [];
  for (const output of parts) {
    if (output instanceof Error) return output;
    const byFile = shellcheckComments(output);
    if (byFile === null) return new Error("its output is not ShellCheck's json1");
    // Not push(...byFile): a generated file's tens of thousands of scripts would overflow the call's arguments.
    for (const comments of byFile) byScript.push(comments);
  }
  return byScript;
}

/**
 * Runs ShellCheck on the scripts of several requests (one per Dockerfile), side by side as `shellcheckEachScript`
 * does, and gives each request its share, as if it had been run alone: ShellCheck checks every file it is given on
 * its own. Null when a run failed or its output cannot be read; the caller then runs the requests one by one. The
 * requests must share their options (`args`).
 */
export async function runShellcheckBatch(
  run: AsyncShellcheckRunner,
  requests: readonly ShellcheckRequest[],
  ways = 1,
): Promise<ShellcheckOutput[] | null> {
  const args = requests[0]?.args ?? [];
  if (requests.some((r) => r.args.length !== args.length || r.args.some((a, i) => a !== args[i])))
    throw new Error("runShellcheckBatch: requests with different options");
  const byScript = await shellcheckEachScript(
    run,
    args,
    requests.flatMap((r) => r.scripts),
    ways,
  );
  if (byScript instanceof Error) return null;
  // Each request's scripts follow the previous request's. Its share names them as if it had been run alone.
  let next = 0;
  return requests.map((request) => {
    const files = request.scripts.map((_, i) => `${i}.sh`);
    const comments = byScript
      .slice(next, (next += files.length))
      .flatMap((found, i) => found.map((comment) => ({ ...comment, file: files[i] })));
    return { files, stdout: JSON.stringify({ comments }) };
  });
}

/**
 * The scripts in at most `ways` runs of consecutive scripts, of about the same total length, each of at least
 * `minScripts`: a process takes about as long to start as ShellCheck takes to check a few small scripts.
 */
export function splitScripts(scripts: readonly string[], ways: number): string[][] {
  const parts = Math.max(1, Math.min(ways, Math.floor(scripts.length / minScripts)));
  // prefix[i]: the length of the scripts before the i-th.
  const prefix = [0];
  for (const script of scripts) prefix.push(prefix[prefix.length - 1]! + script.length);
  const total = prefix[scripts.length]!;
  const runs: string[][] = [];
  let start = 0;
  for (let k = 1; k <= parts; k++) {
    // The k-th run ends where the text before it comes nearest to k shares of the whole, leaving every run its
    // scripts; the last ends with the scripts.
    let end = scripts.length;
    if (k < parts) {
      const first = start + minScripts;
      const last = scripts.length - (parts - k) * minScripts;
      const share = (total * k) / parts;
      end = first;
      for (let i = first + 1; i <= last; i++)
        if (Math.abs(prefix[i]! - share) < Math.abs(prefix[end]! - share)) end = i;
    }
    runs.push(scripts.slice(start, end));
    start = end;
  }
  return runs;
}

const minScripts = 4;
