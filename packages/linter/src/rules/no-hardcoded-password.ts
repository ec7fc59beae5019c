import { defineRule } from "../rule.js";
import type { ShellCommand, ShellWord } from "../shell/lexer.js";
import { optionValues, type WordPart, wordPart } from "../shell/options.js";
import { type RunShell, runCommands, scriptCommands, scriptRange } from "../shell/run.js";
import { hasParameter, nestedCommands, parameter, positionals } from "../shell/tools/powershell.js";
import { windowsScripts } from "./utils/windows-scripts.js";

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
      "On Windows it reports `net user NAME PASSWORD` (cmd or PowerShell) and PowerShell's `ConvertTo-SecureString 'text' -AsPlainText` with a password written out or read from the environment (`%NAME%`, `$env:NAME`); a PowerShell variable set earlier in the script (`$pw`) is not followed. " +
      "The rule reports passwords fed to `chpasswd` or `passwd` by `echo`/`printf`, and `useradd`/`usermod -p`, when the value is written out or comes from a build variable; values computed at build time (`$(openssl rand -base64 12)`, `$(cat /run/secrets/pw)`) are not reported. " +
      "Checkov's CKV2_DOCKER_17 reports every use of `chpasswd`.",
    bad: [
      `FROM ubuntu:24.04
RUN useradd -m dev && echo 'dev:dev' | chpasswd
`,
      `FROM centos:7
RUN echo 'Docker!' | passwd --stdin root
`,
      `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN net user builder P@ssw0rd1 /add
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
  visitor: {
    Run(node, ctx) {
      const { shell, lists } = runCommands(node, ctx);
      const secretMount = node.mounts.some((m) => m.mountType === "secret");
      for (const script of windowsScripts(shell)) {
        for (const { at, kind, tool } of windowsPasswords(script)) {
          if (kind === "variable" && secretMount) continue;
          ctx.report(scriptRange(ctx, script, at), kind, tool);
        }
      }
      for (const commands of lists) {
        for (const { at, tool } of passwords(commands)) {
          // A value computed by a command (random, or read from a secret file) is not stored.
          if (at.kind === "computed" || (at.kind === "variable" && secretMount)) continue;
          ctx.report(scriptRange(ctx, shell, at), at.kind, tool);
        }
      }
    },
  },
});

/** `net user NAME PASSWORD [/add]` (cmd and PowerShell) and `ConvertTo-SecureString 'text' -AsPlainText` (PowerShell). */
function windowsPasswords(script: RunShell): { at: ShellWord; kind: "literal" | "variable"; tool: string }[] {
  if (script.dialect !== "cmd" && script.dialect !== "powershell") return [];
  const found: { at: ShellWord; kind: "literal" | "variable"; tool: string }[] = [];
  const kindOf = (word: ShellWord): "literal" | "variable" | null => {
    if (/%\w+%|\$\{?env:/i.test(word.raw)) return "variable";
    // A PowerShell variable or expression is computed by the script; it is not followed.
    if (script.dialect === "powershell" && /^[$(@]/.test(word.raw)) return null;
    return "literal";
  };
  const commands = scriptCommands(script);
  const all =
    script.dialect === "powershell" ? [...commands, ...commands.flatMap((c) => nestedCommands(c))] : commands;
  for (const command of all) {
    if (command.base === "net" && command.args[0]?.value.toLowerCase() === "user") {
      // `net user NAME PASSWORD`: a `*` asks for it at the prompt.
      const [, password] = command.args.slice(1).filter((a) => !a.value.startsWith("/"));
      const kind = password && password.value !== "*" ? kindOf(password) : null;
      if (password && kind) found.push({ at: password, kind, tool: "net user" });
    }
    if (command.base === "convertto-securestring" && hasParameter(command, ["AsPlainText"])) {
      const text = parameter(command, ["String"]) ?? positionals(command, ["AsPlainText", "Force"])[0];
      const kind = text ? kindOf(text) : null;
      if (text && kind) found.push({ at: text, kind, tool: "ConvertTo-SecureString" });
    }
  }
  return found;
}
