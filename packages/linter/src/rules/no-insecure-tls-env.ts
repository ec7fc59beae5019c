import { type Dockerfile, expandWord } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import type { ShellWord } from "../shell/lexer.js";
import { runCommands, type RunShell, scriptRange } from "../shell/run.js";

const falsy = /^(?:false|0|no|off)$/i;

/**
 * Variables that turn certificate checks off, and the values that do it: `set` for any value (git only looks at
 * whether the variable exists), `nonEmpty` for any value but the empty one (a list of hosts or module paths).
 */
const variables: Readonly<Record<string, RegExp | "set" | "nonEmpty">> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  PYTHONHTTPSVERIFY: /^0$/,
  GIT_SSL_NO_VERIFY: "set",
  NPM_CONFIG_STRICT_SSL: falsy,
  YARN_ENABLE_STRICT_SSL: falsy,
  PIP_TRUSTED_HOST: "nonEmpty",
  GOINSECURE: "nonEmpty",
};

/** Commands whose operands set variables. */
const exporters: ReadonlySet<string> = new Set(["export", "env", "declare", "typeset"]);

/** The canonical name of a variable the rule knows (npm reads its settings in any case), or null. */
function known(name: string): string | null {
  // Own keys only: `constructor` and `toString` are in every object.
  if (Object.hasOwn(variables, name)) return name;
  return /^npm_config_strict_ssl$/i.test(name) ? "NPM_CONFIG_STRICT_SSL" : null;
}

/** True when setting `name` to `value` turns checks off; `value` is null when it depends on other variables. */
function disables(name: string, value: string | null): boolean {
  const test = variables[name]!;
  if (test === "set") return true;
  if (value === null) return false;
  if (test === "nonEmpty") return value.trim() !== "";
  return test.test(value.trim());
}

/** The values are expanded without any variable: one that uses one depends on the build. */
const noVariables: ReadonlyMap<string, string> = new Map();

const messages = {
  env: (name: string) =>
    `ENV ${name} turns off TLS certificate checks in the build and in the running container; trust the needed CA instead.`,
  arg: (name: string) =>
    `ARG ${name} turns off TLS certificate checks during the build; trust the needed CA instead.`,
  run: (name: string) =>
    `${name} turns off TLS certificate checks for this command; trust the needed CA instead.`,
};

export default defineRule({
  id: "no-insecure-tls-env",
  title: "Do not set variables that turn off TLS certificate checks",
  severity: "warning",
  fixable: false,
  aliases: {
    checkov: ["CKV2_DOCKER_5", "CKV2_DOCKER_6", "CKV2_DOCKER_12", "CKV2_DOCKER_14", "CKV2_DOCKER_16"],
  },
  security: "high",
  docs: {
    rationale:
      "Some tools read an environment variable that turns certificate checks off: `NODE_TLS_REJECT_UNAUTHORIZED=0` (Node.js), `PYTHONHTTPSVERIFY=0` (Python's `urllib`), `GIT_SSL_NO_VERIFY` (git, whatever its value), `NPM_CONFIG_STRICT_SSL=false`, `YARN_ENABLE_STRICT_SSL=false`, `PIP_TRUSTED_HOST` and `GOINSECURE`. " +
      "Without certificate checks anyone on the network path can answer in the server's place, so downloads can be swapped and secrets sent to the wrong host. " +
      "Set with `ENV`, the variable stays in the image and also weakens the application at run time, for every connection it makes; set with `ARG` or in a `RUN`, it weakens the build. " +
      "Trust the CA that is missing instead (`update-ca-certificates`, `NODE_EXTRA_CA_CERTS`, `PIP_CERT`, `REQUESTS_CA_BUNDLE`).",
    limitations:
      "Checkov reports these as CKV2_DOCKER_5 (`PYTHONHTTPSVERIFY`), CKV2_DOCKER_6 (`NODE_TLS_REJECT_UNAUTHORIZED`), CKV2_DOCKER_12 (`NPM_CONFIG_STRICT_SSL`), CKV2_DOCKER_14 (`GIT_SSL_NO_VERIFY`) and CKV2_DOCKER_16 (`PIP_TRUSTED_HOST`).",
    bad: [
      `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
`,
      `FROM alpine:3.20
RUN GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/app.git
`,
      `FROM python:3.13
ARG PIP_TRUSTED_HOST=pypi.example.com
RUN pip install -r requirements.txt
`,
    ],
    good: [
      `FROM node:22
COPY corp-ca.pem /etc/ssl/corp-ca.pem
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem
`,
      `FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 NPM_CONFIG_STRICT_SSL=true
`,
    ],
    seeAlso: [
      "no-insecure-tls",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvPythonHttpsVerify.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvNodeTlsRejectUnauthorized.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvNpmConfigStrictSsl.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvGitSslNoVerify.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvPipTrustedHost.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/EnvGoInsecure.yaml",
    ],
  },
  messages,
  visitor: {
    Env(node, ctx) {
      for (const pair of node.pairs) {
        const name = known(pair.key.value);
        if (name && disables(name, valueOf(pair.value.value, ctx.ast.escapeChar)))
          ctx.report(pair.key, "env", pair.key.value);
      }
    },
    Arg(node, ctx) {
      for (const decl of node.declarations) {
        const name = known(decl.name.value);
        // An ARG without a default sets nothing unless the build passes a value.
        if (name && decl.defaultValue && disables(name, valueOf(decl.defaultValue.value, ctx.ast.escapeChar)))
          ctx.report(decl.name, "arg", decl.name.value);
      }
    },
    Run(node, ctx) {
      const { shell, all } = runCommands(node, ctx);
      for (const command of all) {
        // The words before the command name (assignments), then the operands of `export` and the like; read in
        // place, as most commands have neither.
        const prefix = command.words.length - command.args.length - (command.name === null ? 0 : 1);
        for (let i = 0; i < prefix; i++) check(ctx, shell, command.words[i]!);
        if (command.base !== null && exporters.has(command.base))
          for (const word of command.args) check(ctx, shell, word);
      }
    },
  },
});

/** The value as the builder sees it, or null when it depends on a variable. */
function valueOf(raw: string, escape: Dockerfile["escapeChar"]): string | null {
  const result = expandWord(raw, noVariables, { escape });
  return result.error || result.missing.length > 0 ? null : result.value;
}

/** Reports a `NAME=value` word of a RUN that turns checks off. */
function check(ctx: RuleContext<typeof messages>, shell: RunShell, word: ShellWord): void {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
  const name = m ? known(m[1]!) : null;
  if (!m || !name || !disables(name, m[2]!.includes("$") ? null : m[2]!)) return;
  const end = word.raw.startsWith(`${m[1]}=`) ? word.start + m[1]!.length : word.end;
  ctx.report(scriptRange(ctx, shell, { start: word.start, end }), "run", m[1]!);
}
