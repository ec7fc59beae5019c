import { defineRule } from "../rule.js";
import { isWindowsStage } from "../shell/dialect.js";
import { unquote } from "./utils/instruction-text.js";

const system = /^\/(?:proc|boot|dev|sys|initrd|lost\+found)(?:\/|$)/;

export default defineRule({
  id: "no-system-workdir",
  title: "Do not use a system directory as WORKDIR",
  severity: "warning",
  fixable: false,
  aliases: { trivy: "DS-0030" },
  security: "high",
  docs: {
    rationale:
      "`/proc`, `/sys` and `/dev` are replaced by kernel file systems when the container starts, `/boot` holds the host's kernel on machines that mount it, and `/lost+found` and `/initrd` belong to the file system and the boot process. " +
      "Files written there during the build disappear or land where the runtime does not expect them, and a working directory under `/proc` or `/sys` points commands at kernel interfaces. " +
      "Use a directory of your own, such as `/app` or `/srv/app`.",
    limitations:
      "Trivy reports this as DS-0030 (`/proc`, `/boot`, `/dev`, `/initrd`, `/lost+found`); hull also includes `/sys`. " +
      "A stage the file shows to build on Windows (its base image's name, a Windows shell, `USER ContainerUser`) is not reported: there `/dev` is an ordinary folder on drive C:.",
    bad: [
      `FROM debian:12
WORKDIR /proc/app
`,
    ],
    good: [
      `FROM debian:12
WORKDIR /app
`,
      `FROM debian:12
WORKDIR /devtools
`,
    ],
    seeAlso: [
      "https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/prevent_sys_workdir_mounts.rego",
    ],
  },
  messages: {
    system: (path: string) =>
      `WORKDIR '${path}' is a system directory that the runtime or the kernel owns; use a directory of your own.`,
  },
  visitor: {
    Workdir(node, ctx) {
      if (!node.value) return;
      const path = unquote(node.value.value);
      if (!path || !system.test(path)) return;
      // On Windows `/dev` is only the folder `C:\dev`.
      const stage = ctx.semantic.stageOf(node);
      if (stage && isWindowsStage(ctx.semantic, stage)) return;
      ctx.report(node.value, "system", path);
    },
  },
});
