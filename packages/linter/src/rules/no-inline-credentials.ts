import { defineRule } from "../rule.js";
import { commandWord, type ShellCommand } from "../shell/lexer.js";
import { operands, optionValues, type OptionSpec, type WordPart, wordPart } from "../shell/options.js";
import { runCommands, scriptRange } from "../shell/run.js";
import { removesMatching } from "../shell/tools/coreutils.js";
import { registryLoginOptions } from "../shell/tools/docker.js";

/**
 * A credential on a command line: where it is and which tool or form put it there; or (`stored`) a command that
 * copies a credential into a file of the layer, at its command words.
 */
interface Credential {
  at: WordPart;
  what: string;
  stored?: boolean;
}

/** `scheme://user:password@host`: the scheme and the password part. */
const urlCredentials = /\b([a-z][a-z0-9+.-]*):\/\/[^\s/:@'"]+:([^\s/@'"]+)@[^\s/@]/gi;
/** The host of a URL, from just after its `@`. */
const hostAt = /^(?:\[[^\]\s]*\]|[^\s/@:?#'"]*)/;
const loopback = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
/** Passwords that say they stand for one (`user:pass`, `placeholder:placeholder`); not a default one (`changeme`). */
const placeholderPassword = /^(?:pass|passwd|password|placeholder|dummy|fake|unused|x+)$/i;

/**
 * True for a URL whose password opens nothing: one for Rails' activerecord-nulldb-adapter (`nulldb://user:pass@…`,
 * which connects nowhere, for `rake assets:precompile`), or a placeholder word for a server on the container's
 * loopback (`postgresql://user:pass@localhost/dummy`). Another password for localhost may be the real one of a
 * database the image holds or runs with, and is still reported.
 */
function opensNothing(scheme: string, password: string, afterAt: string): boolean {
  if (scheme.toLowerCase() === "nulldb") return true;
  return placeholderPassword.test(password) && loopback.test(hostAt.exec(afterAt)![0]);
}

/** The password of a `user:password` value, as a part of the option value. */
function passwordOf(part: WordPart): WordPart | null {
  const colon = part.value.indexOf(":");
  if (colon < 0 || colon === part.value.length - 1) return null;
  const value = part.value.slice(colon + 1);
  const exact = part.end - part.start === part.value.length;
  // `user:$(cat /run/secrets/pw)` is computed and `$USER:secret` is literal: the password decides.
  const kind = part.kind === "literal" || !/[$`]/.test(value) ? "literal" : part.kind;
  return { value, start: exact ? part.start + colon + 1 : part.start, end: part.end, kind };
}

/** Adds the credentials a command carries to `found`: nothing is allocated for the many commands without any. */
function credentials(command: ShellCommand, found: Credential[]): void {
  const name = command.base ?? "";
  for (const word of command.words) {
    // Most words hold no URL with a password; the cheap test keeps the regex off the hot path.
    if (!word.value.includes("@")) continue;
    for (const m of word.value.matchAll(urlCredentials)) {
      const password = m[2]!;
      if (opensNothing(m[1]!, password, word.value.slice(m.index + m[0].length - 1))) continue;
      const index = m.index + m[0].indexOf(`:${password}@`) + 1;
      found.push({ at: wordPart(word, index, password), what: "a URL with a password" });
    }
  }
  switch (name) {
    case "curl":
      add(found, optionValues(command, "u", "user", "proxy-user").map(passwordOf), "curl --user");
      break;
    case "wget":
      add(
        found,
        optionValues(command, null, "password", "http-password", "ftp-password", "proxy-password"),
        "wget --password",
      );
      break;
    case "docker":
    case "podman":
    case "buildah":
    case "skopeo":
    case "helm":
      if (operands(command, registryLoginOptions)[0]?.value === "login")
        add(found, optionValues(command, "p", "password"), `${name} login --password`);
      break;
    case "sshpass":
      add(found, optionValues(command, "p"), "sshpass -p");
      break;
    case "mysql":
    case "mysqladmin":
    case "mysqldump":
    case "mariadb":
      // `-p` alone asks for the password; only `-psecret` and `--password=secret` carry one.
      for (const w of command.args) {
        if (/^-p./.test(w.value)) add(found, [wordPart(w, 2, w.value.slice(2))], `${name} -p`);
        else if (w.value.startsWith("--password="))
          add(found, [wordPart(w, 11, w.value.slice(11))], `${name} --password`);
      }
      break;
    case "aws": {
      // `aws configure set aws_secret_access_key …` writes the key into ~/.aws/credentials in the layer.
      const args = operands(command);
      if (
        args[0]?.value === "configure" &&
        args[1]?.value === "set" &&
        /(?:secret|key_id|token)/i.test(args[2]?.value ?? "")
      )
        add(
          found,
          [args[3] ? wordPart(args[3], 0, args[3].value) : null],
          `aws configure set ${args[2]!.value}`,
        );
      break;
    }
    case "az":
      if (operands(command)[0]?.value === "login")
        add(found, optionValues(command, "p", "password"), "az login --password");
      break;
    case "gcloud": {
      // The key file itself may come from a secret mount, but gcloud copies the key into its configuration folder.
      const args = operands(command, gcloudOptions);
      if (args[0]?.value === "auth" && args[1]?.value === "activate-service-account") {
        const name = commandWord(command) ?? command;
        found.push({
          at: { value: "", start: name.start, end: args[1].end, kind: "literal" },
          what: "gcloud auth activate-service-account",
          stored: true,
        });
      }
      break;
    }
    case "doctl": {
      const args = operands(command);
      if (args[0]?.value === "auth" && args[1]?.value === "init")
        add(found, optionValues(command, "t", "access-token"), "doctl auth init --access-token");
      break;
    }
  }
}

/** gcloud's options that take a value in the next word, before its command groups. */
const gcloudOptions: OptionSpec = {
  values: ["--project", "--account", "--configuration", "--key-file", "--verbosity"],
};

/** gcloud's configuration folder, or the one above it (`~/.config/gcloud`). */
const gcloudConfig = /(?:^|\/)\.config(?:\/gcloud)?\/?$/;

function add(found: Credential[], parts: readonly (WordPart | null)[], what: string): void {
  for (const at of parts) if (at && at.value !== "") found.push({ at, what });
}

export default defineRule({
  id: "no-inline-credentials",
  title: "Do not put credentials on RUN command lines",
  severity: "warning",
  fixable: false,
  aliases: { trivy: "DS-0031" },
  security: "critical",
  docs: {
    rationale:
      "The command line of every `RUN` is stored in the image: `docker history` shows it, with build arguments expanded in the layer's metadata. " +
      "A password or token written there, or passed in from an `ARG`, can be read by anyone who can pull the image, and tools such as `git clone https://user:token@…` or `aws configure set` also write it to a file in the layer. " +
      "Mount the credential for the one command that needs it with `RUN --mount=type=secret` and read it from the file or environment variable the mount provides.",
    limitations:
      "The rule reports passwords in URLs (`https://user:password@host`), `curl -u user:password`, `wget --password`, `docker login -p`, `sshpass -p`, `mysql -psecret`, `aws configure set` of keys, `az login -p` and `doctl auth init -t`; and `gcloud auth activate-service-account`, which copies its key file into `~/.config/gcloud` in the layer (unless the `RUN` removes that folder). " +
      "A value read from a variable is reported unless the `RUN` has a secret mount; a value computed by a command (`$(cat /run/secrets/token)`) is not reported. " +
      "A URL whose password opens nothing is not reported: one for Rails' activerecord-nulldb-adapter (`nulldb://user:pass@localhost/db`, which connects nowhere), or one to `localhost`, `127.x.x.x` or `[::1]` whose password is a placeholder word (`pass`, `password`, `placeholder`, `dummy`); another password for a local database may be its real one, and a default such as `changeme` is reported. " +
      "Trivy's DS-0031 reports the cloud CLI logins among these.",
    bad: [
      `FROM alpine:3.20
RUN git clone https://deploy:hunter2@git.example.com/app.git
`,
      `FROM alpine:3.20
ARG REGISTRY_PASSWORD
RUN docker login -u ci -p "$REGISTRY_PASSWORD" registry.example.com
`,
    ],
    good: [
      `FROM alpine:3.20
RUN --mount=type=secret,id=git_token,env=GIT_TOKEN \\
    git clone "https://oauth2:\${GIT_TOKEN}@git.example.com/app.git" && rm -rf app/.git
`,
      `FROM alpine:3.20
RUN --mount=type=secret,id=pw curl -u "ci:$(cat /run/secrets/pw)" -fsSLO https://example.com/a.tgz
`,
    ],
    seeAlso: [
      "no-secrets-in-arg-or-env",
      "no-hardcoded-secret",
      "https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/leaked_secrets.rego",
    ],
  },
  messages: {
    literal: (what: string) =>
      `Credential in ${what} is written into the RUN command, which is stored in the image; use a secret mount.`,
    variable: (what: string) =>
      `Credential in ${what} comes from a variable that is stored in the image history; use a secret mount.`,
    stored: (what: string) =>
      `'${what}' copies the key into gcloud's configuration folder in the layer, where anyone who pulls the image can read it; remove ~/.config/gcloud before the RUN ends, or authenticate where the image is used.`,
  },
  visitor: {
    Run(node, ctx) {
      const { shell, all } = runCommands(node, ctx);
      const secretMount = node.mounts.some((m) => m.mountType === "secret");
      const found: Credential[] = [];
      for (const command of all) credentials(command, found);
      for (const { at, what, stored } of found) {
        if (stored) {
          if (!all.some((c) => removesMatching(c, gcloudConfig)))
            ctx.report(scriptRange(ctx, shell, at), "stored", what);
          continue;
        }
        // A value computed by a command (e.g. read from a secret file) is not stored.
        if (at.kind === "computed" || (at.kind === "variable" && secretMount)) continue;
        ctx.report(scriptRange(ctx, shell, at), at.kind, what);
      }
    },
  },
});
