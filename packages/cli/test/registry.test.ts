import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInsecure, resolveImage } from "../src/registry.js";
import { main } from "../src/main.js";
import { fakeIo } from "./fake-io.js";
import { missingRegistryTools, startLocalRegistry, type LocalRegistry } from "./local-registry.js";

const sha = (body: string): string => `sha256:${createHash("sha256").update(body).digest("hex")}`;

/** A registry of our own on 127.0.0.1 that serves one multi-platform image behind the bearer-token flow. */
interface FakeRegistry {
  readonly port: number;
  readonly requests: { url: string; authorization: string | undefined }[];
  readonly indexDigest: string;
  close(): Promise<void>;
}

async function fakeRegistry(): Promise<FakeRegistry> {
  const configs = {
    amd64: JSON.stringify({ architecture: "amd64", os: "linux", config: { Cmd: ["/amd"], Env: ["A=1"] } }),
    arm64: JSON.stringify({ architecture: "arm64", os: "linux", config: { Cmd: ["/arm"] }, history: [] }),
  };
  const manifests = Object.fromEntries(
    Object.entries(configs).map(([arch, c]) => [
      arch,
      JSON.stringify({
        schemaVersion: 2,
        mediaType: "application/vnd.oci.image.manifest.v1+json",
        config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: sha(c), size: c.length },
        layers: [],
      }),
    ]),
  ) as Record<keyof typeof configs, string>;
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.index.v1+json",
    manifests: Object.entries(manifests).map(([arch, m]) => ({
      mediaType: "application/vnd.oci.image.manifest.v1+json",
      digest: sha(m),
      size: m.length,
      platform: { os: "linux", architecture: arch },
    })),
  });
  const byDigest = new Map<string, string>(
    [index, ...Object.values(manifests), ...Object.values(configs)].map((b) => [sha(b), b]),
  );
  const requests: FakeRegistry["requests"] = [];
  let port = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/token") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ token: "t0ken", scope: url.searchParams.get("scope") }));
      return;
    }
    if (req.headers.authorization !== "Bearer t0ken") {
      res.statusCode = 401;
      res.setHeader(
        "www-authenticate",
        `Bearer realm="http://127.0.0.1:${port}/token",service="fake",scope="repository:team/app:pull"`,
      );
      res.end();
      return;
    }
    const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    const ref = m?.[2] === "1" ? sha(index) : (m?.[2] ?? "");
    const body = byDigest.get(ref);
    if (!m || body === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ errors: [{ code: "MANIFEST_UNKNOWN" }] }));
      return;
    }
    res.setHeader("docker-content-digest", ref);
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    indexDigest: sha(index),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A TCP server that accepts connections and never answers: a registry that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createTcpServer((s) => void sockets.push(s));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

const linux = (architecture: string) => ({ os: "linux", architecture });

describe("registry client against servers of our own", () => {
  let reg: FakeRegistry;
  let cache: string;
  beforeAll(async () => {
    reg = await fakeRegistry();
    cache = mkdtempSync(join(tmpdir(), "hull-registry-cache-"));
  });
  afterAll(async () => {
    await reg.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it("follows the token challenge and the image index to the platform's config", async () => {
    const ref = `127.0.0.1:${reg.port}/team/app:1`;
    const r = await resolveImage(ref, linux("arm64"), { cacheDir: null });
    if ("error" in r) throw new Error(r.error);
    expect(r.image.config.Cmd).toEqual(["/arm"]);
    expect(r.digest).toBe(reg.indexDigest);
    const token = reg.requests.find((q) => q.url.startsWith("/token"));
    expect(token?.url).toContain("scope=repository%3Ateam%2Fapp%3Apull");
    const amd = await resolveImage(ref, linux("amd64"), { cacheDir: null });
    expect("image" in amd && amd.image.config.Env).toEqual(["A=1"]);
  });

  it("sends the Docker config's credentials to the token service", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hull-docker-config-"));
    const auth = Buffer.from("user:secret").toString("base64");
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ auths: { [`127.0.0.1:${reg.port}`]: { auth } } }),
    );
    reg.requests.length = 0;
    const r = await resolveImage(`127.0.0.1:${reg.port}/team/app:1`, linux("amd64"), {
      cacheDir: null,
      env: { DOCKER_CONFIG: dir },
    });
    rmSync(dir, { recursive: true, force: true });
    expect("image" in r).toBe(true);
    expect(reg.requests.find((q) => q.url.startsWith("/token"))?.authorization).toBe(`Basic ${auth}`);
  });

  it("says which platform is missing from an index", async () => {
    const r = await resolveImage(`127.0.0.1:${reg.port}/team/app:1`, linux("s390x"), { cacheDir: null });
    expect("error" in r && r.error).toMatch(/no manifest for platform linux\/s390x/);
  });

  it("reports a 404 as not found", async () => {
    const r = await resolveImage(`127.0.0.1:${reg.port}/team/missing:1`, linux("amd64"), { cacheDir: null });
    expect("error" in r && r.error).toMatch(/team\/missing: not found/);
  });

  it("answers from the cache while the tag's TTL lasts, and asks again after", async () => {
    const ref = `127.0.0.1:${reg.port}/team/app:1`;
    const options = { cacheDir: cache, now: () => 1_000_000, tagTtlSeconds: 60 };
    expect("image" in (await resolveImage(ref, linux("amd64"), options))).toBe(true);
    reg.requests.length = 0;
    const again = await resolveImage(ref, linux("amd64"), { ...options, now: () => 1_030_000 });
    expect("image" in again && again.digest).toBe(reg.indexDigest);
    expect(reg.requests).toEqual([]);
    await resolveImage(ref, linux("amd64"), { ...options, now: () => 1_000_000 + 61_000 });
    // Only the tag is asked again; manifests and the config are addressed by digest and stay cached.
    expect(reg.requests.filter((q) => q.url.startsWith("/v2/")).map((q) => q.url)).toEqual([
      "/v2/team/app/manifests/1",
      "/v2/team/app/manifests/1",
    ]);
  });

  it("gives up on a registry that never answers, with a message", async () => {
    const silent = await silentServer();
    const r = await resolveImage(`127.0.0.1:${silent.port}/x:1`, linux("amd64"), {
      cacheDir: null,
      timeoutMs: 300,
    });
    await silent.close();
    expect("error" in r && r.error).toMatch(/no answer within 300 ms/);
  });

  it("reports a refused connection", async () => {
    const silent = await silentServer();
    await silent.close();
    const r = await resolveImage(`127.0.0.1:${silent.port}/x:1`, linux("amd64"), { cacheDir: null });
    expect("error" in r && r.error).toMatch(/ECONNREFUSED/);
  });

  it("reaches loopback over HTTP and others over HTTPS unless configured", () => {
    expect(["localhost:5000", "127.0.0.2:80", "[::1]:5000"].map((d) => isInsecure(d))).toEqual([
      true,
      true,
      true,
    ]);
    expect(isInsecure("registry.example:5000")).toBe(false);
    expect(isInsecure("registry.example:5000", ["registry.example:5000"])).toBe(true);
  });

  it("hull plan --resolve plans with the config and pins the digest; a failure is a warning", async () => {
    const env = { XDG_CACHE_HOME: cache };
    const file = `FROM 127.0.0.1:${reg.port}/team/app:1 AS main\nCMD ["x"]\nFROM 127.0.0.1:${reg.port}/team/gone:1 AS other\n`;
    // Only the stages the target needs are resolved: main is pruned here, and gone cannot be read.
    const io = fakeIo({ "/w/Dockerfile": file }, { env });
    expect(await main(["plan", "Dockerfile", "--resolve", "--target", "other", "--format", "json"], io)).toBe(
      0,
    );
    const json = JSON.parse(io.out);
    expect(json.stages.map((s: { baseConfig: string }) => s.baseConfig)).toEqual(["unknown", "unknown"]);
    expect(json.diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`)).toEqual([
      "base-image-unresolved@3",
    ]);
    const io2 = fakeIo({ "/w/Dockerfile": file }, { env });
    expect(
      await main(["plan", "Dockerfile", "--resolve", "--target", "main", "--format", "json", "--run"], io2),
    ).toBe(0);
    const plan2 = JSON.parse(io2.out);
    expect(plan2.stages[0]).toMatchObject({ baseConfig: "known", baseDigest: reg.indexDigest });
    expect(plan2.run).toMatchObject({ argv: ["x"], complete: true, entrypoint: null });
    expect(plan2.diagnostics).toEqual([]);
  });
});

// The same client against Debian's docker-registry, with images built by buildah from the static busybox.
const why = missingRegistryTools();
if (why) console.warn(`skipping the real-registry tests: ${why}`);

describe.skipIf(why !== "")("registry client against docker-registry and buildah", () => {
  // Undefined when beforeAll failed before the registry started: afterAll still runs.
  let local: LocalRegistry | undefined;
  let dir: string;
  let port: number;

  beforeAll(async () => {
    const started = (local = await startLocalRegistry("hull-registry-"));
    ({ dir, port } = started);
    const buildah = started.buildah;
    const image = (name: string, arch: string, cmd: string): void =>
      started.busyboxImage(name, [
        "--arch",
        arch,
        "--env",
        "PATH=/bin",
        "--cmd",
        cmd,
        "--workingdir",
        "/srv",
      ]);
    image("localhost/bb:amd64", "amd64", "/bin/amd");
    image("localhost/bb:arm64", "arm64", "/bin/arm");
    buildah("push", "--tls-verify=false", "localhost/bb:amd64", `docker://127.0.0.1:${port}/library/bb:1`);
    buildah("manifest", "create", "localhost/bb:multi");
    buildah("manifest", "add", "localhost/bb:multi", "localhost/bb:amd64");
    buildah("manifest", "add", "localhost/bb:multi", "localhost/bb:arm64");
    buildah(
      "manifest",
      "push",
      "--all",
      "--tls-verify=false",
      "localhost/bb:multi",
      `docker://127.0.0.1:${port}/multi:1`,
    );
  }, 120_000);
  afterAll(() => local?.stop());

  it("reads a pushed image's config", async () => {
    const r = await resolveImage(`127.0.0.1:${port}/library/bb:1`, linux("amd64"), { cacheDir: null });
    if ("error" in r) throw new Error(r.error);
    expect(r.image.config).toMatchObject({ Cmd: ["/bin/amd"], WorkingDir: "/srv", Env: ["PATH=/bin"] });
    expect(r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("follows a multi-platform index to each platform", async () => {
    for (const [arch, cmd] of [
      ["amd64", "/bin/amd"],
      ["arm64", "/bin/arm"],
    ] as const) {
      const r = await resolveImage(`127.0.0.1:${port}/multi:1`, linux(arch), { cacheDir: null });
      expect("image" in r && r.image.config.Cmd).toEqual([cmd]);
    }
  });

  it("reports an image the registry does not have", async () => {
    const r = await resolveImage(`127.0.0.1:${port}/nothing:1`, linux("amd64"), { cacheDir: null });
    expect("error" in r && r.error).toMatch(/nothing: not found/);
  });

  it("hull plan --resolve --run prints the exact argv", async () => {
    const io = fakeIo(
      { "/w/Dockerfile": `FROM 127.0.0.1:${port}/multi:1\nRUN true\n` },
      { env: { XDG_CACHE_HOME: join(dir, "cache") } },
    );
    expect(
      await main(["plan", "Dockerfile", "--resolve", "--platform", "linux/arm64", "--run", "--", "-x"], io),
    ).toBe(0);
    expect(JSON.parse(io.out)).toEqual(["-x"]);
    const io2 = fakeIo(
      { "/w/Dockerfile": `FROM 127.0.0.1:${port}/multi:1\n` },
      { env: { XDG_CACHE_HOME: join(dir, "cache") } },
    );
    await main(["plan", "Dockerfile", "--resolve", "--platform", "linux/arm64", "--run"], io2);
    expect(JSON.parse(io2.out)).toEqual(["/bin/arm"]);
  });
});
