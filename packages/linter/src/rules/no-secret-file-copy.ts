import { workdirAfter, type Add, type Copy, type SemanticModel, type Stage } from "@hull/parser";
import { defineRule, type RuleContext } from "../rule.js";
import { unquote } from "./utils/instruction-text.js";

/** File names that hold credentials by convention (the last path segment of a COPY or ADD source). */
const secretNames: readonly { re: RegExp; what: string }[] = [
  { re: /^\.env(?:\.local|\.[\w-]+\.local)?$/, what: "a dotenv file" },
  { re: /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/, what: "an SSH private key" },
  { re: /^\.ssh$/, what: "an SSH directory" },
  { re: /^\.aws$/, what: "AWS credentials" },
  { re: /^\.(?:git-credentials|netrc|pgpass|pypirc)$/, what: "a credentials file" },
  { re: /^\.kube$/, what: "a Kubernetes config" },
  { re: /^[^*?[]+\.(?:p12|pfx)$/, what: "a private key store" },
];

/**
 * Docker's client config, which holds registry logins: a `.docker/config.json`, or a `.docker` directory copied to
 * a home directory's (`/root/.docker`, `/home/app/.docker`, `$HOME/.docker`, `~/.docker`). A project's own `.docker`
 * folder of build assets copied elsewhere (`COPY .docker /assets`) is not one.
 */
const dockerConfig = /(?:^|\/)\.docker\/config\.json$/;
const homeDockerDirectory = /^(?:\/root|\/home\/[^/]+|~|\$HOME|\$\{HOME\})\/+\.docker\/*$/;
const dockerCredentials = "Docker registry credentials";

/** Variables that name a credentials file; a COPY to their value puts the file in the image. */
const credentialVariables = [
  "GOOGLE_APPLICATION_CREDENTIALS",
  "AWS_SHARED_CREDENTIALS_FILE",
  "HF_TOKEN_PATH",
];

/** The stages whose files end up in the final image: the last one and the stages it is built `FROM`. */
function finalStages(stages: readonly Stage[], semantic: SemanticModel): Set<Stage> {
  const last = stages[stages.length - 1];
  return new Set(last ? [last, ...semantic.chain(last)] : []);
}

function lastSegment(path: string): string {
  return path.replace(/\/+$/, "").split("/").pop() ?? "";
}

const messages = {
  secretFile: (path: string, what: string) =>
    `'${path}' looks like ${what}; copied into the final image, it can be read by anyone who pulls it.`,
  credentialPath: (variable: string, path: string) =>
    `The file copied to '${path}' is the credentials file named by ${variable}; mount it as a secret instead.`,
};

/** What the rule keeps of the file. */
interface State {
  /** The stages in the final image, found at the first COPY or ADD. */
  inFinal: Set<Stage> | undefined;
  /** Credential-file variables of the current stage, set by ENV. */
  credentialPaths: Map<string, string>;
}

export default defineRule({
  id: "no-secret-file-copy",
  title: "Do not copy credential files into the final image",
  severity: "warning",
  fixable: false,
  security: "high",
  docs: {
    rationale:
      "Files copied into the final image are readable by anyone who can pull it, even if a later step deletes them: every layer keeps its files. " +
      "`.env` files, SSH keys (`id_rsa`, `.ssh/`), cloud and registry credentials (`.aws/`, `.kube/`, Docker's `.docker/config.json`), `.netrc`, `.git-credentials`, `.pgpass`, `.pypirc` and key stores (`.p12`, `.pfx`) usually hold secrets. " +
      "Mount them for the step that needs them (`RUN --mount=type=secret`, `--mount=type=ssh`), pass runtime configuration as environment or orchestrator secrets, and list them in `.dockerignore`.",
    limitations:
      "Only the final stage and the stages it is built `FROM` are checked, since other build stages do not end up in the image. " +
      "A `.docker` directory is reported when it is copied to a home directory's `.docker` (`/root/.docker`, `/home/*/.docker`, `$HOME/.docker`, `~/.docker`), where the Docker client reads its logins; elsewhere it is taken for a project's folder of build assets (`COPY .docker /assets`). " +
      "A copy to the path named by `GOOGLE_APPLICATION_CREDENTIALS`, `AWS_SHARED_CREDENTIALS_FILE` or `HF_TOKEN_PATH` is reported too. " +
      "Trivy's DS-0031 reports copies to those credential-file variables.",
    bad: [
      `FROM node:22-slim
WORKDIR /app
COPY package.json .env ./
`,
      `FROM python:3.13-slim
ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa.json
COPY sa.json /app/sa.json
`,
    ],
    good: [
      `FROM node:22-slim
WORKDIR /app
COPY package.json .env.example ./
`,
      `FROM alpine:3.20 AS fetch
COPY id_ed25519 /root/.ssh/
RUN git clone git@example.com:app.git /src
FROM alpine:3.20
COPY --from=fetch /src /src
`,
    ],
    seeAlso: [
      "no-hardcoded-secret",
      "https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/leaked_secrets.rego",
    ],
  },
  messages,
  state: (): State => ({ inFinal: undefined, credentialPaths: new Map() }),
  visitor: {
    Stage(_stage, ctx) {
      ctx.state.credentialPaths = new Map();
    },
    Env(node, ctx) {
      for (const pair of node.pairs) {
        if (credentialVariables.includes(pair.key.value))
          ctx.state.credentialPaths.set(pair.key.value, unquote(pair.value.value));
      }
    },
    Copy: check,
    Add: check,
  },
});

function check(node: Copy | Add, ctx: RuleContext<typeof messages, Record<string, unknown>, State>): void {
  const stage = ctx.currentStage();
  const inFinal = (ctx.state.inFinal ??= finalStages(ctx.ast.stages, ctx.semantic));
  if (!stage || !inFinal.has(stage)) return;
  // The destination as the build reads it: `COPY sa.json $GOOGLE_APPLICATION_CREDENTIALS` names the variable's path.
  const destination = node.destination
    ? (ctx.semantic.valueBefore(node, node.destination.value) ?? node.destination.value)
    : null;
  // A relative destination is under the working directory (`WORKDIR /root` then `COPY .docker .docker`).
  const workdir = destination && !/^[/~$]/.test(destination) ? ctx.semantic.workdirBefore(node) : null;
  const toHomeDocker =
    destination !== null &&
    homeDockerDirectory.test(workdir === null ? destination : workdirAfter(workdir, destination));
  for (const source of node.sources) {
    const name = lastSegment(source.value);
    const what =
      secretNames.find((s) => s.re.test(name))?.what ??
      (dockerConfig.test(source.value) || (name === ".docker" && toHomeDocker) ? dockerCredentials : null);
    if (what !== null) ctx.report(source, "secretFile", source.value, what);
  }
  if (!node.destination || destination === null || ctx.state.credentialPaths.size === 0) return;
  for (const [variable, path] of ctx.state.credentialPaths) {
    const lands = node.sources.some(
      (s) =>
        destination === path ||
        (destination.endsWith("/") && `${destination}${lastSegment(s.value)}` === path),
    );
    if (lands) ctx.report(node.destination, "credentialPath", variable, destination);
  }
}
