import type { KnownKeyword } from "@hull/parser";

/** One short paragraph per instruction, shown on hover and beside keyword completions. */
export const instructionDocs: Readonly<Record<KnownKeyword, string>> = {
  FROM: "Starts a build stage from a base image (or an earlier stage). `AS name` names the stage so that `COPY --from` and `--target` can refer to it; `--platform` picks the image's platform.",
  RUN: "Runs a command in a new layer on top of the current image. The shell form runs through the `SHELL` (`/bin/sh -c` by default); the JSON form runs the program directly. `--mount` adds caches, secrets or bind mounts for this command only.",
  CMD: "Sets the default command (or the default arguments of `ENTRYPOINT`) for containers started from the image. Only the last `CMD` of a stage counts; prefer the JSON form so that signals reach the process.",
  ENTRYPOINT:
    "Sets the program containers run; `CMD` and `docker run` arguments are appended to it. In the shell form it ignores `CMD` and runs under `/bin/sh -c`, so signals do not reach the process.",
  SHELL:
    'Replaces the shell used by the shell form of later `RUN`, `CMD` and `ENTRYPOINT` lines, e.g. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`. Takes a JSON array.',
  COPY: "Copies files from the build context (or, with `--from`, from another stage or image) into the image. `--chown`/`--chmod` set ownership and mode, `--link` makes the layer independent of earlier ones.",
  ADD: "Like `COPY`, but also fetches URLs and Git repositories and unpacks local tar archives. Prefer `COPY` unless you need one of these; `--checksum` verifies a download.",
  VOLUME:
    "Marks paths as mount points for external volumes. Changes made to those paths by later build steps are discarded.",
  ENV: "Sets environment variables in the image: visible to later instructions of the stage, to stages built on it, and to running containers. Use `ARG` for values needed only at build time.",
  LABEL:
    "Adds `key=value` metadata to the image, e.g. `org.opencontainers.image.source`. Labels are inherited from the base image.",
  ARG: "Declares a build argument, set with `docker build --build-arg NAME=value`, with an optional default. Before the first `FROM` it is usable only in `FROM` lines; inside a stage it lasts until the end of that stage. Not kept in the image's environment.",
  EXPOSE:
    "Documents the ports the container listens on (`80`, `53/udp`). It does not publish them; `docker run -p` does.",
  HEALTHCHECK:
    "Sets the command Docker runs to check that a container is healthy (`HEALTHCHECK CMD …`), with `--interval`, `--timeout`, `--start-period`, `--start-interval` and `--retries`; `HEALTHCHECK NONE` turns off an inherited check.",
  ONBUILD:
    "Registers an instruction to run later, when another Dockerfile builds `FROM` this image. Triggers run at the start of that child build, in order.",
  MAINTAINER:
    "Deprecated: sets the image's author field. Use `LABEL org.opencontainers.image.authors=…` instead.",
  USER: "Sets the user (and optionally the group) for later `RUN`, `CMD` and `ENTRYPOINT` lines and for the running container. Use a non-root user for the final stage.",
  WORKDIR:
    "Sets the working directory for later `RUN`, `CMD`, `ENTRYPOINT`, `COPY` and `ADD` lines, creating it if needed. Use absolute paths; relative ones depend on the previous `WORKDIR`.",
  STOPSIGNAL:
    "Sets the signal sent to stop the container, e.g. `SIGINT` or `SIGQUIT`; the default is `SIGTERM`.",
};

/** One line per parser directive, for hover. */
export const directiveDocs: Readonly<Record<string, string>> = {
  syntax:
    "Parser directive: selects the Dockerfile frontend image BuildKit uses to build this file, e.g. `docker/dockerfile:1`.",
  escape:
    "Parser directive: sets the escape character to `\\` (the default) or `` ` `` (handy on Windows, where `\\` is the path separator).",
  check:
    "Parser directive: configures BuildKit's build checks, e.g. `skip=JSONArgsRecommended` or `error=true`. hull honours `skip=` for the checks it implements.",
};

/** The Dockerfile reference page of an instruction. */
export function referenceUrl(keyword: KnownKeyword): string {
  return `https://docs.docker.com/reference/dockerfile/#${keyword.toLowerCase()}`;
}
