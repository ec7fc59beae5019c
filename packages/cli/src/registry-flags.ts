import type { Command } from "commander";
import type { RegistryOptions } from "./registry.js";

/** The flags `hull lint` and `hull plan` share for reading base image configs (`--resolve` is each command's own). */
export interface RegistryFlags {
  imageConfig: string[];
  insecureRegistry: string[];
  registryMirror: string[];
  resolveTimeout?: string;
}

/** Commander's accumulator for a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Adds `--image-config` and the registry client's options. Kept free of the client itself, which loads lazily. */
export function addRegistryOptions(command: Command): Command {
  return command
    .option(
      "--image-config <ref=file>",
      "config of a base image, as `docker inspect`, `buildah inspect`, `crane config` or `skopeo inspect --config` print it (repeatable)",
      collect,
      [],
    )
    .option(
      "--insecure-registry <host>",
      "registry reached over plain HTTP with --resolve (repeatable)",
      collect,
      [],
    )
    .option(
      "--registry-mirror <url>",
      "mirror tried first for Docker Hub images with --resolve (repeatable)",
      collect,
      [],
    )
    .option(
      "--resolve-timeout <ms>",
      "how long one registry request may take with --resolve (default: 10000)",
    );
}

/** The registry client's options the flags ask for, or the message for a `--resolve-timeout` that is no duration. */
export function registryOptionsOf(
  flags: RegistryFlags,
  env: RegistryOptions["env"],
): RegistryOptions | string {
  const timeoutMs = flags.resolveTimeout === undefined ? undefined : Number(flags.resolveTimeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0))
    return `--resolve-timeout expects milliseconds, got "${flags.resolveTimeout}"`;
  return {
    insecure: flags.insecureRegistry,
    mirrors: flags.registryMirror,
    env,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}
