import { shellcheckComments, type ShellcheckOutput, type ShellcheckRequest } from "@hull/linter";

/**
 * Runs ShellCheck once on the scripts of several requests (one per Dockerfile) and splits its output into each
 * request's share, as if each had been run alone: ShellCheck checks every file it is given on its own. Null when
 * the run failed or its output cannot be read; the caller then runs the requests one by one. The requests must
 * share their options (`args`).
 */
export function runShellcheckBatch(
  run: (request: ShellcheckRequest) => ShellcheckOutput | null,
  requests: readonly ShellcheckRequest[],
): ShellcheckOutput[] | null {
  const args = requests[0]?.args ?? [];
  if (requests.some((r) => r.args.length !== args.length || r.args.some((a, i) => a !== args[i])))
    throw new Error("runShellcheckBatch: requests with different options");
  const output = run({ args, scripts: requests.flatMap((r) => r.scripts) });
  if (output === null) return null;
  const byFile = shellcheckComments(output);
  if (byFile === null) return null;
  // Each request's files follow the previous request's, in the run's order.
  let next = 0;
  return requests.map((request) => {
    const start = next;
    next += request.scripts.length;
    const comments = byFile.slice(start, next).flat();
    return { files: output.files.slice(start, next), stdout: JSON.stringify({ comments }) };
  });
}
