import { contextCacheCases, contextCases } from "./context-cases.js";
import { edgeCases } from "./edge-cases.js";
import { stageCacheCases, stageCases } from "./stage-cases.js";

/** One conformance case: a Dockerfile built with buildah and planned with hull, compared field by field. */
export interface Case {
  readonly name: string;
  readonly dockerfile: string;
  /** Context files besides the Dockerfile. */
  readonly files?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /**
   * Fields where buildah and hull still differ after adjusting buildah's answer to BuildKit's rules, each with
   * the reason; the suite fails on any other difference, and on these once they agree.
   */
  readonly knownDiffs?: Readonly<Record<string, string>>;
}

/**
 * Base images the suite makes with `buildah config` before the cases run (all from the static busybox), so that
 * inheritance is tested against configs a real builder wrote. Their `buildah inspect` output is what hull gets
 * through `--image-config`.
 */
export const bases: Readonly<Record<string, readonly string[]>> = {
  "localhost/hull-bb": ["--env", "PATH=/bin", "--cmd", "/bin/sh"],
  "localhost/hull-ep": [
    "--entrypoint",
    '["/bin/echo", "from-base"]',
    "--cmd",
    '["base-cmd"]',
    "--env",
    "HOME=/home/app",
    "--env",
    "WHO=app",
    "--env",
    "SIG=SIGUSR1",
    "--env",
    "PORT=8080",
    "--workingdir",
    "/srv",
    "--user",
    "1000",
    "--label",
    "base.label=1",
    "--port",
    "9000/tcp",
    "--volume",
    "/data",
    "--stop-signal",
    "SIGINT",
    "--healthcheck",
    "CMD /bin/true",
    "--healthcheck-interval",
    "30s",
  ],
  "localhost/hull-sh": ["--shell", "/bin/sh -xc"],
  "localhost/hull-ob": ["--onbuild", "RUN echo onbuild > /ob", "--onbuild", "ENV FROM_ONBUILD=1"],
};

const bb = "localhost/hull-bb";

export const cases: readonly Case[] = [
  { name: "scratch with CMD", dockerfile: 'FROM scratch\nCMD ["/app"]\n' },
  { name: "busybox RUN", dockerfile: `FROM ${bb}\nRUN echo hi > /x\n` },
  { name: "ENV and expansion", dockerfile: `FROM ${bb}\nENV A=1 B=two\nENV C=$A-\${B}\nRUN echo $C > /c\n` },
  { name: "ENV replaces in place", dockerfile: `FROM ${bb}\nENV A=1\nENV B=2\nENV A=3\n` },
  { name: "LABEL", dockerfile: `FROM ${bb}\nENV V=1.0\nLABEL version=$V "quoted key"=x\n` },
  {
    name: "WORKDIR absolute and relative",
    dockerfile: `FROM ${bb}\nWORKDIR /a\nWORKDIR b\nRUN pwd > /pwd\n`,
  },
  { name: "WORKDIR with ENV", dockerfile: `FROM ${bb}\nENV D=/data\nWORKDIR $D/sub\n` },
  { name: "USER", dockerfile: `FROM ${bb}\nUSER 1000:1000\n` },
  { name: "EXPOSE ports and protocols", dockerfile: `FROM ${bb}\nEXPOSE 80 443/tcp 53/udp\n` },
  { name: "EXPOSE range", dockerfile: `FROM ${bb}\nEXPOSE 7000-7010\n` },
  { name: "VOLUME forms", dockerfile: `FROM ${bb}\nVOLUME /a /b\nVOLUME ["/c"]\n` },
  { name: "STOPSIGNAL", dockerfile: `FROM ${bb}\nSTOPSIGNAL SIGTERM\n` },
  {
    name: "HEALTHCHECK",
    dockerfile: `FROM ${bb}\nHEALTHCHECK --interval=5s --timeout=3s --retries=2 CMD ["/bin/true"]\n`,
  },
  { name: "HEALTHCHECK shell form", dockerfile: `FROM ${bb}\nHEALTHCHECK CMD /bin/true || exit 1\n` },
  { name: "HEALTHCHECK NONE", dockerfile: `FROM ${bb}\nHEALTHCHECK NONE\n` },
  { name: "CMD shell form", dockerfile: `FROM ${bb}\nCMD echo hello\n` },
  { name: "ENTRYPOINT exec with CMD", dockerfile: `FROM ${bb}\nENTRYPOINT ["/bin/echo"]\nCMD ["a", "b"]\n` },
  { name: "ENTRYPOINT shell form", dockerfile: `FROM ${bb}\nENTRYPOINT exec /bin/echo x\n` },
  {
    name: "SHELL then RUN and CMD",
    dockerfile: `FROM ${bb}\nSHELL ["/bin/sh", "-xc"]\nRUN echo hi > /x\nCMD echo hi\n`,
  },
  { name: "ARG with default in RUN", dockerfile: `FROM ${bb}\nARG V=1\nRUN echo $V > /v\n` },
  {
    name: "ARG from build args",
    dockerfile: `FROM ${bb}\nARG V=default\nENV E=$V\n`,
    buildArgs: { V: "given" },
  },
  { name: "global ARG in FROM", dockerfile: `ARG BASE=${bb}\nFROM $BASE\nRUN true\n` },
  {
    name: "COPY files",
    dockerfile: `FROM ${bb}\nCOPY a.txt /a.txt\nCOPY dir/ /dir/\n`,
    files: { "a.txt": "a\n", "dir/b.txt": "b\n" },
  },
  { name: "ADD a local file", dockerfile: `FROM ${bb}\nADD a.txt /srv/\n`, files: { "a.txt": "a\n" } },
  {
    name: "COPY --chown and --chmod",
    dockerfile: `FROM ${bb}\nCOPY --chown=1:1 --chmod=600 a.txt /a\n`,
    files: { "a.txt": "a\n" },
  },
  {
    name: "multi-stage COPY --from by name",
    dockerfile: `FROM ${bb} AS build\nRUN echo built > /out\nFROM scratch\nCOPY --from=build /out /out\nCMD ["/out"]\n`,
  },
  {
    name: "multi-stage COPY --from by index",
    dockerfile: `FROM ${bb}\nRUN echo built > /out\nFROM ${bb}\nCOPY --from=0 /out /out\n`,
  },
  {
    name: "FROM an earlier stage keeps its config",
    dockerfile: `FROM ${bb} AS base\nENV A=1\nWORKDIR /w\nFROM base\nRUN true\n`,
  },
  {
    name: "unused stage is not built",
    dockerfile: `FROM ${bb} AS unused\nRUN echo x > /x\nFROM ${bb} AS used\nRUN echo y > /y\nFROM ${bb}\nCOPY --from=used /y /y\n`,
  },
  {
    name: "--target picks a middle stage",
    dockerfile: `FROM ${bb} AS a\nENV S=a\nFROM ${bb} AS b\nENV S=b\nFROM ${bb} AS c\nENV S=c\n`,
    target: "b",
  },
  {
    name: "--target with dependencies",
    dockerfile: `FROM ${bb} AS dep\nRUN echo d > /d\nFROM ${bb} AS t\nCOPY --from=dep /d /d\nFROM ${bb}\nRUN true\n`,
    target: "t",
  },
  {
    name: "escape directive",
    dockerfile: "# escape=`\nFROM " + bb + "\nENV A=1 `\n    B=2\nRUN echo `\n  hi > /x\n",
  },
  { name: "ONBUILD is stored, not run", dockerfile: `FROM ${bb}\nONBUILD RUN echo later\n` },
  {
    name: "ONBUILD of an earlier stage runs in the child",
    dockerfile: `FROM ${bb} AS p\nONBUILD ENV TRIGGERED=1\nFROM p\nRUN true\n`,
  },
  { name: "inherits Entrypoint, Cmd, Env and more", dockerfile: "FROM localhost/hull-ep\n" },
  {
    name: "ENTRYPOINT resets an inherited CMD",
    dockerfile: 'FROM localhost/hull-ep\nENTRYPOINT ["/bin/true"]\n',
  },
  { name: "CMD keeps an inherited ENTRYPOINT", dockerfile: 'FROM localhost/hull-ep\nCMD ["mine"]\n' },
  {
    name: "variables from the base ENV",
    dockerfile:
      "FROM localhost/hull-ep\nWORKDIR $HOME/src\nUSER $WHO\nSTOPSIGNAL $SIG\nEXPOSE $PORT\nLABEL who=$WHO\n",
  },
  { name: "relative WORKDIR under the base's", dockerfile: "FROM localhost/hull-ep\nWORKDIR sub\n" },
  {
    name: "adds to inherited ports, volumes, labels",
    dockerfile: "FROM localhost/hull-ep\nEXPOSE 81\nVOLUME /more\nLABEL mine=1\n",
  },
  { name: "overrides the inherited health check", dockerfile: "FROM localhost/hull-ep\nHEALTHCHECK NONE\n" },
  { name: "inherited SHELL wraps RUN", dockerfile: "FROM localhost/hull-sh\nRUN echo hi > /x\n" },
  { name: "inherited SHELL wraps CMD", dockerfile: "FROM localhost/hull-sh\nCMD echo hi\n" },
  { name: "base ONBUILD triggers run first", dockerfile: "FROM localhost/hull-ob\nRUN cat /ob\n" },
  {
    name: "stage from a base with ONBUILD, then a child stage",
    dockerfile: "FROM localhost/hull-ob AS one\nFROM one\nRUN true\n",
  },
  { name: "MAINTAINER", dockerfile: `FROM ${bb}\nMAINTAINER someone@example.com\n` },
  {
    name: "ENV quotes, escapes and references",
    dockerfile: `FROM ${bb}\nENV A="a b" B='c$d' C=e\\ f D=$A-x E="\${B}"\n`,
  },
  { name: "ENV in the old form", dockerfile: `FROM ${bb}\nENV K value with  spaces\n` },
  { name: "a stage ARG overrides a global default", dockerfile: `ARG V=g\nFROM ${bb}\nARG V=s\nENV X=$V\n` },
  { name: "a redeclared global ARG keeps its default", dockerfile: `ARG V=g\nFROM ${bb}\nARG V\nENV X=$V\n` },
  {
    name: "a global ARG not redeclared is unset in the stage",
    dockerfile: `ARG V=g\nFROM ${bb}\nENV X=a\${V}b\n`,
  },
  {
    name: "a build arg overrides both defaults",
    dockerfile: `ARG V=g\nFROM ${bb}\nARG V=s\nENV X=$V\n`,
    buildArgs: { V: "cli" },
  },
  {
    name: "an ARG after an ENV of the same name",
    dockerfile: `FROM ${bb}\nENV X=env\nARG X=arg\nENV Y=$X\n`,
    knownDiffs: {
      Env: "BuildKit's ARG puts its value into the build environment over the ENV's (dockerfile2llb dispatchArg: d.state.AddEnv), so Y=arg; buildah, as the classic builder, keeps the ENV's value for expansion",
    },
  },
  { name: "ENV carries into a child stage", dockerfile: `FROM ${bb} AS a\nENV P=1\nFROM a\nENV Q=$P-2\n` },
  { name: "PATH extended from the base's", dockerfile: `FROM ${bb}\nENV PATH=$PATH:/opt/bin\n` },
  { name: "WORKDIR relative steps", dockerfile: `FROM ${bb}\nWORKDIR /a\nWORKDIR b\nWORKDIR ../c\n` },
  { name: "USER from an ARG", dockerfile: `FROM ${bb}\nARG U=1000\nUSER $U:$U\n` },
  { name: "EXPOSE from an ENV", dockerfile: `FROM ${bb}\nENV P=8080\nEXPOSE $P/udp \${P}\n` },
  { name: "lower-case instructions", dockerfile: `from ${bb}\nenv a=1\ncmd ["x"]\n` },
  { name: "exec-form CMD is not expanded", dockerfile: `FROM ${bb}\nENV X=1\nCMD ["echo", "$X"]\n` },
  {
    name: "LABEL over continuation lines",
    dockerfile: `FROM ${bb}\nLABEL a=1 \\\n      "b c"="d e" \\\n      f='$g'\n`,
  },
  {
    name: "a shell-form HEALTHCHECK ignores SHELL",
    dockerfile: `FROM ${bb}\nSHELL ["/bin/sh", "-xc"]\nHEALTHCHECK CMD /bin/true\n`,
  },
  { name: "STOPSIGNAL from an ARG", dockerfile: `FROM ${bb}\nARG SIG=SIGQUIT\nSTOPSIGNAL $SIG\n` },
  { name: "one ENV reads the values from before it", dockerfile: `FROM ${bb}\nENV A=1\nENV A=2 B=$A\n` },
  {
    name: "one ARG reads its own earlier names",
    dockerfile: `FROM ${bb}\nARG A=1 B=$A\nENV C=$B\n`,
    knownDiffs: {
      Env: "BuildKit sets each name of an ARG before it expands the next one's default (dockerfile2llb dispatchArg), so B=1 and C=1; buildah expands them all before the ARG, so C is empty",
    },
  },
  { name: "an escaped dollar stays", dockerfile: `FROM ${bb}\nENV A=\\$HOME B='$HOME'\n` },
  { name: "a LABEL set twice", dockerfile: `FROM ${bb}\nLABEL a=1 b=1\nLABEL a=2\n` },
  {
    name: "EXPOSE with an upper-case protocol",
    dockerfile: `FROM ${bb}\nEXPOSE 80/TCP 53/UDP\n`,
    knownDiffs: {
      ExposedPorts:
        "BuildKit writes the protocol in lower case (convert_expose.go parsePort) and its ExposeProtoCasing check warns; buildah keeps it as written",
    },
  },
  { name: "VOLUME named twice", dockerfile: `FROM ${bb}\nVOLUME /a /a\nVOLUME ["/a", "/b"]\n` },
  { name: "empty exec-form CMD", dockerfile: `FROM ${bb}\nCMD []\n` },
  {
    name: "HEALTHCHECK durations",
    dockerfile: `FROM ${bb}\nHEALTHCHECK --interval=1m30s --timeout=1500ms --start-period=2s --retries=5 CMD ["/bin/true"]\n`,
  },
  ...edgeCases,
  ...stageCases,
  ...contextCases,
];

/** A cache case: build, change one context file or one build arg, rebuild, and compare the steps that hit the cache. */
export interface CacheCase {
  readonly name: string;
  readonly dockerfile: string;
  readonly files: Readonly<Record<string, string>>;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** The stage to build (`--target`); the last stage when absent. */
  readonly target?: string;
  /** The RUN/COPY/ADD steps (node ids) that rebuild, which both buildah and hull must say. */
  readonly rebuilt: readonly string[];
  /**
   * Steps hull lists as rebuilt with `maybeCached`: a `COPY --from` whose source stage reran a RUN that may or may
   * not change the copied files. The builder rebuilds them or not, as the files come out.
   */
  readonly maybeCached?: readonly string[];
  /** The change between the two builds. */
  readonly change: {
    readonly files?: Readonly<Record<string, string>>;
    readonly buildArgs?: Readonly<Record<string, string>>;
  };
  /**
   * Where buildah's answer is known to differ from BuildKit's (hull's reference): the steps hull, like BuildKit,
   * rebuilds instead of `rebuilt` (which is then buildah's answer), with the reason. The suite fails once they agree.
   */
  readonly knownDiff?: { readonly rebuiltByHull: readonly string[]; readonly reason: string };
}

export const cacheCases: readonly CacheCase[] = [
  {
    name: "a copied file changes: its COPY and what follows rebuild",
    dockerfile: `FROM ${bb}\nRUN echo first > /f\nCOPY a.txt /a\nRUN cat /a > /b\n`,
    files: { "a.txt": "one\n" },
    change: { files: { "a.txt": "two\n" } },
    rebuilt: ["s0.2", "s0.3"],
  },
  {
    name: "a file no COPY reads changes: everything is cached",
    dockerfile: `FROM ${bb}\nCOPY a.txt /a\nRUN cat /a > /b\n`,
    files: { "a.txt": "one\n", "other.txt": "x\n" },
    change: { files: { "other.txt": "y\n" } },
    rebuilt: [],
  },
  {
    name: "a build arg changes: RUNs after its ARG rebuild",
    dockerfile: `FROM ${bb}\nRUN echo early > /e\nARG V=1\nRUN echo $V > /v\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: ["s0.3"],
  },
  {
    name: "a file copied in an earlier stage changes: both stages' copies rebuild",
    dockerfile: `FROM ${bb} AS build\nCOPY a.txt /a\nRUN cat /a > /out\nFROM ${bb}\nRUN echo base > /base\nCOPY --from=build /out /out\n`,
    files: { "a.txt": "one\n" },
    change: { files: { "a.txt": "two\n" } },
    rebuilt: ["s0.1", "s0.2", "s1.2"],
    maybeCached: ["s1.2"],
  },
  {
    name: "a file the source stage copies elsewhere changes: the COPY --from stays cached",
    dockerfile: `FROM ${bb} AS build\nCOPY a.txt /a\nCOPY b.txt /b\nFROM ${bb}\nCOPY --from=build /a /a\n`,
    // Contents of its own: the cases share buildah's layer cache, and a COPY of the same bytes would hit it.
    files: { "a.txt": "case 5 a\n", "b.txt": "case 5 b\n" },
    change: { files: { "b.txt": "case 5 b changed\n" } },
    rebuilt: ["s0.2"],
  },
  {
    name: "the source stage reruns a RUN whose output is the same: the COPY --from stays cached",
    dockerfile: `FROM ${bb} AS build\nCOPY a.txt /a\nRUN echo same > /out\nFROM ${bb}\nCOPY --from=build /out /out\n`,
    files: { "a.txt": "case 6\n" },
    change: { files: { "a.txt": "case 6 changed\n" } },
    rebuilt: ["s0.1", "s0.2"],
    maybeCached: ["s1.1"],
  },
  {
    name: "a build arg that no stage declares changes: everything is cached",
    dockerfile: `FROM ${bb}\nRUN echo case 7 > /a\n`,
    files: {},
    buildArgs: { U: "1" },
    change: { buildArgs: { U: "2" } },
    rebuilt: [],
  },
  {
    name: "a build arg a RUN does not read changes: the RUN after its ARG rebuilds all the same",
    dockerfile: `FROM ${bb}\nARG V=1\nRUN echo case 8 > /h\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: ["s0.2"],
  },
  {
    name: "a build arg of a later stage changes: that stage's steps after its ARG rebuild",
    dockerfile: `FROM ${bb} AS a\nRUN echo case 9 > /a\nFROM ${bb}\nRUN echo case 9 b > /b\nARG V=1\nRUN echo $V > /v\nCOPY --from=a /a /a\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: ["s1.3", "s1.4"],
  },
  ...stageCacheCases,
  ...contextCacheCases,
];
