import { defineRule } from "../rule.js";

export default defineRule({
  id: "expose-proto-casing",
  title: "Write EXPOSE protocols in lowercase",
  severity: "warning",
  fixable: "safe",
  aliases: { buildkit: "ExposeProtoCasing" },
  docs: {
    rationale:
      "The protocol of an exposed port (`tcp`, `udp` or `sctp`) is case-insensitive, and BuildKit stores it in lowercase in the image config. " +
      "Writing `80/TCP` suggests a distinction that does not exist; write it as it is stored.",
    limitations:
      "A port given by a variable is read as the build sets it, and reported without a fix; one a build argument gives is not checked, as its value is the build's (BuildKit checks the ARG's default).",
    bad: [
      `FROM nginx:1.27
EXPOSE 80/TCP 53/Udp
`,
    ],
    good: [
      `FROM nginx:1.27
EXPOSE 80/tcp 53/udp 8080
`,
    ],
  },
  messages: {
    uppercase: (port: string) => `Protocol of port '${port}' should be lowercase.`,
  },
  visitor: {
    Expose(node, ctx) {
      if (ctx.isTrigger(node) || ctx.currentStage() === null) return;
      for (const word of node.args) {
        // BuildKit checks the port as the build sets it (`EXPOSE $PORT`); a build argument's value is the build's.
        const value = ctx.semantic.valueBefore(node, word.value);
        if (value === null) continue;
        const container = value.slice(value.lastIndexOf(":") + 1);
        const slash = container.indexOf("/");
        if (slash <= 0) continue;
        const proto = container.slice(slash + 1);
        // Anything but tcp, udp and sctp (in any case) fails the build before this check.
        if (!["tcp", "udp", "sctp"].includes(proto.toLowerCase()) || proto === proto.toLowerCase()) continue;
        // Only a word written as the port is fixed: a variable or quotes are the user's to change.
        if (value !== word.value) {
          ctx.report(word, "uppercase", value);
          continue;
        }
        const start = word.range.end.offset - proto.length;
        const at = ctx.rangeOf(start, word.range.end.offset);
        ctx.report({ at, fix: { range: at, text: proto.toLowerCase() } }, "uppercase", word.value);
      }
    },
  },
});
