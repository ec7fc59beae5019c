import { defineRule } from "../rule.js";

/**
 * Parser diagnostic codes that a real rule reports instead (code → rule id), so that users see one finding, not
 * two; the engine leaves them out of `syntax-error` whenever the owning rule is in the registry.
 */
export const parseCodesOwnedByRules: Readonly<Record<string, string>> = {
  "instruction-before-from": "from-first",
  "empty-continuation": "no-empty-continuation",
  "onbuild-chaining": "onbuild-invalid-trigger",
  "onbuild-trigger": "onbuild-invalid-trigger",
};

/** Not a rule that runs: the metadata under which the parser's errors are reported (the engine emits them). */
export default defineRule({
  id: "syntax-error",
  title: "Fix the syntax errors that stop the Dockerfile from parsing",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL1000" },
  docs: {
    rationale:
      "BuildKit refuses a Dockerfile that does not parse, so the build fails before it starts. " +
      "hull reports every parse error with its exact position and keeps linting the rest of the file.",
    limitations:
      "When the `# syntax=` directive names a frontend other than Docker's own (`docker/dockerfile`, `docker/dockerfile-upstream`), that image parses the file and may add instructions (`INCLUDE` of `devthefuture/dockerfile-x`): a keyword the Dockerfile grammar does not know is then no error but one info finding for the file, and hull checks the other instructions with the Dockerfile grammar.",
    bad: [
      `FROM alpine:3.20
COPY
`,
    ],
    good: [
      `FROM alpine:3.20
COPY app.js /app/
`,
    ],
  },
  messages: {
    syntax: (message: string) => message,
  },
  visitor: {},
});
