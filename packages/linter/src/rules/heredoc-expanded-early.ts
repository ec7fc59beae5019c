import type { Run, SemanticModel } from "@hull/parser";
import { defineRule } from "../rule.js";
import { activeShell, programName } from "../shell/dialect.js";
import { parseShell, type ShellCommand, shellNames, type ShellWord } from "../shell/lexer.js";

/** Interpreters whose own variables are written `$name`, so that the RUN's shell takes them for its own. */
const dollarLanguages: ReadonlySet<string> = new Set(["perl", "php", "ruby", "node", "nodejs"]);

export default defineRule({
  id: "heredoc-expanded-early",
  title: "Quote the delimiter of a heredoc script that uses its own variables",
  severity: "warning",
  fixable: "unsafe",
  docs: {
    rationale:
      "In `RUN <<EOF bash` (or `RUN bash <<EOF`, `RUN <<EOF perl`), BuildKit hands the whole text to the RUN's shell, `/bin/sh -c`, and that shell reads the heredoc: " +
      "with an unquoted delimiter it expands `$name`, `${name}` and `$1` in the body before `bash` or `perl` sees a line. " +
      "A variable the script sets itself, a loop variable, a positional parameter or `$?` is then replaced by the outer shell's value, nearly always empty: " +
      "`for f in *.conf; do echo $f; done` prints empty lines, and a Perl script loses every `$x`. " +
      "Quote the delimiter (`<<'EOF'`) to pass the body as written; the script still sees every ARG and ENV, which are in its environment. " +
      "A lone `RUN <<EOF` is not affected: BuildKit runs that body as the script itself. " +
      "The fix quotes the delimiter; it is unsafe where the body escapes a `$` or a backquote for the outer shell, which would then stay escaped.",
    limitations:
      "For a shell, only names the body assigns (`x=`, `export x=`, `read x`, `for x in`), positional parameters, `$?` and `$!` are reported: " +
      "ARG and ENV names have the same value either way. " +
      "For Perl, PHP, Ruby and Node, a `$name` that is not an ARG or ENV of the stage is reported; Python and other languages, where `$` is rare, are not checked. " +
      "Heredocs read by other programs (`cat <<EOF > file`) are data, where expanding ARG values is usually the point, and are not checked.",
    bad: [
      `FROM debian:12
RUN <<EOF bash
set -eu
for conf in /etc/app/*.conf; do
  echo "checking $conf"
done
EOF
`,
    ],
    good: [
      `FROM debian:12
RUN <<'EOF' bash
set -eu
for conf in /etc/app/*.conf; do
  echo "checking $conf"
done
EOF
`,
      {
        description:
          "A lone heredoc is the script itself: BuildKit runs its body with the RUN's shell, once.",
        code: `FROM debian:12
RUN <<EOF
for conf in /etc/app/*.conf; do echo "checking $conf"; done
EOF
`,
      },
      {
        description: "ARG and ENV values are the same whichever shell expands them.",
        code: `FROM debian:12
ARG VERSION=1.2.3
RUN <<EOF bash
set -eu
echo "installing $VERSION"
EOF
`,
      },
    ],
  },
  messages: {
    shell: (p: { ref: string; program: string }) =>
      `The RUN's shell expands ${p.ref} in this heredoc before ${p.program} runs it, while the script has not set it yet; quote the delimiter to pass the script as written.`,
    language: (p: { ref: string; program: string }) =>
      `The RUN's shell expands ${p.ref} in this heredoc before ${p.program} reads it, so the ${p.program} variable is lost; quote the delimiter to pass the script as written.`,
  },
  visitor: {
    Run(node, ctx) {
      if (node.form !== "shell" || node.heredocs.length === 0) return;
      if (activeShell(ctx.semantic, node).dialect !== "posix") return;
      const line = node.args[0]?.value ?? "";
      // BuildKit runs a RUN that is one heredoc word as the body itself: nothing expands it twice.
      if (/^\s*\d*<<-?\s*\S+\s*$/.test(line)) return;
      const commands = parseShell(line);
      for (const heredoc of node.heredocs) {
        const reader = commands.find((c) => heredocInput(c, heredoc.name));
        // Quotes or a backslash in the delimiter (`<<'EOF'`, `<<\EOF`) make the shell leave the body as it is.
        const word = reader && heredocInput(reader, heredoc.name);
        if (!reader?.name || !word || word.raw !== word.value) continue;
        const program = programName(reader.name);
        const found = shellNames.has(program)
          ? earlyShellReference(heredoc.body)
          : isDollarLanguage(program)
            ? earlyLanguageReference(heredoc.body, scopeNames(node, ctx.semantic))
            : null;
        if (!found) continue;
        const at = heredoc.bodyRange.start.offset + found.start;
        const marker = heredoc.markerRange.start.offset;
        const name = marker + ctx.source.slice(marker, heredoc.markerRange.end.offset).indexOf(heredoc.name);
        // A body that escapes `$`, a backquote or a backslash for the outer shell would keep the escapes.
        const fix = /\\[$`\\]/.test(heredoc.body)
          ? undefined
          : { range: ctx.rangeOf(name, name + heredoc.name.length), text: `'${heredoc.name}'` };
        const message = shellNames.has(program) ? "shell" : "language";
        ctx.report({ at: ctx.rangeOf(at, at + found.text.length), fix }, message, {
          ref: found.text,
          program,
        });
        return;
      }
    },
  },
});

function isDollarLanguage(program: string): boolean {
  return dollarLanguages.has(program.replace(/[\d.]+$/, ""));
}

/** The delimiter word when `command` has the heredoc `name` as its standard input. */
function heredocInput(command: ShellCommand, name: string): ShellWord | undefined {
  for (const r of command.redirects)
    if ((r.op === "<<" || r.op === "<<-") && r.target?.value === name) return r.target;
  return undefined;
}

/** ARG and ENV names of the stage before the RUN; an empty set where the model does not know the scope. */
function scopeNames(node: Run, semantic: SemanticModel): ReadonlySet<string> {
  const scope = semantic.scopeBefore(node);
  if (!scope) return new Set();
  return new Set([...scope.env.keys(), ...scope.args, ...scope.uncertain]);
}

interface Reference {
  /** `$x`, `${x}`, `$1` as written. */
  readonly text: string;
  /** The name, digit or special character. */
  readonly name: string;
  readonly start: number;
}

/**
 * The `$` references an unquoted heredoc's body has for the shell that reads it: not escaped by a backslash, and
 * outside `$((…))` (whose names are read without `$`). Quotes do not protect anything in a heredoc.
 */
function references(body: string): Reference[] {
  const found: Reference[] = [];
  const pattern =
    /\\[\s\S]|\$(?:\{(#?)([A-Za-z_]\w*|[1-9]\d*|[@*#?!])([^}]*)\}|([A-Za-z_]\w*)|([1-9@*#?!]))/g;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    if (m[0].startsWith("\\")) continue;
    const name = m[2] ?? m[4] ?? m[5];
    if (name !== undefined) found.push({ text: m[0], name, start: m.index });
  }
  return found;
}

/** Names a shell script assigns: `x=`, `export x=`, `local x`, `read -r x y`, `for x in`, `getopts o x`. */
function assignedNames(commands: readonly ShellCommand[]): Set<string> {
  const names = new Set<string>();
  for (const command of commands) {
    const words = command.words;
    for (let i = 0; i < words.length; i++) {
      const value = words[i]!.value;
      const assignment = /^([A-Za-z_]\w*)(?:\[[^\]]*\])?\+?=/.exec(value);
      if (assignment && (i === 0 || !words[i - 1]!.value.includes("="))) names.add(assignment[1]!);
      if ((value === "for" || value === "select") && /^[A-Za-z_]\w*$/.test(words[i + 1]?.value ?? ""))
        names.add(words[i + 1]!.value);
    }
    if (command.name === null) continue;
    const args = command.args.map((a) => a.value);
    if (["export", "local", "declare", "typeset", "readonly"].includes(command.name))
      for (const a of args) if (/^[A-Za-z_]\w*$/.test(a)) names.add(a);
    if (command.name === "read") readNames(args, names);
    if (command.name === "getopts" && args[1] !== undefined) names.add(args[1]);
  }
  return names;
}

/** The variables `read` sets: its operands, and the array of `-a`. */
function readNames(args: readonly string[], names: Set<string>): void {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") continue;
    if (a.startsWith("-")) {
      // `-p prompt`, `-d delim`, `-n 3`, `-t 5`, `-u 3` take a value; `-a name` names an array.
      if (/^-[a-zA-Z]*[pdntNu]$/.test(a)) i++;
      else if (/^-[a-zA-Z]*a$/.test(a) && args[i + 1] !== undefined) names.add(args[++i]!);
      continue;
    }
    if (/^[A-Za-z_]\w*$/.test(a)) names.add(a);
  }
}

/** The first reference a shell script's body has to its own variable, a positional parameter, `$?` or `$!`. */
function earlyShellReference(body: string): Reference | null {
  const refs = references(body);
  if (refs.length === 0) return null;
  const assigned = assignedNames(parseShell(body));
  return refs.find((r) => /^[\d@*#?!]/.test(r.name) || assigned.has(r.name)) ?? null;
}

/** The first `$name` of a Perl, PHP, Ruby or Node body that is not an ARG or ENV of the stage. */
function earlyLanguageReference(body: string, scope: ReadonlySet<string>): Reference | null {
  return references(body).find((r) => /^\w/.test(r.name) && !scope.has(r.name)) ?? null;
}
