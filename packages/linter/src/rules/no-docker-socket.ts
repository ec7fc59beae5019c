import { defineRule } from "../rule.js";

const socket = /^(?:\/var)?\/run\/docker\.sock$/;

export default defineRule({
  id: "no-docker-socket",
  title: "Do not declare the Docker socket as a volume",
  severity: "warning",
  fixable: false,
  aliases: { semgrep: "dockerfile-dockerd-socket-mount" },
  security: "critical",
  docs: {
    rationale:
      "Access to the Docker daemon's socket is root on the host: whoever can talk to it can start a privileged container that mounts the host's file system. " +
      "`VOLUME /var/run/docker.sock` marks the image as expecting the socket to be mounted, which invites `-v /var/run/docker.sock:/var/run/docker.sock` on every run, and otherwise only leaves an empty anonymous volume behind. " +
      "Mount the socket explicitly where it is really needed (and prefer a socket proxy that allows only the calls you use, or rootless Docker).",
    limitations: "Semgrep's `dockerfile-dockerd-socket-mount` reports the same.",
    bad: [
      `FROM docker:27-cli
VOLUME /var/run/docker.sock
`,
      `FROM alpine:3.20
VOLUME ["/data", "/run/docker.sock"]
`,
    ],
    good: [
      `FROM alpine:3.20
VOLUME /data
`,
    ],
    seeAlso: [
      "https://github.com/semgrep/semgrep-rules/blob/develop/dockerfile/security/dockerd-socket-mount.yaml",
    ],
  },
  messages: {
    socket: (path: string) => `'${path}' as a volume exposes the Docker daemon, which is root on the host.`,
  },
  visitor: {
    Volume(node, ctx) {
      for (const word of node.args) {
        // As the build sets it (`VOLUME $SOCK`); a path a build argument gives is the build's.
        const value = ctx.semantic.valueBefore(node, word.value);
        if (value === null) continue;
        // `VOLUME /var/run/docker.sock:/var/run/docker.sock`, written as for `docker run -v`, means the same.
        const paths = value.split(":").map((p) => p.replace(/\/+$/, ""));
        if (paths.some((p) => socket.test(p))) ctx.report(word, "socket", value);
      }
    },
  },
});
