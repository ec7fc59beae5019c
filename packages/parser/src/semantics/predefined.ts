import { defaultPlatform, formatPlatform, type Platform } from "./platform.js";

/** What each predefined ARG holds, for hover and completion. */
export const predefinedArgDocs: Readonly<Record<string, string>> = {
  BUILDPLATFORM: "The platform of the node running the build, e.g. `linux/amd64`.",
  BUILDOS: "The OS part of BUILDPLATFORM.",
  BUILDOSVERSION: "The OS version of the build node (Windows builds), empty elsewhere.",
  BUILDARCH: "The architecture part of BUILDPLATFORM.",
  BUILDVARIANT: "The variant part of BUILDPLATFORM.",
  TARGETPLATFORM: "The platform the image is built for, e.g. `linux/arm64`.",
  TARGETOS: "The OS part of TARGETPLATFORM.",
  TARGETOSVERSION: "The OS version of the target platform (Windows images), empty elsewhere.",
  TARGETARCH: "The architecture part of TARGETPLATFORM.",
  TARGETVARIANT: "The variant part of TARGETPLATFORM.",
  TARGETSTAGE: "The name of the stage being built.",
};

/**
 * The ARGs BuildKit defines for every build, usable in FROM without a declaration and in a stage after
 * `ARG NAME`, with their values for a target and a build platform (the target's unless given).
 */
export function predefinedArgs(
  target: Platform = defaultPlatform,
  build: Platform = target,
  targetStage = "default",
): Map<string, string> {
  return new Map([
    ["BUILDPLATFORM", formatPlatform(build)],
    ["BUILDOS", build.os],
    ["BUILDOSVERSION", build.osVersion],
    ["BUILDARCH", build.arch],
    ["BUILDVARIANT", build.variant],
    ["TARGETPLATFORM", formatPlatform(target)],
    ["TARGETOS", target.os],
    ["TARGETOSVERSION", target.osVersion],
    ["TARGETARCH", target.arch],
    ["TARGETVARIANT", target.variant],
    ["TARGETSTAGE", targetStage],
  ]);
}

/** The predefined ARGs for the default platform; shared, never to be changed. */
export const defaultPredefinedArgs: ReadonlyMap<string, string> = predefinedArgs();

/** Proxy settings BuildKit passes to RUN as build args without any ARG declaring them. */
export const proxyArgs: ReadonlySet<string> = new Set([
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
]);

/** BuildKit's control ARGs that never become environment variables. */
export const nonEnvArgs: ReadonlySet<string> = new Set([
  "BUILDKIT_SBOM_SCAN_CONTEXT",
  "BUILDKIT_SBOM_SCAN_STAGE",
]);

/** BuildKit sets PATH in every Linux stage whose base image does not. */
export const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
