import type { Case } from "./cases.js";

/** Further conformance cases: expansion, quoting and inheritance edge cases the first set does not reach. */
const bb = "localhost/hull-bb";
const ep = "localhost/hull-ep";

export const edgeCases: readonly Case[] = [
  // ---- Parameter expansion modifiers
  {
    name: "${VAR:-default} unset and set",
    dockerfile: `FROM ${bb}\nENV S=set\nENV A=\${UNSET:-dflt} B=\${S:-dflt}\n`,
  },
  {
    name: "${VAR:+alt} unset and set",
    dockerfile: `FROM ${bb}\nENV S=set\nENV A=[\${UNSET:+alt}] B=\${S:+alt}\n`,
  },
  {
    name: "nested default ${A:-${B}}",
    dockerfile: `FROM ${bb}\nENV B=bee\nENV A=\${UNSET:-\${B}-x}\n`,
  },
  { name: "a trailing dollar", dockerfile: `FROM ${bb}\nENV A=cost$ B="x$"\n` },
  {
    name: "dollar before a non-name",
    dockerfile: `FROM ${bb}\nENV A=a$-b B=$12x\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit's lexer reads $- as the special parameter '-' (shell/lex.go isSpecialParam) and $12 as one name of all its digits (processName), both unset, so A=ab B=x; buildah 1.28's imagebuilder lexer keeps '$-' literal and reads only one digit, so A=a$-b B=2x",
    },
  },
  {
    name: "escaped dollar in double quotes",
    dockerfile: `FROM ${bb}\nENV H=h\nENV A="\\$H" B="\\\${H}"\n`,
  },
  {
    name: "quotes inside quotes",
    dockerfile: `FROM ${bb}\nENV A='say "hi"' B="it's" C="a\\"b"\n`,
  },
  { name: "backslashes", dockerfile: `FROM ${bb}\nENV A=a\\\\b B="c\\\\d" C='e\\f' D=g\\h\n` },
  { name: "ENV referring to itself", dockerfile: `FROM ${bb}\nENV A=1\nENV A=$A$A\nENV A=\${A}-x\n` },
  { name: "one ENV sets a name twice", dockerfile: `FROM ${bb}\nENV A=1 A=2 B=$A\n` },
  { name: "ENV value with an equals sign", dockerfile: `FROM ${bb}\nENV A=b=c B="d=e f"\n` },
  { name: "ENV empty values", dockerfile: `FROM ${bb}\nENV A= B="" C=''\n` },
  {
    name: "ENV key expanded from an ARG",
    dockerfile: `FROM ${bb}\nARG N=KEY\nENV $N=1\n`,
  },
  {
    name: "replacing an ENV keeps its place",
    dockerfile: `FROM ${bb}\nENV B=1 A=1 C=1\nENV A=2\nENV PATH=/usr/bin\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit's addEnv (dockerfile2llb/convert.go) replaces an entry in place, so the base's PATH stays first; buildah moves a name it inherited from the base image to the end when the Dockerfile sets it again",
    },
  },
  { name: "legacy ENV with a variable", dockerfile: `FROM ${bb}\nENV H=/home\nENV A $H/x  y\n` },
  { name: "legacy ENV with quotes", dockerfile: `FROM ${bb}\nENV A "quoted  value" and 'more'\n` },
  { name: "unicode values", dockerfile: `FROM ${bb}\nENV A=héllo B="日本"\nLABEL ü=ö\n` },

  // ---- ARG
  {
    name: "ENV after an ARG of the same name",
    dockerfile: `FROM ${bb}\nARG X=arg\nENV X=env-$X\nENV Y=$X\n`,
  },
  { name: "ARG without a value is unset", dockerfile: `FROM ${bb}\nARG X\nENV Y=[$X]\n` },
  {
    name: "build arg for an ARG without a default",
    dockerfile: `FROM ${bb}\nARG X\nENV Y=$X\n`,
    buildArgs: { X: "cli" },
  },
  {
    name: "build arg not declared",
    dockerfile: `FROM ${bb}\nENV Y=[$X]\n`,
    buildArgs: { X: "cli" },
  },
  {
    name: "empty build arg overrides a default",
    dockerfile: `FROM ${bb}\nARG X=dflt\nENV Y=[$X]\n`,
    buildArgs: { X: "" },
  },
  {
    name: "global ARG from another global ARG",
    dockerfile: `ARG A=1\nARG B=$A-2\nFROM ${bb}\nARG B\nENV X=$B\n`,
  },
  {
    name: "global ARG overridden, redeclared in the stage",
    dockerfile: `ARG A=1\nARG B=$A-2\nFROM ${bb}\nARG B\nENV X=$B\n`,
    buildArgs: { A: "9" },
  },
  { name: "ARG default from an ENV", dockerfile: `FROM ${bb}\nENV E=e\nARG A=$E-a\nENV X=$A\n` },
  {
    name: "an ARG carries into a child stage",
    dockerfile: `FROM ${bb} AS a\nARG V=1\nENV A=$V\nFROM a\nENV B=[$V]\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: a stage built FROM another starts from its LLB state, whose env holds the parent's ARG values, and takes its buildArgs (dockerfile2llb/convert.go dispatchState.init: ds.state = ds.base.state), so B=[1]; buildah starts the child with no ARGs, B=[]",
    },
  },
  {
    name: "TARGETPLATFORM and friends",
    dockerfile: `FROM ${bb}\nARG TARGETPLATFORM\nARG TARGETOS\nARG TARGETARCH\nARG TARGETVARIANT\nENV T=$TARGETPLATFORM O=$TARGETOS A=$TARGETARCH V=[$TARGETVARIANT]\n`,
  },
  {
    name: "BUILDPLATFORM and friends",
    dockerfile: `FROM ${bb}\nARG BUILDPLATFORM\nARG BUILDOS\nARG BUILDARCH\nENV T=$BUILDPLATFORM O=$BUILDOS A=$BUILDARCH\n`,
  },
  {
    name: "predefined ARG not declared is unset",
    dockerfile: `FROM ${bb}\nENV T=[$TARGETPLATFORM] H=[$HTTP_PROXY]\n`,
  },
  {
    name: "predefined ARG redeclared with a default",
    dockerfile: `FROM ${bb}\nARG TARGETOS=plan9\nENV T=$TARGETOS\n`,
  },

  // ---- LABEL
  { name: "LABEL legacy form", dockerfile: `FROM ${bb}\nLABEL key value with spaces\n` },
  {
    name: "LABEL quoted keys and escaped quotes",
    dockerfile: `FROM ${bb}\nLABEL "a"="b" 'c'='d' desc="say \\"hi\\"" e=""\n`,
  },
  {
    name: "LABEL inherited through a stage",
    dockerfile: `FROM ${bb} AS a\nLABEL a=1 b=1\nFROM a\nLABEL b=2\n`,
  },

  // ---- WORKDIR
  { name: "WORKDIR trailing slash and dots", dockerfile: `FROM ${bb}\nWORKDIR /a/b/\nWORKDIR ./c/../d\n` },
  { name: "WORKDIR relative first", dockerfile: `FROM ${bb}\nWORKDIR rel\n` },
  {
    name: "WORKDIR with double slashes",
    dockerfile: `FROM ${bb}\nWORKDIR //x//y\n`,
  },
  {
    name: "WORKDIR absolute with dots and a trailing slash",
    dockerfile: `FROM ${bb}\nWORKDIR /a/./b/../c/\n`,
  },
  { name: "WORKDIR from an ARG", dockerfile: `FROM ${bb}\nARG D=/opt\nWORKDIR $D\nWORKDIR \${D}2\n` },
  {
    name: "WORKDIR relative in a child stage",
    dockerfile: `FROM ${bb} AS a\nWORKDIR /w\nFROM a\nWORKDIR sub\n`,
  },
  { name: "WORKDIR /", dockerfile: `FROM ${bb}\nWORKDIR /a\nWORKDIR /\n` },

  // ---- USER
  { name: "USER from the base then changed", dockerfile: `FROM ${ep}\nUSER 0:0\n` },

  // ---- EXPOSE and VOLUME
  {
    name: "EXPOSE both protocols, duplicates, default",
    dockerfile: `FROM ${bb}\nEXPOSE 80/tcp 80/udp 80\nEXPOSE \${P:-81}\n`,
  },
  {
    name: "VOLUME from variables and JSON with spaces",
    dockerfile: `FROM ${bb}\nARG V=/v\nVOLUME $V \${V}2\nVOLUME ["/a b", "$V/j"]\n`,
  },

  // ---- CMD, ENTRYPOINT, SHELL
  {
    name: "CMD before ENTRYPOINT in one stage",
    dockerfile: `FROM ${bb}\nCMD ["c"]\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "ENTRYPOINT, CMD, ENTRYPOINT",
    dockerfile: `FROM ${bb}\nENTRYPOINT ["/bin/a"]\nCMD ["c"]\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "ENTRYPOINT in a child of a stage with CMD",
    dockerfile: `FROM ${bb} AS a\nCMD ["c"]\nFROM a\nENTRYPOINT ["/bin/echo"]\n`,
  },
  {
    name: "CMD in a child of a stage with ENTRYPOINT",
    dockerfile: `FROM ${bb} AS a\nENTRYPOINT ["/bin/echo"]\nCMD ["c"]\nFROM a\nCMD ["d"]\n`,
  },
  { name: "empty ENTRYPOINT over the base's", dockerfile: `FROM ${ep}\nENTRYPOINT []\n` },
  { name: "CMD not JSON falls back to shell form", dockerfile: `FROM ${bb}\nCMD ['a', 'b']\n` },
  { name: "ENTRYPOINT with a trailing comma", dockerfile: `FROM ${bb}\nENTRYPOINT ["/bin/echo",]\n` },
  {
    name: "JSON escapes in exec form",
    dockerfile: `FROM ${bb}\nCMD ["a\\tb", "\\u00e9", "q\\"q", "s\\\\s"]\n`,
  },
  {
    name: "SHELL in a parent stage wraps the child's CMD",
    dockerfile: `FROM ${bb} AS a\nSHELL ["/bin/sh", "-ec"]\nFROM a\nCMD echo hi\nENTRYPOINT echo ep\n`,
  },
  {
    name: "shell-form CMD keeps quotes and variables",
    dockerfile: `FROM ${bb}\nENV X=1\nCMD echo "$X" 'y'  \\\n   z\n`,
  },

  // ---- HEALTHCHECK, STOPSIGNAL
  {
    name: "HEALTHCHECK in a parent stage, NONE in the child",
    dockerfile: `FROM ${bb} AS a\nHEALTHCHECK --interval=7s CMD ["/bin/true"]\nFROM a\nHEALTHCHECK NONE\n`,
  },
  {
    name: "HEALTHCHECK shell form with options",
    dockerfile: `FROM ${bb}\nHEALTHCHECK --retries=3 --start-period=10s  CMD   echo  "o  k"  ||  exit 1\n`,
  },
  {
    name: "HEALTHCHECK replaces the base's",
    dockerfile: `FROM ${ep}\nHEALTHCHECK --timeout=2s CMD ["/bin/false"]\n`,
  },
  { name: "STOPSIGNAL by number", dockerfile: `FROM ${bb}\nSTOPSIGNAL 9\n` },

  // ---- ONBUILD
  {
    name: "ONBUILD triggers run once, not in grandchildren",
    dockerfile: `FROM ${bb} AS p\nONBUILD ENV T=1\nONBUILD WORKDIR /ob\nFROM p AS c\nENV C=$T\nFROM c\nENV G=1\n`,
  },
  {
    name: "ONBUILD trigger expands in the child",
    dockerfile: `FROM ${bb} AS p\nENV Y=parent\nONBUILD ENV X=$Y\nFROM p\nENV Z=$X\n`,
  },
  { name: "a base's ONBUILD is consumed", dockerfile: `FROM localhost/hull-ob\nENV A=$FROM_ONBUILD\n` },
  {
    name: "ONBUILD in a child adds to nothing inherited",
    dockerfile: `FROM localhost/hull-ob\nONBUILD LABEL mine=1\n`,
  },

  // ---- Stages and targets
  {
    name: "FROM a stage named by a global ARG",
    dockerfile: `ARG S=a\nFROM ${bb} AS a\nENV W=a\nFROM ${bb} AS b\nENV W=b\nFROM $S\nENV X=1\n`,
    buildArgs: { S: "b" },
  },
  {
    name: "--target the first stage",
    dockerfile: `FROM ${bb} AS first\nENV F=1\nFROM first AS second\nENV S=2\n`,
    target: "first",
  },
  {
    name: "--target a stage built from stages",
    dockerfile: `FROM ${bb} AS a\nENV A=1\nFROM a AS b\nENV B=2\nFROM ${bb} AS c\nENV C=3\nFROM b AS d\nENV D=4\nFROM c\n`,
    target: "d",
  },

  // ---- Parsing: continuations, comments, directives, keywords
  {
    name: "comments and blank lines inside a continuation",
    dockerfile: `FROM ${bb}\nENV A=1 \\\n# a comment\n    B=2 \\\n\n    C=3\n`,
  },
  {
    name: "escape directive with a backtick and dollars",
    dockerfile: "# escape=`\nFROM " + bb + "\nENV H=h\nENV A=`$H B=C:\\dir C=$H\n",
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit's word lexer uses the file's escape character (convert.go shell.NewLex(dockerfile.EscapeToken)), so `$H stays $H and C:\\dir keeps its backslash; buildah 1.28's imagebuilder lexer always escapes with a backslash (A=`h, B=C:dir)",
    },
  },
  {
    name: "mixed-case keywords",
    dockerfile: `FrOm ${bb} aS base\nEnV a=1\nwOrKdIr /w\nLaBeL l=1\noNbUiLd EnV o=1\nfrom base\nCmD ["x"]\n`,
  },
  {
    name: "COPY --chmod on a directory and --chown numbers",
    dockerfile: `FROM ${bb}\nCOPY --chown=10:20 --chmod=755 dir/ /dir/\n`,
    files: { "dir/a": "a\n" },
  },
  {
    name: "ENV, ARG, RUN history",
    dockerfile: `FROM ${bb}\nARG A=1\nENV B=2\nRUN echo $A $B > /x\nARG C\nRUN true\n`,
  },
  { name: "MAINTAINER then LABEL", dockerfile: `FROM ${bb}\nMAINTAINER me\nLABEL maintainer=other\n` },

  // ---- Found while probing
  {
    name: "VOLUME from a variable holding a space",
    dockerfile: `FROM ${bb}\nENV V="/a /b"\nVOLUME $V\n`,
  },
  {
    name: "VOLUME JSON entries are trimmed",
    dockerfile: `FROM ${bb}\nVOLUME [" /a ", "/b/"]\n`,
  },
  {
    name: "an undeclared proxy build arg is not expanded",
    dockerfile: `FROM ${bb}\nENV X=[$HTTP_PROXY]\n`,
    buildArgs: { HTTP_PROXY: "http://proxy" },
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit passes the proxy build args only to RUN (convert.go proxyEnvFromBuildArgs, llb.WithProxy), never into the expansion env, so X=[]; buildah expands the undeclared HTTP_PROXY",
    },
  },
  {
    name: "a global ARG default reads TARGETOS",
    dockerfile: `ARG P=$TARGETOS\nFROM ${bb}\nARG P\nENV X=$P\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit expands global ARG defaults with the platform ARGs in scope (convert.go: globalArgs := defaultArgs(...) then buildMetaArgs), so X=linux; buildah expands to empty",
    },
  },
  {
    name: "TARGETSTAGE",
    dockerfile: `FROM ${bb} AS final\nARG TARGETSTAGE\nENV S=[$TARGETSTAGE]\n`,
    knownDiffs: {
      Env: "buildah-vs-BuildKit: BuildKit predefines TARGETSTAGE as the target's name (dockerfile2llb/platform.go defaultArgs), so S=[final]; buildah 1.28 has no such ARG",
    },
  },
  {
    name: "ENTRYPOINT with no arguments",
    dockerfile: `FROM ${bb}\nENTRYPOINT\n`,
    knownDiffs: {
      Entrypoint:
        "buildah-vs-BuildKit: BuildKit parses an empty ENTRYPOINT as shell form with no words (parser parseMaybeJSON returns no node, instructions parseShellDependentCommand PrependShell=true) and withShell makes [/bin/sh -c ''] (convert.go dispatchEntrypoint); buildah clears Entrypoint",
      argv: "follows from Entrypoint",
    },
  },
  {
    name: "EXPOSE with a host port and a one-port range",
    dockerfile: `FROM ${bb}\nEXPOSE 8080:80/tcp 90-90\n`,
    knownDiffs: {
      ExposedPorts:
        "buildah-vs-BuildKit: BuildKit keeps only the container port (convert_expose.go parsePort, with an ExposeInvalidFormat warning), so 80/tcp; buildah keeps the key 8080:80/tcp as written",
    },
  },
  {
    name: "SHELL changed after a shell-form CMD",
    dockerfile: `FROM ${bb}\nSHELL ["/bin/sh", "-ec"]\nCMD echo a\nSHELL ["/bin/sh", "-xc"]\n`,
    knownDiffs: {
      Cmd: "HARNESS LIMITATION: compare.ts withBuildKitShell re-wraps buildah's /bin/sh -c with the image's final Shell (-xc), but BuildKit wraps with the SHELL in force at the CMD (-ec), which is what hull says",
      argv: "follows from Cmd",
    },
  },
  {
    name: "ONBUILD ENTRYPOINT resets the parent's CMD",
    dockerfile: `FROM ${bb} AS p\nCMD ["c"]\nONBUILD ENTRYPOINT ["/bin/echo"]\nFROM p\n`,
  },
  {
    name: "ARG default reading the global of the same name",
    dockerfile: `ARG V=g\nFROM ${bb}\nARG V=$V-s\nENV X=$V\n`,
  },
];
