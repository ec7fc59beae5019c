import type { ShellcheckOutput, ShellcheckRequest } from "@hull/linter";

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
  let comments: unknown;
  try {
    comments = (JSON.parse(output.stdout) as { comments?: unknown }).comments;
  } catch {
    return null;
  }
  if (!Array.isArray(comments)) return null;
  // The request each file name belongs to, by the file's place in the run.
  const owner = new Map<string, number>();
  const shares: { files: string[]; comments: unknown[] }[] = [];
  let next = 0;
  requests.forEach((request, r) => {
    const files = output.files.slice(next, next + request.scripts.length);
    next += request.scripts.length;
    for (const file of files) owner.set(file, r);
    shares.push({ files, comments: [] });
  });
  for (const comment of comments) {
    const r = owner.get((comment as { file?: unknown }).file as string);
    if (r !== undefined) shares[r]!.comments.push(comment);
  }
  return shares.map((share) => ({
    files: share.files,
    stdout: JSON.stringify({ comments: share.comments }),
  }));
}
