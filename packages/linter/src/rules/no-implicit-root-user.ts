import { mayBeForeignStage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { activeShell, isCircleciImage, isWindowsImage } from "../shell/dialect.js";
import { dropsPrivileges } from "../shell/tools/launchers.js";
import { filesOnly } from "./utils/stages.js";

/** Base images known to set a non-root USER themselves (and CircleCI's `cimg/…`, `isCircleciImage`, set `circleci`). */
const nonRootImage =
  /(?:^|[/:@_-])(?:nonroot|rootless)(?:$|[/:@_-])|^cgr\.dev\/chainguard\/[^:@]+(?::(?![^@]*-dev\b)[^@]*)?(?:@|$)/;

/**
 * The application images Red Hat builds from sclorg's Dockerfiles (`ubi9/python-311`, `rhel8/postgresql-16`,
 * `quay.io/sclorg/nginx-124-c9s`, `centos/python-36-centos7`), which end with `USER 1001` (the database images with
 * their own user: postgres 26, mysql 27), and Red Hat's OpenJDK images (`ubi9/openjdk-21`, user 185).
 */
const redHatAppImage =
  /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io|quay\.io|docker\.io)\/)?(?:(?:ubi|rhel)\d+|sclorg|fedora|centos)\/(?:python|nodejs|nginx|httpd|php|ruby|perl|postgresql|mysql|mariadb|redis|varnish|openjdk)-\d/;

/**
 * Microsoft's chiseled and distroless .NET images (`dotnet/runtime-deps:9.0-noble-chiseled`,
 * `dotnet/aspnet:8.0-azurelinux3.0-distroless`), which end with `USER $APP_UID` (1654, the `app` user).
 */
const dotnetNonRootImage = /^mcr\.microsoft\.com\/dotnet\/[^:@]+:[^@]*-(?:chiseled|distroless)(?:$|[-@])/;

/**
 * Images built on s6-overlay whose `/init` must start as root and runs each service as the user the container's
 * PUID and PGID name: linuxserver.io's (`lscr.io/linuxserver/sonarr`, `ghcr.io/linuxserver/baseimage-alpine`) and
 * hotio's.
 */
const s6Image = /^(?:(?:lscr\.io|ghcr\.io|docker\.io)\/)?(?:linuxserver|hotio)\//;

/**
 * Nano Server, which runs as the unprivileged ContainerUser since version 1709; the Windows Server 2016 release
 * (`sac2016`, `10.0.14393`, the old `microsoft/nanoserver` without a tag) ran as ContainerAdministrator.
 */
const nanoServer = /(?:^|[/:@._-])nanoserver(?:$|[/:@._-])/;
const nanoServer2016 = /sac2016|10\.0\.14393|^(?:docker\.io\/)?microsoft\/nanoserver(?::latest)?$/;

export default defineRule({
  id: "no-implicit-root-user",
  title: "Set a USER for the final image",
  severity: "warning",
  recommended: false,
  fixable: false,
  aliases: {
    trivy: "DS-0002",
    checkov: "CKV_DOCKER_3",
    kics: "fd54f200-402c-4333-a5a4-36ef6709af2f",
    semgrep: ["missing-user", "missing-user-entrypoint"],
  },
  security: "high",
  docs: {
    rationale:
      "Without a `USER` instruction a container runs as the base image's user, which for most images is root. " +
      "A process running as root in a container is one kernel bug or one misconfigured mount away from root on the host, and can change every file of the image. " +
      "Create an unprivileged user and switch to it at the end (`USER 10001`, or a named user), after the steps that need root.",
    limitations:
      "The rule looks at the final stage and the stages it is built from; it does not know what user a base image sets, except for images tagged `nonroot`/`rootless`, Chainguard images, CircleCI's `cimg/…` images, Red Hat's application images (`ubi9/python-311`, `rhel8/postgresql-16`…), .NET's chiseled and distroless images and Nano Server (whose user is ContainerUser since version 1709), nor what a stage that another frontend's instructions may define sets (`FROM runtime` after dockerfile-x's `INCLUDE`; not reported), so it is off by default: images that drop privileges in an entrypoint script (many official database images do) would be reported. " +
      'An image whose `ENTRYPOINT` starts as root in order to drop privileges itself is not reported: s6-overlay\'s `/init` (and the linuxserver.io and hotio images built on it), or a user switcher such as `gosu` or `su-exec`, alone or after an init (`["tini", "--", "gosu", "app", …]`). ' +
      "A final stage built `FROM scratch` that copies files in and has no `CMD` or `ENTRYPOINT` is not reported: its image holds files to copy or export, and runs no container. " +
      "With the base image's config (`hull lint --resolve` or `--image-config`) its USER is known: a non-root one satisfies the rule, an explicit root is `no-root-user`'s finding, and an image that sets none is reported whatever its name. " +
      "`no-root-user` reports a final `USER root` explicitly. " +
      'Trivy (DS-0002), Checkov (CKV_DOCKER_3), KICS ("Missing User Instruction") and Semgrep (`missing-user`) report the same.',
    bad: [
      `FROM node:22-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
`,
    ],
    good: [
      `FROM node:22-slim
WORKDIR /app
COPY . .
USER node
CMD ["node", "server.js"]
`,
      `FROM golang:1.23 AS build
RUN go build -o /app .
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
`,
    ],
    seeAlso: [
      "no-root-user",
      "https://github.com/aquasecurity/trivy-checks/blob/main/checks/docker/root_user.rego",
      "https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/UserExists.py",
      "https://github.com/Checkmarx/kics/tree/master/assets/queries/dockerfile/missing_user_instruction",
      "https://github.com/semgrep/semgrep-rules/blob/develop/dockerfile/security/missing-user.yaml",
    ],
  },
  messages: {
    implicit: (image: string) =>
      `The final image sets no USER, so it runs as the user of '${image}', usually root; add an unprivileged USER.`,
    implicitWindows: (image: string) =>
      `The final image sets no USER, so it runs as the user of '${image}', usually ContainerAdministrator; add USER ContainerUser.`,
    knownRoot: (image: string) =>
      `The final image sets no USER, and neither does its base image '${image}', so it runs as root; add an unprivileged USER.`,
  },
  visitor: {
    "Dockerfile:exit"(ast, ctx) {
      const last = ast.stages[ast.stages.length - 1];
      if (!last?.from.image || ctx.semantic.lastOf(last, "User") !== null) return;
      // An entrypoint that starts as root to drop privileges itself (s6-overlay's /init, gosu) needs root.
      const entrypoint = ctx.semantic.lastOf(last, "Entrypoint");
      if (entrypoint?.form === "exec" && dropsPrivileges(entrypoint.args.map((a) => a.value))) return;
      // An image of files with nothing to run (FROM scratch, no CMD or ENTRYPOINT) starts no container.
      if (filesOnly(ctx.semantic, last)) return;
      // The image the final stage starts from, following stage names, with the global ARGs filled in.
      const root = ctx.semantic.rootOf(last);
      const image = ctx.semantic.baseName(root) ?? root.from.image?.value ?? "";
      const known = ctx.baseImage(last);
      if (known) {
        // Any USER the image sets counts: root is no-root-user's finding, another user is what the rule wants.
        if (known.config.User === null) ctx.report(last.from.image, "knownRoot", image);
        return;
      }
      const name = image.toLowerCase();
      if (
        mayBeForeignStage(ast, image) ||
        nonRootImage.test(name) ||
        isCircleciImage(name) ||
        redHatAppImage.test(name) ||
        dotnetNonRootImage.test(name) ||
        s6Image.test(name) ||
        (nanoServer.test(name) && !nanoServer2016.test(name))
      )
        return;
      // A Windows image by its name, or by its default shell (a stage whose RUN starts Windows PowerShell).
      const first = last.instructions[0];
      const windows =
        isWindowsImage(name) || (first !== undefined && activeShell(ctx.semantic, first).dialect === "cmd");
      ctx.report(last.from.image, windows ? "implicitWindows" : "implicit", image);
    },
  },
});
