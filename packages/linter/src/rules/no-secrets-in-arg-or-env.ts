import { expandWord, type Word } from "@hull/parser";
import { defineRule } from "../rule.js";

// BuildKit's tokens: a name matches when one of its `_`-separated parts is a deny token and none is an allow token.
const denyTokens = new Set([
  "apikey",
  "auth",
  "credential",
  "credentials",
  "key",
  "password",
  "pword",
  "passwd",
  // Not BuildKit's: Jenkins binds a username-and-password credential to NAME_USR and NAME_PSW.
  "psw",
  "secret",
  "token",
]);
// `dont` is not BuildKit's: a name that says "don't" is a switch (apt-key's APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE).
const allowTokens = new Set(["public", "file", "version", "dont"]);
// OpenPGP key ids and fingerprints (16, 40 or 64 hex digits), alone or in a list; they are published to be checked against.
const fingerprints = /^(?:(?:0x)?(?:[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})(?:[\s,]+|$))+$/;
const booleans = new Set(["true", "false", "yes", "no", "on", "off", "0", "1"]);
/**
 * A value that stands for none: an empty JSON object or array, or a null word, bare or in punctuation (`**None**`,
 * `<none>`, `(null)`). A default password (`changeme`) is not one: it is what the image is used with.
 */
const noValue = /^(?:\{\s*\}|\[\s*\]|[^\w\s]*(?:none|null|nil|undefined)[^\w\s]*)$/i;

/** Text that every name with a deny token contains; names without any are not split into parts. */
const mentionsDenied = /key|auth|pass|pword|psw|secret|token|credential/i;

/** True when BuildKit would take the variable name for a secret. */
function looksSecret(name: string): boolean {
  if (!mentionsDenied.test(name)) return false;
  const parts = name.toLowerCase().split("_");
  return parts.some((p) => denyTokens.has(p)) && !parts.some((p) => allowTokens.has(p));
}

/** A relative file name with the extension of a script, a config or a key file (`resetOSPassword.sh`, `tls/ca.key`). */
const fileName =
  /^[\w.-]+(?:\/[\w.-]+)*\.(?:sh|bash|ps1|py|rb|pl|js|json|ya?ml|toml|xml|ini|cfg|conf|properties|txt|env|key|pem|crt|cer|der|csr|p12|pfx|jks|keystore|gpg|asc|pub|rsp|sql)$/i;

/**
 * A URL without a user name, password or query that is only a host, or the address of a published key or
 * certificate (`https://packages.example.com/release.key`). Other paths may hold a secret (a webhook's).
 */
const plainUrl = /^[a-z][a-z\d+.-]*:\/\/[^\s/@?#]+(?:\/[^\s?#@]*\.(?:key|asc|gpg|pub|pem|crt|cer)|\/?)$/i;

/**
 * True for values that cannot be secrets although the name says so: settings, file paths (absolute, or relative from
 * `./`, `../` or `~/`: `GOOGLE_APPLICATION_CREDENTIALS=./key.json` names the file), URLs, public key fingerprints.
 */
function harmlessValue(keyword: "ARG" | "ENV", name: string, value: string): boolean {
  const v = value.trim();
  // An ARG's empty or null default stands for the value a build passes, as an ARG without one does; an ENV's is
  // what the image holds, and the real value comes with `docker run -e`.
  if (v === "" || noValue.test(v)) return keyword === "ENV";
  if (
    booleans.has(v.toLowerCase()) ||
    /^(?:\/|\.\.?\/|~\/)\S*$/.test(v) ||
    fileName.test(v) ||
    plainUrl.test(v)
  )
    return true;
  // A fingerprint only under a name that says "key" and nothing more secret: GPG_KEY, SWIFT_SIGNING_KEY, LLVM_KEY.
  const parts = name.toLowerCase().split("_");
  const onlyKey = parts.every((p) => p === "key" || !denyTokens.has(p));
  return (
    onlyKey && !parts.some((p) => ["api", "access", "private", "client"].includes(p)) && fingerprints.test(v)
  );
}

export default defineRule({
  id: "no-secrets-in-arg-or-env",
  title: "Do not pass secrets through ARG or ENV",
  severity: "warning",
  fixable: false,
  aliases: {
    hadolint: "DL3064",
    buildkit: "SecretsUsedInArgOrEnv",
    trivy: "DS-0031",
    semgrep: "secret-in-build-arg",
  },
  security: "critical",
  docs: {
    rationale:
      "Values of `ARG` and `ENV` are stored in the image: `ENV` in its config, and build arguments in the history of every `RUN` that sees them. " +
      "Anyone who can pull the image can read them with `docker history` or `docker inspect`. " +
      "Pass secrets with `RUN --mount=type=secret` (or `type=ssh`) instead; they are available to one command and never stored.",
    limitations:
      "Like BuildKit, the rule looks at the variable's name: a `_`-separated part equal to `apikey`, `auth`, `credential(s)`, `key`, `password`, `pword`, `passwd`, `secret` or `token` (in any case), or `psw` (Jenkins' name for the password half of a credential), makes it a secret, unless another part is `public`, `file` or `version` (or `dont`, which makes a switch: `APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE`). " +
      "`ARG`s before the first `FROM` are not reported, as in BuildKit: they reach the image only when a stage declares them again. " +
      "Unlike BuildKit, a name is not reported when its value, as far as this file sets it, cannot be a secret: empty, an empty JSON object or array (`{}`, `[]`) or a null word (`none`, `null`, `nil`, `undefined`, bare or in punctuation: `**None**`, `<none>`) (for an `ENV`; such an `ARG` default stands for the value a build passes), a boolean (`0` and `1` too), a file path (absolute, or starting with `./`, `../` or `~/`), a file name with the extension of a script, a config or a key file (`reset_password.sh`, `certs/server.key`), a URL without a user, password or query that is a host or the address of a published key or certificate (`https://packages.example.com/release.key`), or (for a plain `…_KEY`) OpenPGP key fingerprints such as `ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305`.",
    hadolintDifferences:
      "names are split at `_` and read as BuildKit reads them, so `GITHUB_USERNAME` or `MY_PRIVATE_THING` are not reported (a user name is no secret, and hadolint's substring match on `username` and `private` was reported as noise by its users), and a value that cannot be a secret is accepted as described above. " +
      "An `ARG` before the first `FROM` is not reported where hadolint reports it: it reaches no image unless a stage declares it again, and that declaration is reported.",
    bad: [
      `FROM node:22
ARG NPM_TOKEN
RUN npm ci
`,
      `FROM postgres:17
ENV POSTGRES_PASSWORD=postgres
`,
      `FROM alpine:3.20
ENV JWT_SIGNING_KEY=change-me
`,
    ],
    good: [
      `FROM node:22
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
`,
      `FROM node:22
ARG GPG_PUBLIC_KEY
ARG TOKEN_FILE=/run/secrets/token
ENV KEYCLOAK_VERSION=26
`,
      `FROM python:3.13
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
`,
      `FROM node:22
ARG TOKENS
ENV MONKEY=1 USE_AUTH=true TLS_KEY=/etc/tls/tls.key
`,
    ],
  },
  messages: {
    secret: (keyword: "ARG" | "ENV", name: string) =>
      `Possible secret in ${keyword} '${name}': its value is stored in the image; use a secret mount instead.`,
  },
  visitor: {
    // The stage's own instructions: preamble ARGs and ONBUILD triggers are not dispatched as instructions of a stage.
    Stage(stage, ctx) {
      const escape = ctx.ast.escapeChar;
      // The model evaluates the global ARGs once per file.
      const globals = ctx.semantic.globals.values;
      // What this file sets; a variable missing from it has an unknown value. Only the value of a secret-looking
      // name is needed, so the definitions before it are evaluated when one comes (most stages have none).
      const env = new Map<string, string>();
      const pending: Definition[] = [];
      const define = ({ name, raw, fallback }: Definition): string | null => {
        let value = fallback;
        if (raw !== null) {
          const result = expandWord(raw, env, { escape });
          value = result.error || result.missing.length > 0 ? null : result.value;
        }
        if (value === null) env.delete(name);
        else env.set(name, value);
        return value;
      };
      const valueOf = (definition: Definition): string | null => {
        for (const earlier of pending) define(earlier);
        pending.length = 0;
        return define(definition);
      };
      for (const node of stage.instructions) {
        if (node.type === "Arg") {
          for (const decl of node.declarations) {
            // BuildKit does not expand ARG names; it tests them as written.
            const name = decl.name.value;
            const definition: Definition = decl.defaultValue
              ? { name, raw: decl.defaultValue.value, fallback: null }
              : { name, raw: null, fallback: globals.get(name) ?? null };
            if (!looksSecret(name)) {
              pending.push(definition);
              continue;
            }
            const value = valueOf(definition);
            if (!(value !== null && harmlessValue("ARG", name, value)))
              ctx.report(decl.name, "secret", "ARG", name);
          }
        } else if (node.type === "Env") {
          for (const pair of node.pairs) {
            const name = envName(pair.key, escape);
            if (name === null) continue;
            const definition: Definition = { name, raw: pair.value.value, fallback: null };
            if (!looksSecret(name)) {
              pending.push(definition);
              continue;
            }
            const value = valueOf(definition);
            if (!(value !== null && harmlessValue("ENV", name, value)))
              ctx.report(pair.key, "secret", "ENV", name);
          }
        }
      }
    },
  },
});

/** A variable an ARG or ENV sets: the text its value expands from, or else the value it takes (a global ARG's). */
interface Definition {
  name: string;
  raw: string | null;
  fallback: string | null;
}

/** The ENV name after BuildKit's expansion (quotes removed); null when it depends on a variable. */
function envName(key: Word, escape: "\\" | "`"): string | null {
  if (key.value.includes("$")) return null;
  // Without quotes or escapes there is nothing to remove.
  if (!/["'\\`]/.test(key.value)) return key.value;
  const result = expandWord(key.value, {}, { escape });
  return result.error ? null : result.value;
}
