import {
  cleanSegments,
  flagNamed,
  type Dockerfile,
  type Instruction,
  type SemanticModel,
  type Shell,
  type Stage,
} from "@hull/parser";
import { shellNames } from "./lexer.js";

/**
 * The language a RUN script is written in: a POSIX shell (sh, bash, ash…), PowerShell, Windows cmd, or a program
 * hull does not read (`SHELL ["python3", "-c"]`).
 */
export type Dialect = "posix" | "powershell" | "cmd" | "unknown";

/** The program that runs the shell-form instructions of a stage at some point, and how it is read. */
export interface ActiveShell {
  readonly dialect: Dialect;
  /** The SHELL instruction's argv, or the default (`/bin/sh -c`, or `cmd /S /C` on a Windows base image). */
  readonly argv: readonly string[];
  /**
   * For PowerShell, true when it is Windows PowerShell 5 (`powershell`), whose `curl` and `wget` are aliases of
   * `Invoke-WebRequest`; PowerShell 7 (`pwsh`) runs the real programs of those names.
   */
  readonly windowsPowershell: boolean;
}

/** `/bin/sh -c`, the shell of a stage with no SHELL on a Linux image; one object, so that caches keyed by shell share it. */
export const posixDefault: ActiveShell = {
  dialect: "posix",
  argv: ["/bin/sh", "-c"],
  windowsPowershell: false,
};
const windowsDefault: ActiveShell = { dialect: "cmd", argv: ["cmd", "/S", "/C"], windowsPowershell: false };

/** `C:\Windows\System32\cmd.exe` → `cmd`, `/usr/bin/pwsh` → `pwsh`. */
export function programName(path: string): string {
  return path
    .slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1)
    .toLowerCase()
    .replace(/\.exe$/, "");
}

/** The dialect of a program that runs a script: `bash` → posix, `powershell.exe` → powershell, `cmd` → cmd. */
export function programDialect(program: string): Dialect {
  // Each name below ends in `h`, `l` or `d` (or `.exe`): testing the last letter first spares nearly every other
  // command (`apt-get`, `curl`…) the lower-cased copy of its name.
  const last = program.charCodeAt(program.length - 1) | 0x20;
  if (last !== 0x68 && last !== 0x6c && last !== 0x64 && last !== 0x65) return "unknown";
  const name = programName(program);
  if (shellNames.has(name)) return "posix";
  if (name === "powershell" || name === "pwsh") return "powershell";
  if (name === "cmd") return "cmd";
  return "unknown";
}

/** The shell a SHELL argv sets; a wrapper (`/usr/bin/env bash -c`, `conda run -n x bash -c`) counts as its shell. */
export function shellOf(argv: readonly string[]): ActiveShell {
  let dialect = programDialect(argv[0] ?? "");
  let program = argv[0] ?? "";
  if (dialect === "unknown") {
    const inner = argv.slice(1).find((a) => programDialect(a) !== "unknown" && !a.startsWith("-"));
    if (inner !== undefined) {
      dialect = programDialect(inner);
      program = inner;
    }
  }
  return {
    dialect,
    argv,
    windowsPowershell: dialect === "powershell" && programName(program) === "powershell",
  };
}

/**
 * True when an image name says it is a Windows image (`mcr.microsoft.com/windows/servercore:ltsc2022`,
 * `python:3.12-windowsservercore`, `…/nanoserver`, `mcr.microsoft.com/dotnet/framework/sdk`, a tag such as
 * `windows-1809` or `1.2-ltsc2022`); other names are not guessed.
 */
export function isWindowsImage(name: string): boolean {
  const image = name.toLowerCase();
  const named = image.replace(/@.*/, "");
  const colon = named.lastIndexOf(":");
  const tag = colon > named.lastIndexOf("/") ? named.slice(colon + 1) : "";
  return (
    /(?:^|[/:@._-])(?:windowsservercore|servercore|nanoserver)(?:$|[/:@._-])/.test(image) ||
    // A tag that names Windows or one of its long-term releases (`plugins/base:windows-1809`, `app:1.2-ltsc2022`).
    /(?:^|[-_.])(?:windows|ltsc20\d\d)(?:$|[-_.\d])/.test(tag) ||
    /(?:^|\/)mcr\.microsoft\.com\/windows(?:[/:@]|$)/.test(image) ||
    /^(?:mcr\.microsoft\.com\/)?dotnet\/framework\//.test(image)
  );
}

/** What an image's `/bin/sh` is: bash, dash, or BusyBox's ash. */
export type BinSh = "bash" | "dash" | "busybox";

/**
 * The shell an image's `/bin/sh` is, when its name tells: bash in the Red Hat family (CentOS, Fedora, RHEL's UBI,
 * Rocky, Alma, Oracle Linux, Amazon Linux), Azure Linux (CBL-Mariner), Photon OS, openSUSE and Arch; dash in Debian and Ubuntu, and in the official
 * images' variants named after their releases (`python:3.12-bookworm`, `eclipse-temurin:21-jammy`); BusyBox's ash
 * in Alpine, BusyBox and the official `docker` image, and in the official images' Alpine variants (`node:22-alpine`,
 * `golang:1.23-alpine3.20`); and in any image whose tag names one of those systems (`nvidia/cuda:12.6.3-devel-ubuntu24.04`,
 * `amazoncorretto:21-al2023`). Null for any other name: most names say nothing.
 */
export function binShOfImage(name: string): BinSh | null {
  const image = name.toLowerCase();
  // The Python Packaging Authority's build images: musllinux is Alpine, manylinux_2_24 Debian 9, and the other
  // manylinux images CentOS (manylinux1, 2010, 2014) or AlmaLinux (2_28, 2_34).
  if (image.startsWith("quay.io/pypa/"))
    return image.startsWith("quay.io/pypa/musllinux")
      ? "busybox"
      : image.startsWith("quay.io/pypa/manylinux_2_24")
        ? "dash"
        : image.startsWith("quay.io/pypa/manylinux")
          ? "bash"
          : null;
  if (BASH_SH_IMAGE.test(image)) return "bash";
  if (DASH_SH_IMAGE.test(image)) return "dash";
  if (BUSYBOX_SH_IMAGE.test(image)) return "busybox";
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  const tag = colon > slash ? image.slice(colon + 1) : "";
  if (DEBIAN_TAG.test(tag)) return "dash";
  if (RED_HAT_TAG.test(tag)) return "bash";
  if (ALPINE_TAG.test(tag)) return "busybox";
  // An official image whose variants that name no other system are Debian's (`node:24`, `python:3.13-slim`).
  if (DEBIAN_DEFAULT_IMAGE.test(image)) return "dash";
  // The repository's own name, when it ends in a system and its version (`rocm/dev-almalinux-8`).
  const repository = image.slice(slash + 1, colon > slash ? colon : undefined).replace(/@.*/, "");
  const system = SYSTEM_VERSION_NAME.exec(repository)?.[1] ?? BASE_IMAGE_NAME.exec(repository)?.[1];
  if (system === undefined) return null;
  if (system === "ubuntu" || system === "debian") return "dash";
  return system === "alpine" ? "busybox" : "bash";
}

/**
 * A repository name that names a system with its version, as images built for several systems are named
 * (`rocm/dev-ubuntu-22.04`, `rocm/dev-almalinux-8`); a name without the version (`alpine-tools`) tells nothing.
 */
const SYSTEM_VERSION_NAME =
  /(?:^|-)(ubuntu|debian|alpine|ubi|centos|rockylinux|almalinux|oraclelinux|fedora|amazonlinux)-?\d+(?:\.\d+)*(?:$|-)/;

/**
 * An image named for its system: a mirror or copy of the system's image in another registry or namespace
 * (`ghcr.io/mailu/alpine:3.21`, `registry.example.com/mirror/ubuntu:24.04`), or a base image as LinuxServer names
 * theirs (`ghcr.io/linuxserver/baseimage-alpine:3.23`).
 */
const BASE_IMAGE_NAME =
  /^(?:baseimage-)?(ubuntu|debian|alpine|fedora|centos|rockylinux|almalinux|oraclelinux|amazonlinux)$/;

// A name on Docker Hub (or Amazon's gallery, or the vendor's registry) and its tag, digest or path; or any image of
// those registries.
const BASH_SH_IMAGE =
  /^(?:(?:(?:docker\.io\/)?(?:library\/)?(?:centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|archlinux|photon)|(?:docker\.io\/)?(?:redhat\/ubi\d*|rockylinux\/rockylinux|opensuse\/[a-z]+|fedora\/[a-z0-9-]+)|public\.ecr\.aws\/amazonlinux\/amazonlinux|ghcr\.io\/oracle\/oraclelinux|container-registry\.oracle\.com\/os\/oraclelinux|(?:docker\.io\/)?clearlinux(?:\/[a-z0-9._-]+)?|ghcr\.io\/clearlinux\/[a-z0-9._-]+|quay\.io\/almalinuxorg\/[a-z0-9._-]+|mcr\.microsoft\.com\/(?:cbl-mariner|azurelinux)\/[a-z0-9._/-]+)(?:[:@/]|$)|(?:registry\.access\.redhat\.com|registry\.redhat\.io|quay\.io\/centos|quay\.io\/fedora|registry\.fedoraproject\.org|registry\.opensuse\.org|registry\.suse\.com)\/)/;
/**
 * Official images built on Debian unless their tag names another system (Alpine, Windows): their `/bin/sh` is dash.
 * Not those with variants on other systems that a tag may name without saying so (`openjdk` on Oracle Linux,
 * `maven:…-amazoncorretto-21`).
 */
const DEBIAN_DEFAULT_IMAGE =
  /^(?:docker\.io\/)?(?:library\/)?(?:node|python|golang|ruby|rust|php|perl|gcc|haskell|erlang|elixir|pypy|nginx|httpd|postgres|redis|memcached)(?:[:@]|$)/;
const DASH_SH_IMAGE = /^(?:docker\.io\/)?(?:library\/)?(?:debian|ubuntu|buildpack-deps)(?:[:@/]|$)/;
// The official `docker` image is built on Alpine (its Windows variants run cmd, and never get here).
// Docker Hub's `alpine/` organisation publishes tools on Alpine (`alpine/git`, `alpine/helm`, `alpine/curl`).
const BUSYBOX_SH_IMAGE = /^(?:docker\.io\/)?(?:(?:library\/)?(?:alpine|busybox|docker)(?:[:@]|$)|alpine\/)/;
/** A tag naming an Alpine variant, alone or between `-`: `alpine`, `3.12-alpine3.20`, `1.27-alpine-slim`. */
const ALPINE_TAG = /(?:^|-)alpine(?:\d+(?:\.\d+)*)?(?:$|-)/;
/**
 * A tag naming a Debian or Ubuntu release, alone or between `-` and `.`: `3.12-slim-bookworm`, `jammy-20240808`,
 * and the `ubuntu24.04`, `debian12` of images built for several systems (`nvidia/cuda:12.6.3-devel-ubuntu24.04`).
 */
const DEBIAN_TAG =
  /(?:^|[-.])(?:trixie|bookworm|bullseye|buster|stretch|noble|jammy|focal|bionic|xenial|(?:ubuntu|debian)(?:\d+(?:\.\d+)?)?)(?:$|[-.])/;
/**
 * A tag naming a system of the Red Hat family, Amazon Linux, or another RPM system whose `/bin/sh` is bash (Azure
 * Linux, once CBL-Mariner; Photon OS): `12.6.3-devel-ubi9`, `21-al2023`, `rockylinux9`, `8.0-azurelinux3.0`.
 */
const RED_HAT_TAG =
  /(?:^|-)(?:ubi\d+|(?:centos|rockylinux|almalinux|oraclelinux|fedora|amazonlinux|cbl-mariner|azurelinux|photon)(?:\d+(?:\.\d+)*)?|al2(?:023)?)(?:$|-)/;

/**
 * What the `/bin/sh` of the image a node's stage is built on (through the stages it is built FROM) is, when its
 * name tells (`binShOfImage`).
 */
export function binShOf(semantic: SemanticModel, node: Instruction): BinSh | null {
  const stage = semantic.stageOf(node.onbuild ?? node);
  if (!stage) return null;
  const root = semantic.rootOf(stage);
  return binShOfImage(imageOf(semantic, root)) ?? binShByPackages(semantic).get(root) ?? null;
}

/**
 * For each image the file builds on, the `/bin/sh` its package manager tells, where the stages built on it run one:
 * apk is Alpine's (and Wolfi's), whose `/bin/sh` is BusyBox's ash; apt-get and dpkg are Debian's and Ubuntu's (dash);
 * yum, dnf, microdnf, tdnf, zypper and pacman belong to systems whose `/bin/sh` is bash. The first one found, in
 * source order, counts. Read once per file.
 */
function binShByPackages(semantic: SemanticModel): Map<Stage, BinSh> {
  let found = packageShells.get(semantic);
  if (found !== undefined) return found;
  found = new Map();
  for (const stage of semantic.ast.stages) {
    const root = semantic.rootOf(stage);
    if (found.has(root)) continue;
    for (const instruction of stage.instructions) {
      if (instruction.type !== "Run") continue;
      const m = PACKAGE_MANAGER.exec(instruction.args[0]?.value ?? "");
      if (m === null) continue;
      found.set(
        root,
        m[1] === "apk"
          ? "busybox"
          : m[1] === "apt-get" || m[1] === "apt" || m[1] === "dpkg"
            ? "dash"
            : "bash",
      );
      break;
    }
  }
  packageShells.set(semantic, found);
  return found;
}

const packageShells = new WeakMap<SemanticModel, Map<Stage, BinSh>>();
const PACKAGE_MANAGER =
  /(?:^|[\s;&|(])(apk|apt-get|apt|dpkg|yum|dnf|microdnf|tdnf|zypper|pacman)\s+(?:-\S+\s+)*(?:add|del|install|update|upgrade|remove|-i|-S\w*|-Sy\w*|in|info|search)\b/;

/** The image a stage is built on, as written where its global ARGs cannot be filled in. */
function imageOf(semantic: SemanticModel, stage: Stage): string {
  return semantic.baseName(stage) ?? stage.from.image?.value ?? "";
}

/**
 * The shell in effect before each instruction of each stage (and for each ONBUILD trigger), per file; null for a
 * file where every instruction has `posixDefault` (no SHELL, no Windows base), most files, which need no table.
 */
interface ShellTables {
  get(semantic: SemanticModel): Map<Instruction, ActiveShell> | null | undefined;
  set(semantic: SemanticModel, table: Map<Instruction, ActiveShell> | null): unknown;
}

/**
 * Outside a lint, tables are kept by model in a WeakMap. While a file is linted they live in a map that dies with
 * the file (`useFileShellTables`, called by the run caches): V8's young-generation GC treats WeakMap entries as
 * live, so a table of every instruction kept there would carry each AST into the old generation.
 */
const weakTables: ShellTables = new WeakMap();
let fileTables: ShellTables | null = null;

/** Sets the tables of the file being linted (null: none); returns the previous ones, to be given back after. */
export function useFileShellTables(next: ShellTables | null): ShellTables | null {
  const previous = fileTables;
  fileTables = next;
  return previous;
}

/**
 * The shell that runs a shell-form RUN, CMD or ENTRYPOINT: the last SHELL before it in its stage or the stages it
 * is built on, else the default of the base image (cmd for an image whose name says Windows, `/bin/sh` otherwise).
 * An ONBUILD trigger gets the shell in effect at its ONBUILD. The one place that decides this.
 */
export function activeShell(semantic: SemanticModel, node: Instruction): ActiveShell {
  const tables = fileTables ?? weakTables;
  let table = tables.get(semantic);
  if (table === undefined) {
    table = shellTable(semantic);
    tables.set(semantic, table);
  }
  if (table === null) return posixDefault;
  return table.get(node) ?? table.get(node.onbuild as Instruction) ?? posixDefault;
}

/** The table of `activeShell` for a file, or null when every instruction has `posixDefault`. */
function shellTable(semantic: SemanticModel): Map<Instruction, ActiveShell> | null {
  const stages = semantic.ast.stages;
  const pragmas = shellPragmas(semantic.ast);
  const windows = windowsRoots(semantic, stages);
  if (pragmas.length === 0 && allPosixDefault(semantic, stages, windows)) return null;
  const table = new Map<Instruction, ActiveShell>();
  const ends = new Map<Stage, ActiveShell>();
  // The pragmas are taken in source order as the walk passes them: those before the first FROM name every stage's
  // shell, one in a stage its shell from there on (as a SHELL does).
  let next = 0;
  const passed = (offset: number, shell: ActiveShell): ActiveShell => {
    while (next < pragmas.length && pragmas[next]!.offset < offset) shell = pragmas[next++]!.shell;
    return shell;
  };
  const fileDefault = passed(stages[0]?.range.start.offset ?? Infinity, posixDefault);
  const named = next > 0;
  for (const [i, stage] of stages.entries()) {
    const parent = semantic.baseOf(stage);
    let shell = (parent && ends.get(parent)) ?? (named ? fileDefault : baseShell(semantic, stage, windows));
    for (const instruction of stage.instructions) {
      shell = passed(instruction.range.start.offset, shell);
      table.set(instruction, shell);
      if (instruction.type === "Onbuild" && instruction.trigger) table.set(instruction.trigger, shell);
      if (setsShell(instruction)) shell = shellOf(instruction.args.map((a) => a.value));
    }
    ends.set(stage, passed(stages[i + 1]?.range.start.offset ?? Infinity, shell));
  }
  return table;
}

/**
 * hadolint's `# hadolint shell=powershell` pragma (and `# hull shell=…`): the shell the base image runs shell-form
 * instructions with, for an image whose name does not tell (a Windows image built in-house). Before the first FROM
 * it names every stage's; in a stage, the stage's from there on.
 */
const SHELL_PRAGMA = /^#\s*(?:hadolint|hull)\s+shell\s*=\s*(\S+)/i;

/** The file's shell pragmas in source order: where each stands, and the shell it names. */
function shellPragmas(ast: Dockerfile): { offset: number; shell: ActiveShell }[] {
  const found: { offset: number; shell: ActiveShell }[] = [];
  for (const comment of ast.comments) {
    // Most comments are prose: only one whose text starts with `h` is matched.
    if ((comment.value.charCodeAt(0) | 0x20) !== 0x68) continue;
    const name = SHELL_PRAGMA.exec(comment.text.trimStart())?.[1];
    if (name === undefined) continue;
    const dialect = programDialect(name);
    const argv =
      dialect === "powershell" ? [name, "-Command"] : dialect === "cmd" ? [name, "/S", "/C"] : [name, "-c"];
    found.push({ offset: comment.range.start.offset, shell: shellOf(argv) });
  }
  return found;
}

/** True when every stage has `posixDefault` throughout: built on a Linux image, with no SHELL. */
function allPosixDefault(
  semantic: SemanticModel,
  stages: readonly Stage[],
  windows: ReadonlySet<Stage>,
): boolean {
  for (const stage of stages) {
    if (baseShell(semantic, stage, windows) !== posixDefault) return false;
    for (const instruction of stage.instructions) if (setsShell(instruction)) return false;
  }
  return true;
}

/** True for a SHELL instruction that sets a shell (exec form with a program). */
function setsShell(instruction: Instruction): instruction is Shell {
  return instruction.type === "Shell" && instruction.form === "exec" && instruction.args.length > 0;
}

/**
 * The default shell of a stage built on an image: cmd when the image (or `--platform`) says Windows, or when a RUN
 * of the stage or of a stage built on it is Windows' own (`windows`: `windowsRoots`).
 */
function baseShell(semantic: SemanticModel, stage: Stage, windows: ReadonlySet<Stage>): ActiveShell {
  const name = imageOf(semantic, stage);
  const platform = flagNamed(stage.from, "platform")?.value ?? "";
  if (isWindowsImage(name) || /^windows\b/i.test(platform) || windows.has(stage)) return windowsDefault;
  return isCircleciImage(name) ? circleciShell : posixDefault;
}

/**
 * True when the file says a stage builds on Windows: its chain of stages starts from a Windows image (by its name,
 * or `--platform=windows/…`), or holds something only Windows has (`windowsRoots`).
 */
export function isWindowsStage(semantic: SemanticModel, stage: Stage): boolean {
  let roots = windowsRootSets.get(semantic);
  if (roots === undefined)
    windowsRootSets.set(semantic, (roots = windowsRoots(semantic, semantic.ast.stages)));
  return baseShell(semantic, semantic.rootOf(stage), roots) === windowsDefault;
}

const windowsRootSets = new WeakMap<SemanticModel, Set<Stage>>();

/**
 * CircleCI's convenience images (`cimg/python`, `cimg/node`…; in their own templates `cimg/%%PARENT%%`), all built
 * on `cimg/base`, whose config sets `SHELL ["/bin/bash", "-exo", "pipefail", "-c"]` and `USER circleci`, and which
 * writes `APT::Get::Assume-Yes "true"` into apt's configuration.
 */
export function isCircleciImage(name: string): boolean {
  return CIRCLECI_IMAGE.test(name.toLowerCase());
}

// In a template the placeholder is read masked, as `${___}` (`maskTemplate`).
const CIRCLECI_IMAGE = /^(?:docker\.io\/)?cimg\/(?:[a-z0-9._-]+|%%[a-z_]+%%|\$\{_+\})(?:[:@]|$)/;
const circleciShell = shellOf(["/bin/bash", "-exo", "pipefail", "-c"]);

/**
 * The stages built on an image in whose chain (the stage and those built FROM it) something exists only on Windows:
 * a RUN that starts Windows PowerShell (`powershell` or `powershell.exe`, in either form, maybe by its path; Linux
 * has PowerShell as `pwsh`), a SHELL of cmd or Windows PowerShell, or a USER of Windows' own
 * (`ContainerAdministrator`, `ContainerUser`). The image is a Windows one whatever its name.
 */
function windowsRoots(semantic: SemanticModel, stages: readonly Stage[]): Set<Stage> {
  const roots = new Set<Stage>();
  for (const stage of stages)
    for (const instruction of stage.instructions)
      if (windowsOnly(instruction)) {
        roots.add(semantic.rootOf(stage));
        break;
      }
  return roots;
}

function windowsOnly(instruction: Instruction): boolean {
  switch (instruction.type) {
    case "Run":
      return WINDOWS_POWERSHELL.test(instruction.args[0]?.value ?? "");
    case "Shell":
      return setsShell(instruction) && WINDOWS_SHELL.test(instruction.args[0]!.value);
    case "User":
      return /^container(?:administrator|user)$/i.test(instruction.value?.value ?? "");
    default:
      return false;
  }
}

const WINDOWS_POWERSHELL = /^\s*(?:[a-z]:\\(?:[^\s\\]+\\)*)?powershell(?:\.exe)?(?:\s|$)/i;
/** A SHELL program only Windows has: cmd or Windows PowerShell, maybe by a Windows path. */
const WINDOWS_SHELL = /^(?:[a-z]:\\(?:[^\\]+\\)*)?(?:cmd|powershell)(?:\.exe)?$/i;

/**
 * A Windows path in one comparable form: lower case, forward slashes, the drive `C:` dropped, and the temporary
 * folder (`$env:TEMP`, `%TEMP%`, `…\AppData\Local\Temp`) as `<temp>`; relative paths are joined to `cwd`. Null when
 * the path depends on another variable.
 */
export function windowsPath(path: string, cwd: string | null): string | null {
  let p = path
    .trim()
    .replace(/^['"]|['"]$/g, "")
    .replace(/\\/g, "/")
    .toLowerCase()
    .replace(
      /^(?:\$\{?env:(?:temp|tmp)\}?|%(?:temp|tmp)%|(?:c:)?\/users\/[^/]+\/appdata\/local\/temp)(?=\/|$)/,
      "<temp>",
    )
    .replace(/^[a-z]:(?=\/|$)/, "");
  if (p === "" || /[$%]/.test(p)) return null;
  if (!p.startsWith("/") && !p.startsWith("<temp>")) {
    if (cwd === null) return null;
    p = `${cwd}/${p}`;
  }
  const clean = cleanSegments(p);
  return clean === "<temp>" || clean.startsWith("<temp>/") ? clean : `/${clean}`;
}
