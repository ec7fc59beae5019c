import { defineRule } from "../rule.js";

export default defineRule({
  id: "expose-invalid-format",
  title: "EXPOSE only container ports, without host IP or host port",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "ExposeInvalidFormat" },
  docs: {
    rationale:
      "`EXPOSE` documents which ports the container listens on; it cannot publish them. " +
      "A host address or host port (`EXPOSE 127.0.0.1:8080:80`, `EXPOSE 8080:80`) is accepted but ignored: only the container port reaches the image config. " +
      "Publish ports when running the container (`docker run -p 8080:80`), and expose only the container port. " +
      "The fix removes the ignored part, so the image config stays the same.",
    limitations:
      "A port given by a variable is read as the build sets it, and reported without a fix; one a build argument gives is not checked, as its value is the build's (BuildKit checks the ARG's default).",
    bad: [
      `FROM nginx:1.27
EXPOSE 8080:80
`,
      `FROM nginx:1.27
EXPOSE 127.0.0.1:8080:80/tcp
`,
    ],
    good: [
      `FROM nginx:1.27
EXPOSE 80
`,
      `FROM nginx:1.27
EXPOSE 80/tcp 8000-8010
`,
    ],
  },
  messages: {
    hostPart: (port: string) =>
      `Port '${port}' has a host IP or host port, which EXPOSE ignores; expose only the container port.`,
  },
  visitor: {
    Expose(node, ctx) {
      if (ctx.isTrigger(node) || ctx.currentStage() === null) return;
      for (const word of node.args) {
        // BuildKit checks the port as the build sets it (`EXPOSE $PORT`); a build argument's value is the build's.
        const value = ctx.semantic.valueBefore(node, word.value);
        if (value === null) continue;
        const colon = value.lastIndexOf(":");
        if (colon === -1) continue;
        const container = value.slice(colon + 1);
        const slash = container.indexOf("/");
        const port = slash === -1 ? container : container.slice(0, slash);
        const proto = slash === -1 ? "" : container.slice(slash + 1);
        // An empty port or an unknown protocol fails the build before BuildKit runs this check.
        if (port === "" || !["", "tcp", "udp", "sctp"].includes(proto.toLowerCase())) continue;
        // Only a word written as the port is fixed: a variable or quotes are the user's to change.
        if (value !== word.value) {
          ctx.report(word, "hostPart", value);
          continue;
        }
        const prefix = ctx.rangeOf(word.range.start.offset, word.range.start.offset + colon + 1);
        ctx.report({ at: word, fix: { range: prefix, text: "" } }, "hostPart", word.value);
      }
    },
  },
});
