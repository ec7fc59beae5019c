import { firstIndex } from "@hull/parser";
import { defineRule } from "../rule.js";

/**
 * Credential formats with a fixed, recognizable shape; names are shown in messages. `hints` are literal texts that
 * every match contains: a file without any of them cannot match, so the regex is not run over it (most files hold
 * none, and one scan for every hint at once costs far less than one scan per regex that starts with `\b`).
 */
const patterns: readonly { name: string; re: RegExp; hints: readonly string[] }[] = [
  {
    name: "private key",
    re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
    hints: ["PRIVATE KEY"],
  },
  { name: "AWS access key id", re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, hints: ["AKIA", "ASIA"] },
  {
    name: "GitHub token",
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/g,
    hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
  },
  { name: "GitLab token", re: /\bglpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g, hints: ["glpat-"] },
  { name: "Slack token", re: /\bxox[abposr]-[0-9]{6,}-[0-9A-Za-z-]{10,}/g, hints: ["xox"] },
  {
    name: "Slack webhook",
    re: /https:\/\/hooks\.slack\.com\/services\/T[0-9A-Z]{6,}\/B[0-9A-Z]{6,}\/[0-9A-Za-z]{20,}/g,
    hints: ["https://hooks.slack.com/services/"],
  },
  { name: "Stripe secret key", re: /\b[sr]k_live_[0-9A-Za-z]{24,}\b/g, hints: ["k_live_"] },
  { name: "Google API key", re: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, hints: ["AIza"] },
  { name: "npm token", re: /\bnpm_[A-Za-z0-9]{36}\b/g, hints: ["npm_"] },
  { name: "PyPI token", re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, hints: ["pypi-AgEIcHlwaS5vcmc"] },
  { name: "Docker Hub token", re: /\bdckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/g, hints: ["dckr_pat_"] },
  {
    name: "OpenAI API key",
    re: /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/g,
    hints: ["T3BlbkFJ"],
  },
  { name: "Anthropic API key", re: /\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}/g, hints: ["sk-ant-"] },
  // An npm registry token written into .npmrc: `//registry.npmjs.org/:_authToken=…` with a literal value.
  {
    name: "npm auth token",
    re: /\/\/[^\s"']+\/:_(?:authToken|auth|password)=(?![$"'\s])[^\s"'\\]{8,}/g,
    hints: ["/:_auth", "/:_password"],
  },
];

/** Any hint. One scan of the file says which patterns can match; one `includes` per hint was a scan per hint. */
const anyHint = new RegExp(
  patterns
    .flatMap((p) => p.hints)
    .map((hint) => hint.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))
    .join("|"),
  "g",
);

/**
 * The hints in `text`; after each, the scan goes on from the next character, so that hints that overlap are found.
 * Two hints that start at one place would not both be (the regex takes the first): no hint begins another.
 */
function hintsIn(text: string): Set<string> {
  const present = new Set<string>();
  anyHint.lastIndex = 0;
  for (let m = anyHint.exec(text); m !== null; m = anyHint.exec(text)) {
    present.add(m[0]);
    anyHint.lastIndex = m.index + 1;
  }
  return present;
}

/** Documentation placeholders, such as AWS's `AKIAIOSFODNN7EXAMPLE`. */
const placeholder = /EXAMPLE|[Xx]{8}|0{16}|\.\.\./;

export default defineRule({
  id: "no-hardcoded-secret",
  title: "Do not write secrets into the Dockerfile",
  severity: "error",
  fixable: false,
  security: "critical",
  docs: {
    rationale:
      "A credential written into a Dockerfile is stored in the image (in a layer, in `docker history`, or in the config of `ENV` and `LABEL`) and in the source repository, and anyone who can read either can use it. " +
      "Revoke the credential, then pass it at build time with `RUN --mount=type=secret` (or `type=ssh` for keys), and at run time through the orchestrator's secrets.",
    limitations:
      "The rule looks for credentials whose format is unmistakable, wherever they appear: private key blocks, AWS access key ids, GitHub, GitLab, Slack, Stripe, Google, npm, PyPI, Docker Hub, OpenAI and Anthropic tokens, and literal `_authToken` lines of an `.npmrc`. " +
      "Variable names that look secret are the subject of `no-secrets-in-arg-or-env`; this rule looks at values. " +
      'KICS applies its "Passwords And Secrets" query to Dockerfiles, and Checkov its secrets framework (`CKV_SECRET_*`), for the same purpose.',
    bad: [
      `FROM node:22
RUN echo '//registry.npmjs.org/:_authToken=npm_4f3ZxQ8kLm2Vb7Np1Rt6Ws9Yc0Hd5Jg3Ke8A' > .npmrc && npm ci
`,
      `FROM alpine:3.20
ENV AWS_ACCESS_KEY_ID=AKIA2OGYBAH6TQXW7H5Z
`,
    ],
    good: [
      `FROM node:22
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
`,
      `FROM alpine:3.20
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
`,
    ],
    seeAlso: [
      "no-secrets-in-arg-or-env",
      "https://github.com/Checkmarx/kics/tree/master/assets/queries/dockerfile/passwords_and_secrets_in_infrastructure_code_dockerfile",
    ],
  },
  messages: {
    secret: (kind: string) =>
      `This looks like a ${kind}; it is stored in the image and the repository. Revoke it and pass it as a build secret.`,
  },
  visitor: {
    "Dockerfile:exit"(_ast, ctx) {
      // One finding per place: an npm token inside an `_authToken` line is reported once.
      const found: { start: number; end: number; name: string }[] = [];
      const present = hintsIn(ctx.source);
      if (present.size === 0) return;
      for (const { name, re, hints } of patterns) {
        if (!hints.some((hint) => present.has(hint))) continue;
        // `found` is in source order (and its places do not overlap): each match is looked up, not compared with
        // every earlier finding, which made a file of thousands of secrets quadratic.
        const added: typeof found = [];
        for (const m of ctx.source.matchAll(re)) {
          const start = m.index;
          const end = start + m[0].length;
          if (placeholder.test(m[0]) || overlaps(found, start, end)) continue;
          added.push({ start, end, name });
        }
        if (added.length > 0) {
          for (const f of added) found.push(f);
          found.sort((a, b) => a.start - b.start);
        }
      }
      for (const f of found) {
        ctx.report(ctx.rangeOf(f.start, f.end), "secret", f.name);
      }
    },
  },
});

/** True when a place of `sorted` (in source order, none overlapping another) overlaps `[start, end)`. */
function overlaps(sorted: readonly { start: number; end: number }[], start: number, end: number): boolean {
  // The first place that ends after `start`: places end in the order they start, as none overlaps another.
  const k = firstIndex(sorted.length, (k) => sorted[k]!.end > start);
  return k < sorted.length && sorted[k]!.start < end;
}
