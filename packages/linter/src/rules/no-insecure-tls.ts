import { defineRule } from "../rule.js";
import type { ScriptSpan, ShellCommand, ShellWord } from "../shell/lexer.js";
import { operands } from "../shell/options.js";
import { runCommands, scriptCommands, scriptRange } from "../shell/run.js";
import { aptFamily } from "../shell/tools/apt.js";
import { pipCommand, pipOptions } from "../shell/tools/pip.js";
import { yumDnfNames } from "../shell/tools/rpm.js";
import { windowsScripts } from "./utils/windows-scripts.js";

const falsy = /^(?:false|0|no|off)$/i;
/** yum's and dnf's `sslverify=0` for every repository or one (`docker-ce.sslverify=false`). */
const sslverifyOff = /^(?:[^=]*\.)?sslverify=(?:false|0|no|off)$/i;
const setoptSslverify = (v: string) => v.startsWith("--setopt=") && sslverifyOff.test(v.slice(9));

/** `yum config-manager` or `dnf config-manager`: the plugin, whichever of yum and dnf runs it (on RHEL 8 and later yum is dnf). */
const configManager = (command: ShellCommand) => command.args.some((a) => a.value === "config-manager");

/** A word that turns certificate checks off, and how to name it in the message. */
interface Finding {
  at: ScriptSpan;
  what: string;
}

/** The first word of the command whose value satisfies `test`, before a `--`. */
function findArg(command: ShellCommand, test: (value: string) => boolean): ShellWord | undefined {
  const end = command.args.findIndex((a) => a.value === "--");
  return command.args.slice(0, end < 0 ? undefined : end).find((a) => test(a.value));
}

/** `-k`, `-sSk` (a short flag inside a cluster) or the long form `--insecure`. */
function flagTest(short: string | null, ...long: string[]): (value: string) => boolean {
  return (v) =>
    long.some((l) => v === `--${l}` || v.startsWith(`--${l}=`)) ||
    (short !== null && /^-[A-Za-z0-9]+$/.test(v) && v.includes(short));
}

// Made once: every curl, wget, pip and uv command is tested with them.
const curlInsecure = flagTest("k", "insecure", "proxy-insecure", "doh-insecure");
const wgetInsecure = flagTest(null, "no-check-certificate");
const pipTrustedHost = flagTest(null, "trusted-host");
const uvInsecureHost = flagTest(null, "allow-insecure-host", "trusted-host");

/** `config set <key> <falsy>` (npm, yarn, pnpm, conda `--set`): the key word, when the value turns checks off. */
function configSet(
  args: readonly ShellWord[],
  keys: RegExp,
  setWords: readonly string[],
): ShellWord | undefined {
  for (let i = 0; i < args.length - 1; i++) {
    if (!setWords.includes(args[i]!.value)) continue;
    const key = args[i + 1]!;
    const [k, inline] = key.value.split("=", 2) as [string, string | undefined];
    const value = inline ?? args[i + 2]?.value;
    if (keys.test(k) && value !== undefined && falsy.test(value)) return key;
  }
  return undefined;
}

/** Adds what a command turns off to `found`; most commands turn off nothing, so nothing is allocated for them. */
function findings(command: ShellCommand, found: Finding[]): void {
  const name = command.base ?? "";
  const pip = pipCommand(command);
  if (name === "curl") {
    add(found, findArg(command, curlInsecure), "curl --insecure");
  } else if (name === "wget") {
    add(found, findArg(command, wgetInsecure), "wget --no-check-certificate");
  } else if (pip?.runner === "pip") {
    add(found, findArg(command, pipTrustedHost), "pip --trusted-host");
    const args = operands({ ...command, args: pip.args }, pipOptions);
    const set = args.findIndex((a) => a.value === "set");
    const key = set >= 0 ? args[set + 1] : undefined;
    if (key && /^(?:global|install|user|site)\.trusted-host$/.test(key.value.split("=")[0]!))
      add(found, key, "pip config trusted-host");
  } else if (name === "uv") {
    add(found, findArg(command, uvInsecureHost), "uv --allow-insecure-host");
  } else if (name === "git") {
    // `git -c http.sslVerify=false clone …` and `git config --global http.sslVerify false`.
    add(
      found,
      findArg(command, (v) => /^http\.(?:[^=]*\.)?sslverify=(?:false|0|no|off)$/i.test(v)),
      "git http.sslVerify=false",
    );
    const args = operands(command);
    const config = args.findIndex((a) => a.value === "config");
    const key = config >= 0 ? args[config + 1] : undefined;
    const value = config >= 0 ? args[config + 2] : undefined;
    if (key && value && /^http\.(?:.*\.)?sslverify$/i.test(key.value) && falsy.test(value.value))
      add(found, key, "git http.sslVerify false");
  } else if (name === "npm" || name === "pnpm" || name === "yarn") {
    add(
      found,
      findArg(command, (v) => /^--(?:no-strict-ssl|strict-ssl=(?:false|0|no))$/i.test(v)),
      `${name} strict-ssl=false`,
    );
    add(
      found,
      configSet(operands(command), /^(?:strict-ssl|enableStrictSsl)$/, ["set"]),
      `${name} strict-ssl false`,
    );
  } else if (name === "conda" || name === "mamba" || name === "micromamba") {
    add(found, configSet(command.args, /^ssl_verify$/, ["--set"]), `${name} ssl_verify false`);
  } else if (
    name === "yum-config-manager" ||
    name === "dnf-config-manager" ||
    (yumDnfNames.has(name) && configManager(command))
  ) {
    add(found, findArg(command, setoptSslverify), `${name} sslverify=0`);
    // dnf5 writes the option as a subcommand's operand: `dnf config-manager setopt sslverify=0`.
    const args = operands(command);
    const at = args.findIndex((a) => a.value === "config-manager");
    if (at >= 0 && args[at + 1]?.value === "setopt")
      add(
        found,
        findArg(command, (v) => sslverifyOff.test(v)),
        `${name} sslverify=0`,
      );
  }
  if (aptFamily.has(name)) {
    // `-o Acquire::https::Verify-Peer=false` (also per host: `Acquire::https::deb.example.com::Verify-Peer`).
    add(
      found,
      findArg(command, (v) =>
        /^Acquire::https::(?:[^=]*::)?(?:Verify-Peer|Verify-Host)=(?:false|0|no)$/i.test(v),
      ),
      `${name} Acquire::https::Verify-Peer=false`,
    );
  }
  if (yumDnfNames.has(name) && !configManager(command))
    add(found, findArg(command, setoptSslverify), `${name} sslverify=0`);
}

function add(found: Finding[], at: ShellWord | undefined, what: string): void {
  if (at) found.push({ at, what });
}

export default defineRule({
  id: "no-insecure-tls",
  title: "Do not turn off TLS certificate checks in RUN",
  severity: "warning",
  fixable: false,
  aliases: {
    checkov: ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_13", "CKV2_DOCKER_15"],
  },
  security: "high",
  docs: {
    rationale:
      "Certificate checks are what make an HTTPS download trustworthy: without them anyone on the network path (a proxy, a hijacked DNS answer, a hostile Wi-Fi) can serve a different file, and the build installs it. " +
      "Options such as `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`, `npm config set strict-ssl false`, apt's `-o Acquire::https::Verify-Peer=false` or yum's `sslverify=0` turn them off, usually to get past a corporate proxy. " +
      "Add the proxy's CA certificate to the image instead (for example with `update-ca-certificates`), or mount it for the one command that needs it. " +
      "Settings written with `config set` also stay in the image and keep the tool insecure for everyone who uses it later.",
    limitations:
      "In PowerShell and cmd scripts the same programs are read (`curl.exe -k`), and PowerShell's `-SkipCertificateCheck` and `ServerCertificateValidationCallback = {$true}` are reported. " +
      "Checkov has one check per tool: CKV2_DOCKER_2 (curl), CKV2_DOCKER_3 (wget), CKV2_DOCKER_4 (pip), CKV2_DOCKER_13 (npm/yarn) and CKV2_DOCKER_15 (yum/dnf config-manager); the environment variables with the same effect are reported by `no-insecure-tls-env`.",
    bad: [
      `FROM debian:12
RUN curl -fsSLk https://example.com/tool.tar.gz | tar -xz
`,
      `FROM python:3.13
RUN pip install --trusted-host pypi.example.com -r requirements.txt
`,
      `FROM node:22
RUN npm config set strict-ssl false && npm ci
`,
    ],
    good: [
      `FROM debian:12
COPY corp-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates && curl -fsSL https://example.com/tool.tar.gz | tar -xz
`,
      `FROM python:3.13
RUN --mount=type=secret,id=ca,target=/etc/ssl/corp.pem pip install --cert /etc/ssl/corp.pem -r requirements.txt
`,
    ],
    seeAlso: [
      "no-insecure-tls-env",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunUnsafeCurl.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunUnsafeWget.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunPipTrustedHost.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunNpmConfigSetStrictSsl.yaml",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunYumConfigManagerSslVerify.yaml",
    ],
  },
  messages: {
    insecure: (what: string) =>
      `'${what}' turns off TLS certificate checks, so the download can be tampered with; trust the needed CA instead.`,
  },
  visitor: {
    Run(node, ctx) {
      const { shell, all } = runCommands(node, ctx);
      const posix: Finding[] = [];
      for (const command of all) findings(command, posix);
      for (const f of posix) ctx.report(scriptRange(ctx, shell, f.at), "insecure", f.what);
      // PowerShell and cmd run the same programs (`curl.exe -k`, `pip --trusted-host`), and have their own switches.
      for (const script of windowsScripts(shell)) {
        const found: Finding[] = [];
        for (const c of scriptCommands(script)) {
          findings(c, found);
          found.push(...powershellFindings(c));
        }
        if (script.dialect === "powershell") found.push(...acceptsAnyCertificate(script.script));
        for (const f of found) ctx.report(scriptRange(ctx, script, f.at), "insecure", f.what);
      }
    },
  },
});

/** `Invoke-WebRequest -SkipCertificateCheck` (PowerShell 7). */
function powershellFindings(command: ShellCommand): Finding[] {
  if (command.base !== "invoke-webrequest" && command.base !== "invoke-restmethod") return [];
  const skip = command.args.find((a) => /^-SkipCertificateCheck(?::\$true)?$/i.test(a.value));
  return skip ? [{ at: skip, what: "-SkipCertificateCheck" }] : [];
}

/** `[Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}` (Windows PowerShell). */
function acceptsAnyCertificate(script: string): Finding[] {
  const found: Finding[] = [];
  for (const m of script.matchAll(/ServerCertificateValidationCallback\s*=\s*\{\s*\$true\s*\}/gi))
    found.push({ at: { start: m.index, end: m.index + 35 }, what: "ServerCertificateValidationCallback" });
  return found;
}
