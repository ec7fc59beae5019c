import { defineRule } from "../rule.js";
import { runCommands, scriptRange } from "../shell/run.js";
import { systemInstall } from "../shell/tools/packages.js";

const servers = /^(?:openssh-server|dropbear)(?:[=:<>].*)?$/;

/**
 * Tools that start a job's processes on the other containers of a cluster over SSH: MPI's launchers (Open MPI's rsh
 * agent is ssh), Horovod, DeepSpeed's multi-node runner, pdsh, Hadoop's and Slurm's scripts. An image that carries
 * one needs its sshd for that, which `docker exec` cannot do.
 */
const clusterLaunchers =
  /\b(?:mpirun|mpiexec|open-?mpi|mpich|horovod(?:run)?|deepspeed|pdsh|hadoop|slurm)\b/i;

export default defineRule({
  id: "no-ssh-server",
  title: "Do not run an SSH server in the container",
  severity: "warning",
  fixable: false,
  aliases: { trivy: "DS-0004", checkov: "CKV_DOCKER_1", kics: "5907595b-5b6d-4142-b173-dbb0e73fbff8" },
  security: "medium",
  docs: {
    rationale:
      "An SSH server in a container is one more network service with credentials to steal and a daemon to keep patched, and it is rarely needed: `docker exec` (or `kubectl exec`) opens a shell in a running container, and `docker cp` copies files in and out. " +
      "Exposing port 22 advertises that service to whoever runs the image.",
    limitations:
      "The rule reports `EXPOSE 22` and installing `openssh-server` or `dropbear` with apt, apk, yum, dnf or zypper (the `openssh-client` package is fine). " +
      "A file that names a tool which starts processes on other containers over SSH (MPI's `mpirun`, Open MPI, MPICH, Horovod, DeepSpeed, pdsh, Hadoop, Slurm) is not reported: its sshd is how a distributed job starts. " +
      'Trivy (DS-0004), Checkov (CKV_DOCKER_1) and KICS ("Exposing Port 22 (SSH)") report the `EXPOSE`.',
    bad: [
      `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
EXPOSE 22
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends openssh-client
EXPOSE 8080
`,
    ],
    seeAlso: [
      "https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/port22.rego",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/ExposePort22.py",
      "https://github.com/Checkmarx/kics/tree/master/assets/queries/dockerfile/exposing_port_22",
    ],
  },
  messages: {
    expose: () =>
      "Port 22 is SSH; use `docker exec` to get a shell in a container instead of running an SSH server.",
    install: (pkg: string) =>
      `'${pkg}' installs an SSH server; use \`docker exec\` to get a shell in a container instead.`,
  },
  state: () => ({ launcher: undefined as boolean | undefined }),
  visitor: {
    Expose(node, ctx) {
      for (const word of node.args) {
        // As the build sets it (`EXPOSE "22"`, `EXPOSE $SSH_PORT`); a port a build argument gives is the build's.
        const value = ctx.semantic.valueBefore(node, word.value);
        if (value === null || !/^22(?:\/(?:tcp|udp))?$/i.test(value)) continue;
        if (!(ctx.state.launcher ??= clusterLaunchers.test(ctx.source))) ctx.report(word, "expose");
      }
    },
    Run(node, ctx) {
      const { shell, all } = runCommands(node, ctx);
      for (const command of all) {
        for (const pkg of systemInstall(command)?.packages ?? []) {
          if (servers.test(pkg.value) && !(ctx.state.launcher ??= clusterLaunchers.test(ctx.source)))
            ctx.report(scriptRange(ctx, shell, pkg), "install", pkg.value.split(/[=:<>]/)[0]!);
        }
      }
    },
  },
});
