import type { Run } from "@hull/parser";
import { defineRule } from "../rule.js";
import type { ShellCommand } from "../shell/lexer.js";
import { hasFlag, operands } from "../shell/options.js";
import { runCommands, scriptRange } from "../shell/run.js";
import { chmodOptions } from "../shell/tools/coreutils.js";

/**
 * True when a chmod mode lets every user write, without the sticky bit that keeps `/tmp`-like directories safe.
 * Given `overFiles` (a recursive chmod that may reach files), the sticky bit protects nothing.
 */
function worldWritable(mode: string, overFiles = false): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, "0");
    const sticky = (Number(digits[0]) & 1) === 1;
    return (!sticky || overFiles) && (Number(digits[3]) & 2) === 2;
  }
  if (!/^[ugoa]*[-+=][rwxXstugo]*(?:,[ugoa]*[-+=][rwxXstugo]*)*$/.test(mode)) return false;
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(",")) {
    const [, who, op, perms] = /^([ugoa]*)([-+=])(.*)$/.exec(clause)!;
    // Without `o` or `a`, `+w` follows the umask, which keeps others from writing.
    const others = who!.includes("o") || who!.includes("a");
    if (op !== "-" && perms!.includes("t")) sticky = true;
    if (others && op !== "-" && perms!.includes("w")) writable = true;
    if (others && (op === "-" || op === "=") && !perms!.includes("w")) writable = false;
  }
  return writable && (!sticky || overFiles);
}

/** Adds the directories a `mkdir` makes (with `-p`, the ones above them too) to `made`. */
function addMade(command: ShellCommand, made: Set<string>): void {
  const parents = hasFlag(command, "p", "parents");
  for (const o of operands(command)) {
    let dir = o.value.replace(/\/+$/, "");
    made.add(dir);
    for (let slash = dir.lastIndexOf("/"); parents && slash > 0; slash = dir.lastIndexOf("/")) {
      dir = dir.slice(0, slash);
      made.add(dir);
    }
  }
}

/** True when a chmod mode takes write access away from others (`chmod 440`, `chmod o-w`, `chmod a=rx`). */
function revokesOthersWrite(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) return (Number(mode.at(-1)) & 2) === 0;
  let revoked = false;
  for (const clause of mode.split(",")) {
    const match = /^([ugoa]*)([-+=])([rwxXstugo]*)$/.exec(clause);
    if (!match) return false;
    const [, who, op, perms] = match;
    if (!who!.includes("o") && !who!.includes("a")) continue;
    if (op === "+" && perms!.includes("w")) revoked = false;
    else if ((op === "-" && perms!.includes("w")) || (op === "=" && !perms!.includes("w"))) revoked = true;
  }
  return revoked;
}

/**
 * The paths a later command of the same script removes (`rm`), or gives a mode others cannot write (a later
 * `chmod 440`, recursive if this one was): what the layer keeps of them is not world-writable.
 */
function settledLater(commands: readonly ShellCommand[], index: number, recursive: boolean): Set<string> {
  const settled = new Set<string>();
  for (const command of commands.slice(index + 1)) {
    if (command.base === "rm") for (const w of operands(command)) settled.add(w.value.replace(/\/+$/, ""));
    else if (command.base === "chmod" && (!recursive || hasFlag(command, "R", "recursive"))) {
      const [mode, ...targets] = operands(command, chmodOptions);
      if (mode && revokesOthersWrite(mode.value))
        for (const t of targets) settled.add(t.value.replace(/\/+$/, ""));
    }
  }
  return settled;
}

/**
 * True for a path no layer keeps: the kernel's and the runtime's file systems that every RUN gets (`/dev/shm` is a
 * tmpfs, `/proc` and `/sys` are the kernel's), and the RUN's own mounts (a cache, a tmpfs, a bind).
 */
function outsideImage(path: string, node: Run): boolean {
  const clean = path.replace(/\/+$/, "");
  if (/^\/(?:dev|proc|sys)(?:\/|$)/.test(clean)) return true;
  return node.mounts.some(
    (m) =>
      m.target?.startsWith("/") &&
      (clean === m.target || clean.startsWith(`${m.target.replace(/\/+$/, "")}/`)),
  );
}

export default defineRule({
  id: "no-world-writable",
  title: "Do not make files world-writable",
  severity: "warning",
  fixable: false,
  security: "medium",
  docs: {
    rationale:
      "A file or directory that every user may write (`chmod 777`, `chmod o+w`, `COPY --chmod=666`) can be changed by any process in the container, whatever user it runs as. " +
      "A compromised low-privilege process can then replace a program or script that a more privileged one runs later, or rewrite configuration and data it should only read. " +
      "Give ownership to the user that needs to write (`COPY --chown=app`, `chown app`) and keep the mode at `755`/`644`, or `775` for a shared group.",
    limitations:
      "Paths no layer keeps are not reported: `/dev` (`chmod 777 /dev/shm` changes the tmpfs the RUN gets), `/proc`, `/sys`, and the RUN's own mounts. " +
      "Directories with the sticky bit (`chmod 1777`, as for `/tmp`) are not reported, since users there cannot delete or rename each other's files, unless the `chmod` is recursive over files (`chmod -R 1777 /home/app` makes every file below world-writable too; over directories the same `RUN` made, it reaches no file); neither is a path the same `RUN` removes again or gives a mode others cannot write (`chmod 666 /etc/sudoers && … && chmod 440 /etc/sudoers`; recursively, after a recursive `chmod`). " +
      "None of the scanners studied has this check.",
    bad: [
      `FROM debian:12
RUN mkdir -p /app/data && chmod -R 777 /app
`,
      `FROM debian:12
COPY --chmod=777 entrypoint.sh /usr/local/bin/
`,
    ],
    good: [
      `FROM debian:12
RUN mkdir -p /app/data && chown -R 1000:1000 /app/data && chmod 755 /app
`,
      `FROM debian:12
RUN mkdir -p /var/cache/app && chmod 1777 /var/cache/app
`,
    ],
  },
  messages: {
    writable: (mode: string) =>
      `Mode '${mode}' lets every user write here; give ownership to the user that needs it instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const { shell, lists } = runCommands(node, ctx);
      for (const commands of lists) {
        // The directories the RUN has made so far.
        const made = new Set<string>();
        for (let i = 0; i < commands.length; i++) {
          const command = commands[i]!;
          if (command.base === "mkdir") addMade(command, made);
          if (command.base !== "chmod") continue;
          const [mode, ...targets] = operands(command, chmodOptions);
          // A recursive chmod of directories the RUN just made (`mkdir -p "$GOPATH/src" && chmod -R 1777
          // "$GOPATH"`) reaches directories only, which the sticky bit protects.
          const recursive = hasFlag(command, "R", "recursive");
          const overFiles = recursive && !targets.every((t) => made.has(t.value.replace(/\/+$/, "")));
          if (!mode || !worldWritable(mode.value, overFiles)) continue;
          if (targets.length > 0 && targets.every((t) => outsideImage(t.value, node))) continue;
          const settled = settledLater(commands, i, recursive);
          if (targets.length > 0 && targets.every((t) => settled.has(t.value.replace(/\/+$/, "")))) continue;
          ctx.report(scriptRange(ctx, shell, mode), "writable", mode.value);
        }
      }
    },
    Copy(node, ctx) {
      for (const flag of node.flags)
        if (flag.name === "chmod" && flag.value && worldWritable(flag.value))
          ctx.report(flag.valueRange ?? flag, "writable", flag.value);
    },
    Add(node, ctx) {
      for (const flag of node.flags)
        if (flag.name === "chmod" && flag.value && worldWritable(flag.value))
          ctx.report(flag.valueRange ?? flag, "writable", flag.value);
    },
  },
});
