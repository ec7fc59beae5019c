import type { ShellcheckComment, ShellcheckOutput, ShellcheckRequest } from "@hull/linter";

/**
 * ShellCheck's findings for the editor, which never waits for ShellCheck. Lint asks about a document's scripts and
 * is answered at once with what is known of each, by its text: ShellCheck reads every script on its own, so a RUN
 * whose text has not changed keeps its findings while the rest of the document is edited. The scripts not known
 * yet are collected for the server, which checks them in the background and lints the document again.
 */
export class ShellcheckResults {
  /** Each script's findings: ShellCheck's json1 comments, without the name of the file it was checked as. */
  private readonly byScript = new Map<string, readonly object[]>();

  /** Lint's runner: answers from what is known, and adds the scripts not known yet to `unknown`. */
  runner(unknown: Set<string>): (request: ShellcheckRequest) => ShellcheckOutput {
    return (request) => {
      const files = request.scripts.map((_, i) => `${i}.sh`);
      const comments: object[] = [];
      request.scripts.forEach((script, i) => {
        const known = this.byScript.get(script);
        if (known === undefined) unknown.add(script);
        else for (const comment of known) comments.push({ ...comment, file: files[i] });
      });
      return { files, stdout: JSON.stringify({ comments }) };
    };
  }

  /** Keeps ShellCheck's comments on each script (`shellcheckEachScript`, in the order of `scripts`). */
  store(scripts: readonly string[], found: readonly (readonly ShellcheckComment[])[]): void {
    // A long session edits many scripts: past a bound, start afresh (open documents are checked again).
    if (this.byScript.size + scripts.length > maxScripts) this.byScript.clear();
    scripts.forEach((script, i) =>
      this.byScript.set(
        script,
        (found[i] ?? []).map(({ file: _, ...rest }) => rest),
      ),
    );
  }
}

const maxScripts = 10_000;
