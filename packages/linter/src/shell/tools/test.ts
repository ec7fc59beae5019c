import type { ShellCommand, ShellWord } from "../lexer.js";

/** A yes-or-no literal a switch is compared with (`true`, `0`, `off`). */
export const switchLiteral = /^(?:0|1|true|false|yes|no|on|off)$/i;

const testCommands: ReadonlySet<string> = new Set(["[", "[[", "test"]);
const comparisons: ReadonlySet<string> = new Set(["=", "==", "!=", "-eq", "-ne"]);
/** What stands on either side of one test in `[ … ]`: nothing, `!`, or an `-a`/`-o`/`&&`/`||` joining tests. */
const testBoundaries: ReadonlySet<string> = new Set(["!", "-a", "-o", "&&", "||", "(", ")"]);
/** grep options that change neither what it reads nor that its status says whether the line matched. */
const grepTestOptions = /^-[qsixwFEG]+$/;

/**
 * How many words of the commands read the variable `name` only as a switch: tested for being empty or set
 * (`[ -z "$X" ]`, `test -n "$X"`, `[ "$X" ]`), compared with a yes-or-no literal (`[ "$X" = true ]`,
 * `[[ $X != 0 ]]`), or echoed into a grep for one (`echo "$X" | grep -q false`). A word counts when it is the whole
 * reference (`"$X"`, `${X}`), so `${X:-1}` or `"v$X"` do not; commands inside `$(…)` are not read.
 */
export function switchTests(commands: readonly ShellCommand[], name: string): number {
  const isReference = (word: ShellWord | undefined) =>
    word !== undefined && (word.value === `$${name}` || word.value === `\${${name}}`);
  let count = 0;
  commands.forEach((command, index) => {
    if (command.name !== null && testCommands.has(command.name)) {
      const args = command.args.map((w) => w.value);
      const close = command.name === "[" ? "]" : command.name === "[[" ? "]]" : null;
      if (close !== null && args.at(-1) === close) args.pop();
      const operand = (i: number) => i < 0 || i >= args.length || testBoundaries.has(args[i]!);
      command.args.forEach((word, i) => {
        if (i >= args.length || !isReference(word)) return;
        const before = args[i - 1];
        const unary = (before === "-z" || before === "-n") && operand(i - 2) && operand(i + 1);
        const alone = operand(i - 1) && operand(i + 1);
        const compared = (op: string | undefined, other: string | undefined) =>
          op !== undefined && comparisons.has(op) && other !== undefined && switchLiteral.test(other);
        const binary =
          (compared(args[i + 1], args[i + 2]) && operand(i - 1) && operand(i + 3)) ||
          (compared(before, args[i - 2]) && operand(i - 3) && operand(i + 1));
        if (unary || alone || binary) count++;
      });
      return;
    }
    // `echo "$X" | grep -q false`: the echo prints only the value, and grep's status says whether it is the literal.
    if (command.base !== "echo" || command.args.length !== 1 || !isReference(command.args[0])) return;
    const next = commands[index + 1];
    if (next?.operator !== "|" || next.base !== "grep") return;
    const patterns = next.args.filter((w) => !grepTestOptions.test(w.value));
    if (patterns.length === 1 && switchLiteral.test(patterns[0]!.value)) count++;
  });
  return count;
}
