import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { runShell, scriptRange } from "../shell/run.js";

type Reason = "inspects" | "processes" | "mount" | "network" | "interactive";

/** hadolint's list (its message also names ifconfig, which its code does not check) and why each is pointless. */
const commands: ReadonlyMap<string, Reason> = new Map([
  ["free", "inspects"],
  ["ps", "inspects"],
  ["top", "inspects"],
  ["kill", "processes"],
  ["service", "processes"],
  ["shutdown", "processes"],
  ["mount", "mount"],
  ["ifconfig", "network"],
  ["ssh", "interactive"],
  ["vim", "interactive"],
]);

/** vim options that run it as a script instead of an editor: `vim +PlugInstall +qall`, `vim -es -c …`. */
const vimBatch = /^(?:\+.*|-c|--cmd|-e|-E|-s|-es|-Es|-S|--version|-h|--help)$/;

export default defineRule({
  id: "no-pointless-command",
  title: "Do not run commands that have no effect in an image build",
  severity: "info",
  fixable: false,
  aliases: { hadolint: "DL3001", semgrep: "nonsensical-command" },
  docs: {
    rationale:
      "A `RUN` builds a filesystem layer; only the files it changes are kept. " +
      "Commands that show or manage processes (`ps`, `top`, `free`, `kill`, `service`, `shutdown`), mount file systems or configure the network (`mount`, `ifconfig`) act on a build container that is thrown away when the `RUN` ends, and interactive programs (`vim`, `ssh`) have no terminal to talk to. " +
      "They are leftovers from working in a shell, or a sign that the Dockerfile is treated like a virtual machine.",
    limitations:
      "Uses that do work in a build are accepted: a state piped into a `grep` whose status counts, as a check (`RUN mount | grep /dev/shm`), `vim` running a script (`vim +PlugInstall +qall`), `service … start` followed by commands that use the service, `kill` of a job started in the same `RUN`, `ssh` with an SSH mount (`RUN --mount=type=ssh`), and a program asked only for its version or help (`mount --version`), which checks that it is installed.",
    hadolintDifferences:
      "the uses above that do work in a build are accepted, since they are not pointless; and `ifconfig` is reported, which hadolint's message names but its code does not check.",
    bad: [
      `FROM debian:12
RUN apt-get install -y nginx && service nginx start
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get install -y nginx
CMD ["nginx", "-g", "daemon off;"]
`,
      `FROM mysql:8.4
RUN service mysql start && mysql < /schema.sql && service mysql stop
`,
      `FROM debian:12
RUN vim -es +PlugInstall +qall
`,
    ],
  },
  messages: {
    inspects: (command: string) =>
      `'${command}' only shows the state of the build container, which is gone when the RUN ends; it does not change the image.`,
    processes: (command: string) =>
      `'${command}' acts on processes of the build container, which are gone when the RUN ends; start services from CMD or ENTRYPOINT.`,
    mount: (command: string) =>
      `'${command}' does not carry into the image, and builds usually lack the privileges for it; use RUN --mount.`,
    network: (command: string) =>
      `'${command}' configures the build container's network, which does not carry into the image.`,
    interactive: (command: string) => `'${command}' is interactive, and a build has no terminal.`,
  },
  visitor: {
    Run(node, ctx) {
      // Only the script's own commands: these programs do not turn up inside `$(…)`, and splitting every
      // substitution would cost more than the whole rule.
      const shell = runShell(node, ctx);
      const all = shell.commands;
      if (!all.some((c) => c.base !== null && commands.has(c.base))) return;
      const sshMount = node.mounts.some((m) => m.mountType === "ssh");
      const background = all.some((c) => c.operator === "&");
      const serviceUsed = usesStartedService(all);
      for (const [i, command] of all.entries()) {
        const base = command.base;
        const reason = base === null ? undefined : commands.get(base);
        if (base === null || !reason) continue;
        // `mount --version`: a check that the program is installed, which fails the build if it is not.
        if (command.args.length > 0 && command.args.every((a) => versionOrHelp.test(a.value))) continue;
        if (base === "vim" && command.args.some((a) => vimBatch.test(a.value))) continue;
        if (base === "ssh" && sshMount) continue;
        if (base === "service" && serviceUsed) continue;
        if (base === "kill" && (background || command.args.some((a) => /[$%`]/.test(a.value)))) continue;
        // `RUN mount | grep /dev/shm`: state piped into a grep whose status counts (it ends the RUN, or `&&`/`||`
        // follows) is a check that fails the build; `ps aux | grep x; …` throws the answer away.
        const next = all[i + 1];
        const after = all[i + 2];
        const check =
          next?.operator === "|" &&
          next.base === "grep" &&
          (after === undefined || after.operator === "&&" || after.operator === "||");
        const bareMount = base === "mount" && command.args.length === 0;
        if (check && (reason === "inspects" || bareMount)) continue;
        // A bare `mount` only lists the mounts.
        ctx.report(
          scriptRange(ctx, shell, commandWord(command)!),
          base === "mount" && command.args.length === 0 ? "inspects" : reason,
          base,
        );
      }
    },
  },
});

const versionOrHelp = /^(?:--version|-V|--help|-h)$/;

/** True when a `service … start` is followed by commands other than `service` (the build uses the service). */
function usesStartedService(list: readonly ShellCommand[]): boolean {
  const start = list.findIndex(
    (c) => c.base === "service" && c.args.some((a) => a.value === "start" || a.value === "restart"),
  );
  return start >= 0 && list.slice(start + 1).some((c) => c.base !== "service");
}
