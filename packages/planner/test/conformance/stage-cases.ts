import type { CacheCase, Case } from "./cases.js";

/**
 * Further conformance cases: config inheritance through chains of stages, ONBUILD triggers, which steps make
 * layers, and what a change rebuilds when the change is out of the target's reach.
 */
const bb = "localhost/hull-bb";
const ep = "localhost/hull-ep";
const sh = "localhost/hull-sh";
const ob = "localhost/hull-ob";

/** A ustar archive of text files, as a string of bytes below 0x80 (written as UTF-8, it stays the same bytes). */
export function tar(files: Readonly<Record<string, string>>): string {
  const field = (s: string, n: number) => s.padEnd(n, "\0").slice(0, n);
  const octal = (v: number, n: number) => v.toString(8).padStart(n - 1, "0") + "\0";
  let out = "";
  for (const [name, text] of Object.entries(files)) {
    let header =
      field(name, 100) +
      octal(0o644, 8) +
      octal(0, 8) +
      octal(0, 8) +
      octal(text.length, 12) +
      octal(1_700_000_000, 12) +
      " ".repeat(8) +
      "0" +
      field("", 100) +
      "ustar\0" +
      "00" +
      field("root", 32) +
      field("root", 32) +
      octal(0, 8) +
      octal(0, 8) +
      field("", 155);
    header = header.padEnd(512, "\0");
    let sum = 0;
    for (const ch of header) sum += ch.charCodeAt(0);
    header = header.slice(0, 148) + sum.toString(8).padStart(6, "0") + "\0 " + header.slice(156);
    out += header + text.padEnd(Math.ceil(text.length / 512) * 512, "\0");
  }
  return out + "\0".repeat(1024);
}

export const stageCases: readonly Case[] = [
  // ---- 1. Inheritance of every config key through chains of FROM <stage>
  {
    name: "inherit: Env through three stages, each overriding",
    dockerfile: `FROM ${bb} AS a\nENV A=a B=a\nFROM a AS b\nENV B=b C=b\nFROM b\nENV C=c D=$A$B$C\n`,
  },
  {
    name: "inherit: the base image's Env overridden two stages down",
    dockerfile: `FROM ${ep} AS a\nENV WHO=a\nFROM a\nENV HOME=/h X=$WHO\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit's addEnv (dockerfile2llb/convert.go) replaces an inherited entry in place, so HOME and WHO keep the base image's order; buildah 1.28 moves a name the base image set to the end when the Dockerfile sets it again, in a child stage as in the first",
    },
  },
  {
    name: "inherit: CMD [] in a middle stage clears the parent's CMD",
    dockerfile: `FROM ${bb} AS a\nCMD ["a"]\nFROM a AS b\nCMD []\nFROM b\nENV X=1\n`,
  },
  {
    name: "inherit: ENTRYPOINT [] in a middle stage clears the base's Entrypoint and Cmd",
    dockerfile: `FROM ${ep} AS a\nENTRYPOINT []\nFROM a\nENV X=1\n`,
  },
  {
    name: "inherit: CMD [] keeps an ENTRYPOINT set two stages up",
    dockerfile: `FROM ${bb} AS a\nENTRYPOINT ["/bin/echo"]\nCMD ["x"]\nFROM a AS b\nCMD []\nFROM b\n`,
  },
  {
    name: "inherit: ENTRYPOINT in a grandchild clears the CMD of the grandparent",
    dockerfile: `FROM ${bb} AS a\nCMD ["a"]\nFROM a AS b\nENV X=1\nFROM b\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "inherit: CMD then ENTRYPOINT in a child keeps the child's CMD",
    dockerfile: `FROM ${ep} AS a\nFROM a\nCMD ["mine"]\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "inherit: shell-form ENTRYPOINT under a SHELL set in the parent stage",
    dockerfile: `FROM ${ep} AS a\nSHELL ["/bin/sh", "-ec"]\nFROM a\nENTRYPOINT echo ep\n`,
  },
  {
    name: "inherit: relative WORKDIRs through a chain from the base's",
    dockerfile: `FROM ${ep} AS a\nWORKDIR app\nFROM a AS b\nWORKDIR ../lib\nFROM b\nRUN pwd\n`,
  },
  {
    name: "inherit: USER through stages, the last from inherited ENVs",
    dockerfile: `FROM ${ep} AS a\nUSER 0\nFROM a AS b\nENV U=2000\nFROM b\nUSER $WHO:$U\n`,
  },
  {
    name: "inherit: ports added in each stage of a chain",
    dockerfile: `FROM ${ep} AS a\nEXPOSE 81\nFROM a AS b\nEXPOSE 82/udp 9000\nFROM b\nEXPOSE 83-84\n`,
  },
  {
    name: "inherit: volumes added in each stage of a chain",
    dockerfile: `FROM ${ep} AS a\nVOLUME /a\nFROM a AS b\nVOLUME ["/data", "/b"]\nFROM b\n`,
  },
  {
    name: "inherit: LABEL overrides the base's and a parent stage's",
    dockerfile: `FROM ${ep} AS a\nLABEL base.label=a a=1\nFROM a AS b\nLABEL a=2 b=1\nFROM b\nLABEL base.label=c\n`,
  },
  {
    name: "inherit: EXPOSE of the base's port number with the other protocol",
    dockerfile: `FROM ${ep}\nEXPOSE 9000/udp\n`,
    knownDiffs: {
      ExposedPorts:
        "buildah-vs-BuildKit: BuildKit adds every parsed port to ExposedPorts (dockerfile2llb/convert_expose.go dispatchExpose), so 9000/tcp and 9000/udp; buildah 1.28's imagebuilder expose() skips a port whose number is already exposed whatever its protocol, so the base's 9000/tcp stays alone (fixed in openshift/imagebuilder 474ac6f, 'expose(): correct detection of duplicate EXPOSEd ports', 2025)",
    },
  },
  {
    name: "inherit: STOPSIGNAL overridden in a middle stage",
    dockerfile: `FROM ${ep} AS a\nSTOPSIGNAL SIGTERM\nFROM a AS b\nFROM b\nENV X=1\n`,
  },
  {
    name: "inherit: HEALTHCHECK NONE in a middle stage carries down",
    dockerfile: `FROM ${ep} AS a\nHEALTHCHECK NONE\nFROM a AS b\nFROM b\n`,
  },
  {
    name: "inherit: HEALTHCHECK set again after NONE",
    dockerfile: `FROM ${ep} AS a\nHEALTHCHECK NONE\nFROM a\nHEALTHCHECK --retries=4 CMD /bin/true\n`,
  },
  {
    name: "inherit: the base image's SHELL through stages to RUN and CMD",
    dockerfile: `FROM ${sh} AS a\nFROM a AS b\nRUN echo hi > /x\nFROM b\nCMD echo hi\n`,
  },
  {
    name: "inherit: SHELL reset in a middle stage",
    dockerfile: `FROM ${sh} AS a\nSHELL ["/bin/sh", "-c"]\nFROM a\nCMD echo hi\n`,
  },
  {
    name: "inherit: every key set in one stage, read two FROM hops down",
    dockerfile:
      `FROM ${bb} AS a\nENV E=1\nCMD ["c"]\nENTRYPOINT ["/bin/echo"]\nWORKDIR /w\nUSER 7\nEXPOSE 1/udp\nVOLUME /v\n` +
      `LABEL l=1\nSTOPSIGNAL SIGHUP\nHEALTHCHECK --interval=9s CMD ["/bin/true"]\nSHELL ["/bin/sh", "-ec"]\n` +
      `ONBUILD ENV O=1\nFROM a AS b\nFROM b\n`,
  },
  {
    name: "inherit: every key set in one stage, --target its child",
    dockerfile:
      `FROM ${bb} AS a\nENV E=1\nCMD ["c"]\nENTRYPOINT ["/bin/echo"]\nWORKDIR /w\nUSER 7\nEXPOSE 1/udp\nVOLUME /v\n` +
      `LABEL l=1\nSTOPSIGNAL SIGHUP\nHEALTHCHECK --interval=9s CMD ["/bin/true"]\nSHELL ["/bin/sh", "-ec"]\n` +
      `ONBUILD ENV O=1\nFROM a AS b\nFROM b\nENV LAST=1\n`,
    target: "b",
  },
  {
    name: "inherit: --target a middle stage of a chain",
    dockerfile: `FROM ${ep} AS a\nENV A=1\nCMD ["a"]\nFROM a AS b\nENTRYPOINT ["/bin/true"]\nLABEL b=1\nFROM b AS c\nCMD ["c"]\nLABEL c=1\n`,
    target: "b",
  },
  {
    name: "inherit: --target a stage that copies by index, later stages unused",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nFROM ${bb} AS b\nCOPY --from=0 /a /a\nENV B=1\nFROM ${bb} AS c\nCOPY --from=1 /a /c\n`,
    target: "b",
  },
  {
    name: "inherit: COPY --from by index of a stage built FROM another",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nFROM a\nRUN echo b > /b\nFROM scratch\nCOPY --from=1 /a /b /\n`,
  },
  {
    name: "inherit: COPY --from by index among stages never used",
    dockerfile: `FROM ${ep} AS unused\nENTRYPOINT ["/bin/false"]\nFROM ${bb} AS used\nRUN echo used > /u\nFROM ${bb} AS unused2\nRUN echo x > /x\nFROM used\nCOPY --from=1 /u /copied\n`,
  },
  {
    name: "inherit: a stage only an unused stage builds FROM is not built",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nFROM a AS b\nRUN echo b > /b\nFROM ${bb}\nRUN echo c > /c\n`,
  },

  // ---- 2. ONBUILD
  {
    name: "onbuild: several triggers run in order in the child",
    dockerfile: `FROM ${bb} AS p\nONBUILD ENV A=1\nONBUILD ENV B=$A-2\nONBUILD LABEL l=$B\nFROM p\n`,
  },
  {
    name: "onbuild: triggers set WORKDIR, USER and CMD",
    dockerfile: `FROM ${bb} AS p\nONBUILD WORKDIR /ob\nONBUILD USER 1000\nONBUILD CMD ["ob"]\nFROM p\n`,
  },
  {
    name: "onbuild: a trigger's CMD is the child's own for a later ENTRYPOINT",
    dockerfile: `FROM ${bb} AS p\nONBUILD CMD ["ob"]\nFROM p\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "onbuild: OnBuild keeps each trigger as written",
    dockerfile: `FROM ${bb}\nONBUILD env A=1\nONBUILD  RUN   echo  x\nONBUILD RUN echo a \\\n  b\n`,
  },
  {
    name: "onbuild: OnBuild keeps a trigger's trailing blanks",
    dockerfile: `FROM ${bb}\nONBUILD LABEL x=1  \n`,
  },
  {
    name: "onbuild: triggers set EXPOSE, VOLUME, STOPSIGNAL and HEALTHCHECK",
    dockerfile: `FROM ${bb} AS p\nONBUILD EXPOSE 70\nONBUILD VOLUME /obv\nONBUILD STOPSIGNAL SIGHUP\nONBUILD HEALTHCHECK CMD ["/bin/true"]\nFROM p\n`,
  },
  {
    name: "onbuild: a trigger SHELL wraps the child's RUN and CMD",
    dockerfile: `FROM ${bb} AS p\nONBUILD SHELL ["/bin/sh", "-xc"]\nFROM p\nRUN echo hi > /x\nCMD echo hi\n`,
  },
  {
    name: "onbuild: trigger RUN and COPY make layers in the child",
    dockerfile: `FROM ${bb} AS p\nONBUILD RUN echo trig > /t\nONBUILD COPY a.txt /a\nFROM p\nRUN cat /t /a\n`,
    files: { "a.txt": "a\n" },
  },
  {
    name: "onbuild: a trigger ARG is in scope in the child",
    dockerfile: `FROM ${bb} AS p\nONBUILD ARG V=ob\nFROM p\nENV X=$V\n`,
  },
  {
    name: "onbuild: a trigger ARG takes the build arg",
    dockerfile: `FROM ${bb} AS p\nONBUILD ARG V=ob\nFROM p\nENV X=$V\n`,
    buildArgs: { V: "cli" },
  },
  {
    name: "onbuild: each stage defines triggers for the next, three levels",
    dockerfile: `FROM ${bb} AS a\nONBUILD ENV A=1\nFROM a AS b\nONBUILD ENV B=$A\nFROM b AS c\nONBUILD ENV C=$B\nFROM c\n`,
  },
  {
    name: "onbuild: an image's triggers in a middle stage, the stage's own in its child",
    dockerfile: `FROM ${ob} AS a\nONBUILD RUN cat /ob > /ob2\nFROM a\nRUN cat /ob2\n`,
  },
  {
    name: "onbuild: triggers do not run in a stage that only copies from the parent",
    dockerfile: `FROM ${bb} AS p\nONBUILD ENV T=1\nRUN echo p > /p\nFROM ${bb}\nCOPY --from=p /p /p\nENV X=[$T]\n`,
  },
  {
    name: "onbuild: --target a child of a stage with triggers",
    dockerfile: `FROM ${bb} AS p\nONBUILD ENV T=1\nFROM p AS c\nENV C=$T\nFROM ${bb}\nENV Z=1\n`,
    target: "c",
  },
  {
    name: "onbuild: the target keeps its own triggers after running its parent's",
    dockerfile: `FROM ${bb} AS a\nONBUILD ENV A=1\nFROM a AS b\nONBUILD LABEL b=1\nFROM b\n`,
    target: "b",
  },
  {
    name: "onbuild: a trigger RUN in a stage another copies from",
    dockerfile: `FROM ${bb} AS p\nONBUILD RUN echo t > /t\nFROM p AS c\nFROM ${bb}\nCOPY --from=c /t /t\n`,
  },

  // ---- 3. History: which steps make layers
  {
    name: "history: every config instruction is an empty layer",
    dockerfile: `FROM ${bb}\nENV A=1\nARG B=2\nLABEL l=1\nUSER 0\nEXPOSE 80\nVOLUME /v\nSTOPSIGNAL SIGTERM\nHEALTHCHECK NONE\nSHELL ["/bin/sh", "-c"]\nCMD ["c"]\nENTRYPOINT ["/bin/echo"]\nMAINTAINER m\n`,
  },
  {
    name: "history: a RUN that changes nothing still makes a layer",
    dockerfile: `FROM ${bb}\nRUN true\nENV A=1\nRUN echo > /dev/null\n`,
  },
  {
    name: "history: COPY from another stage is a layer",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nFROM ${bb}\nENV X=1\nCOPY --from=a /a /a\n`,
  },
  {
    name: "history: COPY of a directory is one layer",
    dockerfile: `FROM ${bb}\nCOPY dir /dir\nCOPY dir/sub/ /sub/\n`,
    files: { "dir/a": "a\n", "dir/sub/b": "b\n", "dir/sub/deeper/c": "c\n" },
  },
  {
    name: "history: ADD of a local tar extracts it in one layer",
    dockerfile: `FROM ${bb}\nADD files.tar /x/\nRUN cat /x/one /x/two\n`,
    files: { "files.tar": tar({ one: "one\n", two: "two\n" }) },
  },
  {
    name: "history: COPY of the same file twice makes two layers",
    dockerfile: `FROM ${bb}\nCOPY a.txt /a\nCOPY a.txt /a\n`,
    files: { "a.txt": "a\n" },
  },
  {
    name: "history: WORKDIR makes a layer unless it is /",
    dockerfile: `FROM ${bb}\nWORKDIR /w\nWORKDIR /w\nWORKDIR .\nWORKDIR /\n`,
  },
  {
    name: "history: a child stage's history extends its parent's",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nENV A=1\nFROM a\nCOPY --from=a /a /b\nRUN true\n`,
  },
  // BuildKit's scratch config has WorkingDir "/" (dockerfile2llb/image.go emptyImage, moby/buildkit#188), as hull's
  // has; buildah's has none (compare.ts adjusts for it).
  {
    name: "history: a scratch stage with only config",
    dockerfile: `FROM scratch\nENV A=1\nLABEL l=1\nCMD ["/x"]\n`,
  },
  {
    name: "history: --target an empty scratch stage",
    dockerfile: `FROM scratch AS a\nFROM ${bb}\nRUN true\n`,
    target: "a",
    knownDiffs: {
      history:
        "buildah-vs-BuildKit: BuildKit's scratch stage is llb.Scratch() with emptyImage()'s config (dockerfile2llb/image.go), no layer and no history, so the image has none; buildah 1.28 commits a stage with no instructions as one empty layer (diff sha256:5f70bf18…, the empty tar) with a history entry",
    },
  },
  {
    name: "history: a scratch stage filled from another stage",
    dockerfile: `FROM ${bb} AS a\nRUN echo a > /a\nFROM scratch\nCOPY --from=a /a /a\nCOPY --from=a /bin/busybox /bin/\n`,
  },
];

export const stageCacheCases: readonly CacheCase[] = [
  {
    name: "rebuild: a file only a later COPY reads changes: that COPY and what follows rebuild",
    dockerfile: `FROM ${bb}\nCOPY a.txt /a\nRUN cat /a > /a2\nCOPY b.txt /b\nRUN cat /b > /b2\n`,
    files: { "a.txt": "k1 a\n", "b.txt": "k1 b\n" },
    change: { files: { "b.txt": "k1 b changed\n" } },
    rebuilt: ["s0.3", "s0.4"],
  },
  {
    name: "rebuild: a file .dockerignore excludes changes: nothing rebuilds",
    dockerfile: `FROM ${bb}\nCOPY . /ctx\nRUN ls /ctx > /l\n`,
    files: { ".dockerignore": "secret.txt\n", "a.txt": "k2 a\n", "secret.txt": "k2 s\n" },
    change: { files: { "secret.txt": "k2 s changed\n" } },
    rebuilt: [],
  },
  {
    name: "rebuild: a file .dockerignore re-includes with ! changes: the COPY rebuilds",
    dockerfile: `FROM ${bb}\nCOPY . /ctx\nRUN ls /ctx > /l\n`,
    files: { ".dockerignore": "*.log\n!keep.log\n", "a.log": "k3 a\n", "keep.log": "k3 k\n" },
    change: { files: { "keep.log": "k3 k changed\n" } },
    rebuilt: ["s0.1", "s0.2"],
  },
  {
    name: "rebuild: a file in a folder no COPY reads changes: nothing rebuilds",
    dockerfile: `FROM ${bb}\nCOPY src/ /src/\nRUN ls /src > /l\n`,
    files: { "src/a": "k4 a\n", "docs/x": "k4 x\n" },
    change: { files: { "docs/x": "k4 x changed\n" } },
    rebuilt: [],
  },
  {
    name: "rebuild: a file deep in a copied folder changes: the COPY rebuilds",
    dockerfile: `FROM ${bb}\nRUN echo k5 > /k\nCOPY src/ /src/\nRUN ls /src > /l\n`,
    files: { "src/a": "k5 a\n", "src/sub/deep/b": "k5 b\n" },
    change: { files: { "src/sub/deep/b": "k5 b changed\n" } },
    rebuilt: ["s0.2", "s0.3"],
  },
  {
    name: "rebuild: a build arg only a child stage declares changes: the parent stays cached",
    dockerfile: `FROM ${bb} AS a\nRUN echo k6 > /a\nFROM a\nARG V=1\nRUN echo $V > /v\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: ["s1.2"],
  },
  {
    name: "rebuild: a build arg of a stage the target does not use changes: nothing rebuilds",
    dockerfile: `FROM ${bb} AS a\nRUN echo k7 > /a\nFROM ${bb} AS b\nARG V=1\nRUN echo $V > /v\n`,
    files: {},
    target: "a",
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: [],
  },
  {
    name: "rebuild: an ARG declared after the RUN changes: nothing rebuilds",
    dockerfile: `FROM ${bb}\nRUN echo k8 > /a\nARG V=1\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: [],
  },
  {
    name: "rebuild: a global ARG not redeclared in the stage changes: nothing rebuilds",
    dockerfile: `ARG V=1\nFROM ${bb}\nRUN echo k9 $V > /a\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: [],
  },
  {
    name: "rebuild: an ARG declared only in the parent stage changes: the child's RUN after it",
    dockerfile: `FROM ${bb} AS a\nARG V=1\nFROM a\nRUN echo k10 > /x\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: [],
    knownDiff: {
      rebuiltByHull: ["s1.1"],
      reason:
        "buildah-vs-BuildKit: a stage FROM another starts from its parent's LLB state, whose env holds the ARG's value, and appends the parent's buildArgs (dockerfile2llb/convert.go dispatchState.init: ds.state = ds.base.state; ds.buildArgs = append(ds.buildArgs, ds.base.buildArgs...)), so the child's RUN runs with V=2 and rebuilds; buildah starts the child stage with no ARGs and keeps it cached",
    },
  },
  {
    name: "rebuild: an ARG declared only in the parent stage changes: the child's ONBUILD RUN",
    dockerfile: `FROM ${bb} AS p\nARG V=1\nONBUILD RUN echo k16 > /t\nFROM p\n`,
    files: {},
    buildArgs: { V: "1" },
    change: { buildArgs: { V: "2" } },
    rebuilt: [],
    knownDiff: {
      rebuiltByHull: ["s1.t0"],
      reason:
        "buildah-vs-BuildKit: as above, the child starts from the parent's state with V in its env (convert.go dispatchState.init), and the trigger runs in the child (initOnBuildTriggers prepends it to the child's commands), so it rebuilds; buildah runs the trigger without the parent's ARG",
    },
  },
  {
    name: "rebuild: an undeclared proxy build arg changes: nothing rebuilds",
    dockerfile: `FROM ${bb}\nRUN echo k17 > /x\n`,
    files: {},
    buildArgs: { HTTP_PROXY: "http://a" },
    change: { buildArgs: { HTTP_PROXY: "http://b" } },
    rebuilt: [],
  },
  {
    name: "rebuild: a build arg given the value of its default: nothing rebuilds",
    dockerfile: `FROM ${bb}\nARG V=1\nRUN echo k11 > /x\n`,
    files: {},
    change: { buildArgs: { V: "1" } },
    rebuilt: [],
  },
  {
    name: "rebuild: an ARG without a default given a value: the RUN rebuilds",
    dockerfile: `FROM ${bb}\nARG V\nRUN echo k12 > /x\n`,
    files: {},
    change: { buildArgs: { V: "1" } },
    rebuilt: ["s0.2"],
  },
  {
    name: "rebuild: a file of a stage the target does not use changes: nothing rebuilds",
    dockerfile: `FROM ${bb} AS a\nCOPY a.txt /a\nFROM ${bb} AS b\nRUN echo k13 > /b\nFROM b\nCOPY --from=a /a /a\n`,
    files: { "a.txt": "k13 a\n" },
    target: "b",
    change: { files: { "a.txt": "k13 a changed\n" } },
    rebuilt: [],
  },
  {
    name: "rebuild: a file an ONBUILD COPY reads changes: the trigger and what follows rebuild",
    dockerfile: `FROM ${bb} AS p\nONBUILD COPY a.txt /a\nRUN echo k15 > /p\nFROM p\nRUN cat /a > /b\n`,
    files: { "a.txt": "k15 a\n" },
    change: { files: { "a.txt": "k15 a changed\n" } },
    rebuilt: ["s1.t0", "s1.1"],
  },
  {
    name: "rebuild: a file only a RUN --mount=type=bind reads changes: that RUN",
    dockerfile: `FROM ${bb}\nRUN --mount=type=bind,source=a.txt,target=/m cat /m > /x\n`,
    files: { "a.txt": "k18\n" },
    change: { files: { "a.txt": "k18 changed\n" } },
    rebuilt: [],
    knownDiff: {
      rebuiltByHull: ["s0.1"],
      reason:
        "buildah-vs-BuildKit: BuildKit mounts the context files as an input of the exec op, keyed on their content like a COPY (tonistiigi in moby/buildkit#1903: 'works with same semantics as COPY'), so the RUN rebuilds; buildah 1.28 keys the RUN on its text only and keeps the stale layer (containers/buildah#5400, 'buildah never invalidates the cache of a RUN --mount=type=bind layer')",
    },
  },
];
