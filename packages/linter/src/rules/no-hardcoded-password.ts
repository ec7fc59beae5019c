import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { optionValues, type WordPart, wordPart } from "../shell/options.js";
import { runCommands, scriptRange } from "../shell/run.js";

/** Values of `useradd -p` that lock the account instead of setting a password. */
const locked = /^(?:[*!x]|!!|)$/;

/** The passwords an `echo`/`printf` feeding `chpasswd` or `passwd` writes. */
function fedPasswords(feeder: ShellCommand, reader: string): WordPart[] {
  const result: WordPart[] = [];
  for (const word of feeder.args) {
    if (word.value.startsWith("-")) continue;
    if (reader === "chpasswd") {
      // `user:password` lines, possibly several joined with `\n`.
      for (const m of word.value.matchAll(/(?:^|\\n|\n)[^:\s\\]+:([^\s\\]+)/g)) {
        const password = m[1]!;
        result.push(wordPart(word, m.index + m[0].length - password.length, password));
      }
    } else {
      // `passwd` reads the new password (twice) from standard input.
      const password = word.value.split(/\\n|\n/)[0]!;
      if (password !== "") result.push(wordPart(word, 0, password));
    }
  }
  return result;
}

function passwords(commands: readonly ShellCommand[]): { at: WordPart; tool: string }[] {
  const found: { at: WordPart; tool: string }[] = [];
  commands.forEach((command, i) => {
    const name = command.base ?? "";
    const previous = commands[i - 1];
    const piped = command.operator === "|" && previous?.name !== null && previous !== undefined;
    if ((name === "chpasswd" || name === "passwd") && piped) {
      const feeder = previous.base!;
      if (feeder === "echo" || feeder === "printf")
        for (const at of fedPasswords(previous, name)) found.push({ at, tool: name });
    }
    if (name === "useradd" || name === "usermod") {
      for (const at of optionValues(command, "p", "password"))
        if (!locked.test(at.value)) found.push({ at, tool: `${name} --password` });
    }
  });
  return found;
}

export default defineRule({
  id: "no-hardcoded-password",
  title: "Do not set account passwords from values written in the Dockerfile",
  severity: "warning",
  fixable: false,
  aliases: { checkov: "CKV2_DOCKER_17" },
  security: "high",
  docs: {
    rationale:
      "`echo 'root:secret' | chpasswd` gives an account of the image a password that everyone can read: in the Dockerfile, in `docker history`, and as a hash in the image's `/etc/shadow`. " +
      "Every container started from the image then shares that well-known password, which turns any exposed login (SSH, a console, `su`) into a way in. " +
      "Containers rarely need passwords at all: run as an unprivileged `USER`, use keys for SSH, and if a password is unavoidable, set it when the container starts, from a secret.",
    limitations:
      "The rule reports passwords fed to `chpasswd` or `passwd` by `echo`/`printf`, and `useradd`/`usermod -p`, when the value is written out or comes from a build variable; values computed at build time (`$(openssl rand -base64 12)`, `$(cat /run/secrets/pw)`) are not reported. " +
      "Checkov's CKV2_DOCKER_17 reports every use of `chpasswd`.",
    bad: [
      `FROM ubuntu:24.04
RUN useradd -m dev && echo 'dev:dev' | chpasswd
`,
      `FROM centos:7
RUN echo 'Docker!' | passwd --stdin root
`,
    ],
    good: [
      `FROM ubuntu:24.04
RUN echo "root:$(openssl rand -base64 12)" | chpasswd
`,
      `FROM ubuntu:24.04
RUN useradd -m -p '*' dev
`,
    ],
    seeAlso: [
      "no-inline-credentials",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunChpasswd.yaml",
    ],
  },
  messages: {
    literal: (tool: string) =>
      `Password set with ${tool} is written in the Dockerfile and readable in the image; do not bake passwords into images.`,
    variable: (tool: string) =>
      `Password set with ${tool} comes from a build variable stored in the image history; do not bake passwords into images.`,
  },
  create(ctx) {
    return {
      Run(node) {
        const { shell, lists } = runCommands(node);
        const secretMount = node.mounts.some((m) => m.mountType === "secret");
        for (const commands of lists) {
          for (const { at, tool } of passwords(commands)) {
            // A value computed by a command (random, or read from a secret file) is not stored.
            if (at.kind === "computed" || (at.kind === "variable" && secretMount)) continue;
            ctx.report(scriptRange(ctx, shell, at), at.kind, tool);
          }
        }
      },
    };
  },
});
