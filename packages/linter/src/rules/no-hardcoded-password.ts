import { defineRule } from "../rule.js";
import type { ShellCommand, ShellWord } from "../shell/lexer.js";
import { hasFlag, operands, optionValues, type WordPart, wordPart } from "../shell/options.js";
import { type RunShell, runCommands, scriptCommands, scriptRange } from "../shell/run.js";
import { hasParameter, nestedCommands, parameter, positionals } from "../shell/tools/powershell.js";
import { windowsScripts } from "./utils/windows-scripts.js";

/** Values of `useradd -p` that lock the account instead of setting a password (an empty one sets none at all). */
const locked = /^(?:[*!x]|!!)$/;

/**
 * A password hash as `useradd -p` takes it (crypt(3): `$6$salt$…`, `$y$…`, or 13 characters of DES). Other text
 * is stored as the hash itself, which no password matches: the account is locked (`useradd -p gitpod gitpod`).
 */
const cryptHash = /^[./0-9A-Za-z]{13}$/;

/**
 * The passwords an `echo`/`printf` feeding `chpasswd` or `passwd` writes. An empty one (`root:`) is given as its
 * `user:` line, with `empty` set.
 */
function fedPasswords(feeder: ShellCommand, reader: string): { at: WordPart; empty: boolean }[] {
  const result: { at: WordPart; empty: boolean }[] = [];
  for (const word of feeder.args) {
    if (word.value.startsWith("-")) continue;
    if (reader === "chpasswd") {
      // `user:password` lines, possibly several joined with `\n`.
      const text = word.value;
      for (const m of text.matchAll(/(?:^|\\n|\n)([^:\s\\]+:)([^\s\\]*)/g)) {
        const [, user, password] = m as unknown as [string, string, string];
        const end = m.index + m[0].length;
        if (password !== "")
          result.push({ at: wordPart(word, end - password.length, password), empty: false });
        // Empty only when the line ends there (`root:\$x` is no empty password).
        else if (end === text.length || /^(?:\\n|\s)/.test(text.slice(end, end + 2)))
          result.push({ at: wordPart(word, end - user.length, user), empty: true });
      }
    } else {
      // `passwd` reads the new password (twice) from standard input.
      const password = word.value.split(/\\n|\n/)[0]!;
      if (password !== "") result.push({ at: wordPart(word, 0, password), empty: false });
    }
  }
  return result;
}

function passwords(commands: readonly ShellCommand[]): { at: WordPart; tool: string; empty: boolean }[] {
  const found: { at: WordPart; tool: string; empty: boolean }[] = [];
  commands.forEach((command, i) => {
    const name = command.base ?? "";
    const previous = commands[i - 1];
    const piped = command.operator === "|" && previous?.name !== null && previous !== undefined;
    if ((name === "chpasswd" || name === "passwd") && piped) {
      const feeder = previous.base!;
      if (feeder === "echo" || feeder === "printf")
        for (const { at, empty } of fedPasswords(previous, name)) found.push({ at, tool: name, empty });
    }
    // `passwd -d user` deletes the password: the account then logs in with none (Alpine's CVE-2019-5021).
    if (name === "passwd" && hasFlag(command, "d", "delete")) {
      const at = operands(command).at(-1) ?? command.args[0];
      if (at) found.push({ at: wordPart(at, 0, at.value), tool: "passwd --delete", empty: true });
    }
    if (name === "useradd" || name === "usermod") {
      for (const at of optionValues(command, "p", "password"))
        if (!locked.test(at.value) && (at.value === "" || /\$/.test(at.value) || cryptHash.test(at.value)))
          found.push({ at, tool: `${name} --password`, empty: at.value === "" });
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
      "An empty password (`echo 'root:' | chpasswd`, `passwd -d root`, `useradd -p ''`) is worse: the account logs in with none, so any process of an unprivileged `USER` can `su` to it (Alpine's images shipped so: CVE-2019-5021). Lock an account instead (`passwd -l`, `useradd -p '*'`). " +
      "Containers rarely need passwords at all: run as an unprivileged `USER`, use keys for SSH, and if a password is unavoidable, set it when the container starts, from a secret.",
    limitations:
      "On Windows it reports `net user NAME PASSWORD` (cmd or PowerShell) and PowerShell's `ConvertTo-SecureString 'text' -AsPlainText` with a password written out or read from the environment (`%NAME%`, `$env:NAME`); a PowerShell variable set earlier in the script (`$pw`) is not followed. " +
      "The rule reports passwords fed to `chpasswd` or `passwd` by `echo`/`printf`, and `useradd`/`usermod -p` (when its value is a password hash, as `-p` takes; other text locks the account), when the value is written out or comes from a build variable; values computed at build time (`$(openssl rand -base64 12)`, `$(cat /run/secrets/pw)`) are not reported. " +
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
    empty: (tool: string) =>
      `${tool} sets an empty password, so the account logs in with none; lock it instead (\`passwd -l\`, or \`useradd -p '*'\`).`,
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
        for (const { at, tool, empty } of passwords(commands)) {
          if (empty) {
            ctx.report(scriptRange(ctx, shell, at), "empty", tool);
            continue;
          }
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
