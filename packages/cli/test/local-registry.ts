// Debian's docker-registry on 127.0.0.1 and images built by buildah from the static busybox, for the tests that
// resolve base images from a real registry (hull plan --resolve, hull lint --resolve, the registry client).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why the real-registry tests cannot run here ("" when docker-registry and buildah are installed). */
export function missingRegistryTools(): string {
  const missing = ["docker-registry", "buildah"].filter((t) => spawnSync("which", [t]).status !== 0);
  return missing.length > 0 ? `needs ${missing.join(" and ")} (.ci/apt-packages.txt)` : "";
}

/** A port nothing listens on (the OS picked it free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const port = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
  return port;
}

export interface LocalRegistry {
  /** A private folder: the registry's storage and buildah's. */
  readonly dir: string;
  readonly port: number;
  /** Runs buildah with storage of its own in `dir`; returns its output, throws on failure. */
  buildah(...args: string[]): string;
  /** Commits an image `name` holding only /bin/busybox, with `buildah config` arguments (`--env`, `--cmd` …). */
  busyboxImage(name: string, config: readonly string[]): void;
  stop(): void;
}

/** Starts docker-registry on a free port of 127.0.0.1 and waits until it answers. */
export async function startLocalRegistry(prefix: string): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const port = await closedPort();
  const config = `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`;
  writeFileSync(join(dir, "config.yml"), config);
  const registry = spawn("docker-registry", ["serve", join(dir, "config.yml")], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  const buildah = (...args: string[]): string => {
    const r = spawnSync(
      "buildah",
      ["--storage-driver", "vfs", "--root", join(dir, "root"), "--runroot", join(dir, "run"), ...args],
      { encoding: "utf8", env: { ...process.env, STORAGE_DRIVER: "vfs", BUILDAH_ISOLATION: "chroot" } },
    );
    if (r.status !== 0) throw new Error(`buildah ${args.join(" ")}: ${r.stderr}`);
    return r.stdout.trim();
  };
  return {
    dir,
    port,
    buildah,
    busyboxImage(name, configArgs) {
      const ctr = buildah("from", "scratch");
      const mnt = buildah("mount", ctr);
      mkdirSync(join(mnt, "bin"), { recursive: true });
      cpSync("/bin/busybox", join(mnt, "bin", "busybox"));
      buildah("config", ...configArgs, ctr);
      buildah("commit", "-q", "--format", "docker", ctr, name);
      buildah("rm", ctr);
    },
    stop() {
      registry.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
