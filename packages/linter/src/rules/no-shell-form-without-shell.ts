import {
  flagNamed,
  sourceKind,
  type Add,
  type Copy,
  type Instruction,
  type Stage,
  type Word,
} from "@hull/parser";
import { defineRule } from "../rule.js";
import { basename, shellNames } from "../shell/lexer.js";
import { isTarArchive } from "../shell/tools/tar.js";
import { hasEntrypoint } from "./utils/stages.js";

/**
 * Base images known to hold no shell: `scratch`, Google's distroless images (their `debug` tags add busybox),
 * Chainguard's `static` (its `-dev` tags add one) and Microsoft's chiseled .NET images (Ubuntu chiseled: no shell,
 * no package manager; every such tag says `chiseled`).
 */
const shellLessImage =
  /^(?:scratch|gcr\.io\/distroless\/[^:@]+(?::(?![^@]*debug)[^@]*)?(?:@.*)?|cgr\.dev\/chainguard\/static(?::(?![^@]*-dev\b)[^@]*)?(?:@.*)?|mcr\.microsoft\.com\/dotnet\/[^:@]+:[^@]*-chiseled[^@]*(?:@.*)?)$/;

/** Distroless images whose config sets an ENTRYPOINT (the language's runtime), to which a CMD only gives arguments. */
const runtimeEntrypoint = /^gcr\.io\/distroless\/(?:java|python|nodejs)/;

/** A destination that can receive a shell: the root, or a directory of programs. */
const rootOrBin = /^(?:\.?\/?|\/(?:usr\/(?:local\/)?)?s?bin\/?)$/;

/**
 * True when an instruction may give the stage a shell, so that later shell-form instructions may work: a SHELL
 * (the author names the shell), an exec-form RUN (`["/busybox", "--install"]`), an ADD that may unpack an archive (a
 * root filesystem), and a COPY or ADD of a shell, or of a directory tree into `/` or a `bin` directory.
 */
function mayBringShell(node: Instruction): boolean {
  if (node.type === "Shell") return true;
  if (node.type === "Run") return node.form === "exec";
  if (node.type !== "Copy" && node.type !== "Add") return false;
  return node.sources.some((source) => sourceMayBeShell(node, source));
}

function sourceMayBeShell(node: Add | Copy, source: Word): boolean {
  const value = source.value;
  if (node.type === "Add" && mayUnpack(node, value)) return true;
  const base = basename(value.replace(/\/+$/, ""));
  if (shellNames.has(base) || base.startsWith("busybox")) return true;
  // A directory, a glob or a variable may hold anything; it matters where a shell would be looked for.
  const tree =
    value.endsWith("/") || base === "" || base === "." || !base.includes(".") || /[*?[$]/.test(base);
  return tree && rootOrBin.test(node.destination?.value ?? "");
}

/**
 * True when ADD may unpack the source: BuildKit unpacks a local tar archive whatever its name (so a local file added
 * into `/` or a `bin` directory may be one), unless `--unpack=false`, and a remote file only with `--unpack`.
 */
function mayUnpack(node: Add, value: string): boolean {
  const flag = flagNamed(node, "unpack");
  const on = flag && (flag.value === null || flag.value === "" || flag.value.toLowerCase() === "true");
  if (sourceKind(value) === "url") return on === true;
  if (on === false) return false;
  return isTarArchive(value) || rootOrBin.test(node.destination?.value ?? "");
}

export default defineRule({
  id: "no-shell-form-without-shell",
  title: "Use the exec form in an image that has no shell",
  severity: "error",
  fixable: false,
  docs: {
    rationale:
      'A shell-form instruction runs through `/bin/sh -c "…"`. ' +
      "An image built `FROM scratch`, on a distroless image or on Chainguard's `static` has no `/bin/sh`: a shell-form `RUN` fails the build, a shell-form `CMD` or `ENTRYPOINT` leaves a container that cannot start, and a shell-form `HEALTHCHECK CMD` always fails, so the container is never healthy. " +
      'Write these instructions in exec form (`ENTRYPOINT ["/app", "--serve"]`), or run the commands in a build stage that has a shell and copy the result.',
    limitations:
      "Only images whose names say they hold no shell are checked: `scratch`, `gcr.io/distroless/…` (not its `debug` tags), `cgr.dev/chainguard/static` (not its `-dev` tags) and `mcr.microsoft.com/dotnet/…` with a `-chiseled` tag. " +
      "An instruction after anything that may bring a shell is not reported: a `SHELL`, an exec-form `RUN`, an `ADD` that may unpack an archive (a local tar archive, any local file added into `/` or a `bin` directory since BuildKit unpacks a tar whatever its name, or a remote file with `--unpack`), or a `COPY`/`ADD` of a shell, busybox, or a directory into `/` or a `bin` directory (as images that copy in a root filesystem do). " +
      "A shell-form `CMD` under an `ENTRYPOINT` (this file's, or that of a distroless language image) is only the entrypoint's arguments, `cmd-overridden`'s finding. " +
      "ONBUILD triggers run in other images and are not checked.",
    bad: [
      `FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT /app --serve
`,
      `FROM gcr.io/distroless/static-debian12
COPY app /app
RUN chmod +x /app
`,
    ],
    good: [
      `FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app", "--serve"]
`,
      `FROM scratch
ADD alpine-minirootfs.tar.gz /
CMD /bin/sh
`,
    ],
    seeAlso: ["prefer-json-args", "cmd-overridden"],
  },
  messages: {
    run: (image: string) =>
      `'${image}' has no shell, so this shell-form RUN fails the build (it runs as /bin/sh -c "…"); write it in exec form, or run it in a stage that has a shell.`,
    start: (image: string, keyword: string) =>
      `'${image}' has no shell, so this shell-form ${keyword} cannot start (it runs as /bin/sh -c "…"); write it in exec form (${keyword} ["…"]).`,
    healthcheck: (image: string) =>
      `'${image}' has no shell, so this shell-form health check always fails (it runs as /bin/sh -c "…"); write it in exec form (HEALTHCHECK CMD ["…"]).`,
  },
  visitor: {
    Stage(stage, ctx) {
      const image = ctx.semantic.baseName(ctx.semantic.rootOf(stage));
      if (image === null || !shellLessImage.test(image.toLowerCase())) return;
      if (ctx.semantic.someBase(stage, hasShellSource)) return;
      // Under an ENTRYPOINT, a shell-form CMD is only its arguments (`/bin/sh`, `-c`, "…"): cmd-overridden's finding.
      const entrypoint =
        hasEntrypoint(stage) ||
        ctx.semantic.someBase(stage, hasEntrypoint) ||
        runtimeEntrypoint.test(image) ||
        !!ctx.baseImage(stage)?.config.Entrypoint?.length;
      for (const node of stage.instructions) {
        if (mayBringShell(node)) return;
        if (node.type === "Run" && node.form === "shell") ctx.report(node.keyword, "run", image);
        else if (node.type === "Entrypoint" && node.form === "shell")
          ctx.report(node.keyword, "start", image, "ENTRYPOINT");
        else if (node.type === "Cmd" && node.form === "shell" && !entrypoint)
          ctx.report(node.keyword, "start", image, "CMD");
        else if (node.type === "Healthcheck" && node.form === "shell" && node.command.length > 0)
          ctx.report(node.keyword, "healthcheck", image);
      }
    },
  },
});

const hasShellSource = (stage: Stage) => stage.instructions.some(mayBringShell);
