import { defineRule } from "../rule.js";

export default defineRule({
  id: "expose-invalid-port",
  title: "EXPOSE only ports between 0 and 65535",
  severity: "error",
  fixable: false,
  aliases: { hadolint: "DL3011", trivy: "DS-0008", semgrep: "invalid-port" },
  docs: {
    rationale:
      "TCP and UDP ports are 16-bit numbers, so a port above 65535 cannot exist, and BuildKit refuses it when it builds the image config. " +
      "A port range must also go upwards (`8000-8010`), and a port is digits only: BuildKit rejects `80a`.",
    limitations: "Ports that come from a variable are not checked.",
    bad: [
      `FROM nginx:1.27
EXPOSE 80800
`,
      `FROM nginx:1.27
EXPOSE 9000-8000/udp
`,
      `FROM nginx:1.27
EXPOSE 80a
`,
    ],
    good: [
      `FROM nginx:1.27
EXPOSE 80 443/tcp 8000-8010/udp
`,
      `FROM nginx:1.27
EXPOSE \${PORT}
`,
    ],
    seeAlso: ["expose-invalid-format"],
  },
  messages: {
    outOfRange: (port: string) => `Port ${port} is out of range: ports go from 0 to 65535.`,
    notANumber: (port: string) =>
      `Port '${port}' is not a number (or a range of numbers); BuildKit rejects it.`,
    reversedRange: (range: string) =>
      `Port range ${range} ends before it starts; write the lower port first.`,
  },
  visitor: {
    Expose(node, ctx) {
      for (const word of node.args) {
        // Read as the build sets it (`EXPOSE $PORT` after `ENV PORT=8080`); a port a build argument gives is the
        // build's.
        const text = ctx.semantic.valueBefore(node, word.value);
        if (text === null) continue;
        // The container port: after a host part (reported by expose-invalid-format), before the protocol.
        const from = text.lastIndexOf(":") + 1;
        const slash = text.indexOf("/", from);
        const spec = text.slice(from, slash < 0 ? undefined : slash);
        const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
        const exact = text === word.value && word.range.end.offset - word.range.start.offset === text.length;
        const at = (start: number, length: number) =>
          exact
            ? ctx.rangeOf(word.range.start.offset + start, word.range.start.offset + start + length)
            : word;
        if (!m) {
          // An empty port (`EXPOSE :80`, `/tcp`) is expose-invalid-format's.
          if (spec !== "") ctx.report(at(from, spec.length), "notANumber", spec);
          continue;
        }
        const low = m[1]!;
        const high = m[2];
        if (Number(low) > 65535) ctx.report(at(from, low.length), "outOfRange", low);
        if (high !== undefined && Number(high) > 65535)
          ctx.report(at(from + low.length + 1, high.length), "outOfRange", high);
        else if (high !== undefined && Number(high) < Number(low))
          ctx.report(at(from, spec.length), "reversedRange", spec);
      }
    },
  },
});
