import { defineRule } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

const reservedNamespaces = ["com.docker.", "io.docker.", "org.dockerproject."];
/** Keys of the reserved namespace that Docker asks others to write: a Docker Desktop extension's metadata. */
const extensionLabels = /^com\.docker\.(?:desktop\.)?extension\./;

/** What is wrong with a label key, or null when it follows Docker's key format. */
function problem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return "it must start with a lowercase letter";
  if (!/[a-z0-9]$/.test(key)) return "it must end with a lowercase letter or a digit";
  if (/[^a-z0-9._/-]/.test(key))
    return "it may only contain lowercase letters, digits, '.', '-', '_' and '/'";
  if (key.includes("..") || key.includes("--")) return "it must not repeat '.' or '-'";
  return null;
}

export default defineRule({
  id: "invalid-label-key",
  title: "Write label keys in lowercase reverse-DNS form",
  severity: "style",
  fixable: false,
  aliases: { hadolint: "DL3048" },
  docs: {
    rationale:
      "Docker's guidelines for label keys: start with a lowercase letter, end with a lowercase letter or digit, use only lowercase letters, digits, `.` and `-`, and do not repeat `.` or `-`. " +
      "Namespace your keys with a reverse domain you control (`com.example.team`), or use the standard `org.opencontainers.image.*` keys; tools that read labels expect these forms. " +
      "The namespaces `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker itself, except the keys a Docker Desktop extension must set (`com.docker.desktop.extension.*`, `com.docker.extension.*`).",
    limitations:
      "Keys that contain a variable are not checked. Like hadolint, hull also accepts `_` and `/` in a key, which the guidelines leave out.",
    hadolintDifferences:
      "a key with a variable (`LABEL org.$NAME=x`) is not reported, where hadolint reports `$` as an invalid character: BuildKit expands the variable, and the key it makes is not known here.",
    bad: [
      `FROM alpine:3.20
LABEL Maintainer=ops@example.com
`,
      `FROM alpine:3.20
LABEL com.docker.team=backend
`,
    ],
    good: [
      `FROM alpine:3.20
LABEL org.opencontainers.image.authors="ops@example.com" com.example.tier=backend
`,
    ],
  },
  messages: {
    invalid: (key: string, reason: string) => `Label key '${key}' is not valid: ${reason}.`,
    reserved: (key: string, namespace: string) =>
      `Label key '${key}' is in the namespace '${namespace}', which is reserved for Docker.`,
  },
  visitor: {
    Label(node, ctx) {
      // Template placeholders (`{{ … }}`, `<%= … %>`) are not keys yet.
      if (/\{\{|<%/.test(node.logical)) return;
      for (const pair of node.pairs) {
        const key = unquote(pair.key.value);
        if (key === "" || key.includes("$")) continue;
        const reason = problem(key);
        if (reason !== null) {
          ctx.report(pair.key, "invalid", key, reason);
          continue;
        }
        const namespace = reservedNamespaces.find((ns) => key.startsWith(ns));
        if (namespace && !extensionLabels.test(key))
          ctx.report(pair.key, "reserved", key, namespace.slice(0, -1));
      }
    },
  },
});
