import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";
import {
  closedPort,
  missingRegistryTools,
  startLocalRegistry,
  type LocalRegistry,
} from "./local-registry.js";

// `hull lint --image-config`, the config's `imageConfigs` and `resolve`, and `hull lint --resolve` against
// registries on 127.0.0.1: one of our own, and Debian's docker-registry with images buildah builds.

const nginxFile = 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n';
const nginxConfig = JSON.stringify({ config: { Entrypoint: ["/docker-entrypoint.sh"], User: "root" } });
const rules = ["--preset", "all", "--no-shellcheck", "--format", "json"];

/** The rule ids and message ids of a JSON report, one string each. */
function findings(out: string): string[] {
  const report = JSON.parse(out) as { messages: { ruleId: string; messageId: string }[] }[];
  return report.flatMap((f) => f.messages.map((d) => `${d.ruleId}/${d.messageId}`)).sort();
}

async function lintWith(files: Record<string, string>, args: string[], env: Record<string, string> = {}) {
  const io = fakeIo(files, { env });
  const code = await main(["lint", ...rules, ...args], io);
  return { code, io };
}

describe("hull lint with base image configs from files", () => {
  it("--image-config: rules read the inherited ENTRYPOINT and USER; without it they do not guess", async () => {
    const without = await lintWith({ Dockerfile: nginxFile }, ["Dockerfile"]);
    const withConfig = await lintWith({ Dockerfile: nginxFile, "nginx.json": nginxConfig }, [
      "Dockerfile",
      "--image-config",
      "docker.io/library/nginx:1.27=nginx.json",
    ]);
    const before = findings(without.io.out);
    const after = findings(withConfig.io.out);
    expect(before).toContain("no-implicit-root-user/implicit");
    expect(before).not.toContain("cmd-overridden/shellCmdUnderImage");
    expect(after).toContain("cmd-overridden/shellCmdUnderImage");
    expect(after).toContain("no-root-user/inheritedRoot");
    expect(after).not.toContain("no-implicit-root-user/implicit");
    expect(withConfig.io.err).toBe("");
  });

  it("the config's imageConfigs, relative to the config file; --image-config wins", async () => {
    const files = {
      "/w/.hullrc.yaml": "imageConfigs:\n  nginx:1.27: configs/nginx.json\n",
      "/w/configs/nginx.json": nginxConfig,
      "/w/app/Dockerfile": nginxFile,
      "/w/user.json": JSON.stringify({ config: { User: "nginx" } }),
    };
    const fromConfig = await lintWith(files, ["app/Dockerfile"]);
    expect(findings(fromConfig.io.out)).toContain("no-root-user/inheritedRoot");
    const overridden = await lintWith(files, ["app/Dockerfile", "--image-config", "nginx:1.27=user.json"]);
    expect(findings(overridden.io.out)).not.toContain("no-root-user/inheritedRoot");
    expect(findings(overridden.io.out)).not.toContain("no-implicit-root-user/implicit");
  });

  it.each([
    [["--image-config", "nginx.json"], 'hull lint: --image-config expects REF=FILE, got "nginx.json"\n'],
    [
      ["--image-config", "nginx=missing.json"],
      /^hull lint: --image-config nginx: cannot read missing\.json: ENOENT/,
    ],
    [
      ["--image-config", "nginx=bad.json"],
      /^hull lint: --image-config nginx: bad\.json: not an image config/,
    ],
    [
      ["--resolve", "--resolve-timeout", "soon"],
      'hull lint: --resolve-timeout expects milliseconds, got "soon"\n',
    ],
  ])("%j is a usage error", async (args, message) => {
    const { code, io } = await lintWith({ Dockerfile: nginxFile, "bad.json": '{"name": "x"}' }, [
      "Dockerfile",
      ...args,
    ]);
    expect(code).toBe(2);
    expect(io.err).toMatch(message);
  });

  it("a broken file named by the config's imageConfigs is a usage error naming the config", async () => {
    const { code, io } = await lintWith(
      { ".hullrc.yaml": "imageConfigs:\n  nginx: gone.json\n", Dockerfile: nginxFile },
      ["Dockerfile"],
    );
    expect(code).toBe(2);
    expect(io.err).toMatch(
      /^hull lint: \/w\/\.hullrc\.yaml: imageConfigs\.nginx: cannot read \/w\/gone\.json/,
    );
  });
});

const sha = (body: string): string => `sha256:${createHash("sha256").update(body).digest("hex")}`;

/** A registry without authentication that serves `team/web:1` (ENTRYPOINT and USER root) and nothing else. */
async function smallRegistry(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const config = JSON.stringify({
    os: "linux",
    architecture: "amd64",
    config: JSON.parse(nginxConfig).config,
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: sha(config),
      size: config.length,
    },
    layers: [],
  });
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const body =
      req.url === "/v2/team/web/manifests/1" || req.url === `/v2/team/web/manifests/${sha(manifest)}`
        ? manifest
        : req.url === `/v2/team/web/blobs/${sha(config)}`
          ? config
          : null;
    if (body === null) {
      res.statusCode = 404;
      res.end(JSON.stringify({ errors: [{ code: "MANIFEST_UNKNOWN" }] }));
      return;
    }
    if (body === manifest) res.setHeader("content-type", "application/vnd.oci.image.manifest.v1+json");
    res.setHeader("docker-content-digest", sha(body));
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe("hull lint --resolve against a registry of our own", () => {
  let reg: Awaited<ReturnType<typeof smallRegistry>>;
  let cache: string;
  beforeAll(async () => {
    reg = await smallRegistry();
    cache = mkdtempSync(join(tmpdir(), "hull-lint-resolve-"));
  });
  afterAll(async () => {
    await reg.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it("reads the base image's config once for every file that uses it", async () => {
    const file = `FROM 127.0.0.1:${reg.port}/team/web:1\nCMD nginx -g "daemon off;"\n`;
    const files = {
      "a/Dockerfile": file,
      "b/Dockerfile": `FROM 127.0.0.1:${reg.port}/team/web:1 AS x\nFROM x\n`,
    };
    const without = await lintWith(files, ["."]);
    expect(findings(without.io.out)).not.toContain("no-root-user/inheritedRoot");
    reg.requests.length = 0;
    const { code, io } = await lintWith(files, [".", "--resolve"], { XDG_CACHE_HOME: cache });
    expect(io.err).toBe("");
    expect(code).toBe(1);
    expect(findings(io.out).filter((f) => f === "no-root-user/inheritedRoot")).toHaveLength(2);
    expect(findings(io.out)).toContain("cmd-overridden/shellCmdUnderImage");
    expect(reg.requests.filter((u) => u === "/v2/team/web/manifests/1")).toHaveLength(1);
  });

  it("the config's `resolve: true` asks the registry too", async () => {
    const { io } = await lintWith(
      { ".hullrc.json": '{"resolve": true}', Dockerfile: `FROM 127.0.0.1:${reg.port}/team/web:1\n` },
      ["Dockerfile"],
      { XDG_CACHE_HOME: cache },
    );
    expect(findings(io.out)).toContain("no-root-user/inheritedRoot");
  });

  it("an image the registry does not have is a warning, and lint goes on without its config", async () => {
    const files = {
      Dockerfile: `FROM 127.0.0.1:${reg.port}/team/web:1 AS a\nFROM 127.0.0.1:${reg.port}/team/gone:1\n`,
    };
    const { code, io } = await lintWith(files, ["Dockerfile", "--resolve"], { XDG_CACHE_HOME: cache });
    expect(code).toBe(1);
    expect(io.err).toMatch(
      new RegExp(
        `^hull lint: warning: cannot read the config of 127\\.0\\.0\\.1:${reg.port}/team/gone:1: .*not found.*; linting without it\\n$`,
      ),
    );
    expect(findings(io.out)).toContain("no-implicit-root-user/implicit");
  });

  it("an unreachable registry gives one warning for all its images; the findings are those without --resolve", async () => {
    const port = await closedPort();
    const files = {
      "a/Dockerfile": `FROM 127.0.0.1:${port}/one:1\nUSER root\n`,
      "b/Dockerfile": `FROM 127.0.0.1:${port}/two:1\nCMD run\n`,
    };
    const without = await lintWith(files, ["."]);
    const { code, io } = await lintWith(files, [".", "--resolve", "--resolve-timeout", "2000"], {
      XDG_CACHE_HOME: cache,
    });
    expect(code).toBe(without.code);
    expect(io.out).toBe(without.io.out);
    expect(io.err.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^hull lint: warning: cannot read the configs of 2 images from 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\); linting without them$`,
        ),
      ),
    ]);
  });
});

// Debian's docker-registry, serving an image buildah builds from the static busybox with USER and WORKDIR set.
const why = missingRegistryTools();
if (why) console.warn(`skipping hull lint --resolve against docker-registry: ${why}`);

describe.skipIf(why !== "")("hull lint --resolve against docker-registry and buildah", () => {
  // Undefined when beforeAll failed before the registry started: afterAll still runs.
  let local: LocalRegistry | undefined;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    local = await startLocalRegistry("hull-lint-registry-");
    ({ dir, port } = local);
    local.busyboxImage("localhost/app:1", [
      "--env",
      "PATH=/bin",
      "--env",
      "APP_HOME=/srv",
      "--user",
      "1000",
      "--workingdir",
      "/srv",
    ]);
    local.buildah("push", "--tls-verify=false", "localhost/app:1", `docker://127.0.0.1:${port}/team/app:1`);
  }, 120_000);
  afterAll(() => local?.stop());

  it("USER, ENV and WORKDIR of the pushed image reach the rules", async () => {
    const files = {
      Dockerfile: `FROM 127.0.0.1:${port}/team/app:1\nCOPY app.jar $APP_HOME/ $APP_HOM\nCOPY run.sh .\n`,
    };
    const without = findings((await lintWith(files, ["Dockerfile"])).io.out);
    expect(without).toContain("no-implicit-root-user/implicit");
    expect(without).toContain("copy-relative-without-workdir/relative");
    expect(without).not.toContain("undefined-var/typo");
    const { io } = await lintWith(files, ["Dockerfile", "--resolve"], {
      XDG_CACHE_HOME: join(dir, "cache"),
    });
    expect(io.err).toBe("");
    const withConfig = findings(io.out);
    expect(withConfig).not.toContain("no-implicit-root-user/implicit");
    expect(withConfig).not.toContain("copy-relative-without-workdir/relative");
    expect(withConfig).toContain("undefined-var/typo");
  });
});
