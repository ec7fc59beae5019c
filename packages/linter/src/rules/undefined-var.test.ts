import { ruleTester } from "../testing/rule-tester.js";
import rule from "./undefined-var.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n",
    "FROM alpine:3.20\nARG foo\nCOPY Dockerfile${foo} .\n",
    "FROM alpine:3.20 AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n",
    "FROM alpine:3.20 AS base\nENV APP=/srv\nFROM base AS next\nFROM next\nWORKDIR $APP\n",
    "FROM alpine:3.20\nRUN echo $NOT_EXPANDED_BY_BUILDKIT\nCMD echo $NOR_HERE\nEXPOSE $PORT\n",
    "FROM alpine:3.20\nENV A=1\nENV B=$A C='$literal' D=\\$escaped\n",
    "FROM alpine:3.20\nARG A=1 B=$A\nLABEL b=$B\n",
    "FROM golang:1.23\nCOPY . $GOPATH/src/app\n",
    "FROM python:3.12-slim\nENV PIP_VERSION=$PYTHON_PIP_VERSION\n",
    { name: "guarded default on a known image", code: "FROM alpine:3.20\nENV OPTS=${OPTS:-none}\n" },
    {
      name: "nested use inside a guard",
      code: "FROM alpine:3.20\nENV LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib\n",
    },
    { name: "unknown image may define it", code: "FROM example.org/base:1\nUSER ${APP_UID}\n" },
    "FROM alpine:3.20\nONBUILD COPY $CHILD_ARG /app\n",
    "FROM alpine:3.20\nCOPY <<'EOF' /etc/motd\n$NOT_EXPANDED\nEOF\n",
    "FROM alpine:3.20\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nLABEL scan=$BUILDKIT_SBOM_SCAN_STAGE\n",
    {
      name: "mount from is never expanded (BuildKit refuses it)",
      code: "FROM alpine:3.20\nRUN --mount=type=cache,from=$X,target=/cache true\n",
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      // Redeclaring with a default that names the global ARG does not take its value.
      code: "ARG VERSION=1.2\nFROM alpine:3.20\nARG VERSION=${VERSION}\nRUN echo $VERSION\n",
      errors: [
        {
          messageId: "globalArgInOwnDefault",
          message:
            "'$VERSION' in the default of 'ARG VERSION' is empty: the global value is not seen yet; write 'ARG VERSION' without a default to take it.",
          line: 3,
          column: 13,
        },
      ],
    },
    {
      code: "FROM alpine:3.20\nCOPY app.tar $APP_HOME/\n",
      errors: [{ messageId: "undefined", line: 2, column: 14, endLine: 2, endColumn: 23 }],
    },
    {
      name: "BuildKit: COPY before ARG",
      code: "FROM alpine:3.20\nCOPY $foo .\nARG foo=bar\n",
      errors: [{ messageId: "usedBeforeDefinition", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM alpine:3.20\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nCOPY $DIR_ASSET .\n",
      errors: [
        {
          messageId: "typo",
          message: "Variable '$DIR_ASSET' is not defined here; did you mean '$DIR_ASSETS'?",
          line: 4,
          column: 6,
        },
      ],
    },
    {
      code: "FROM alpine:3.20\nENV PATH=$PAHT:/tmp/bin\n",
      errors: [
        {
          messageId: "typo",
          message: "Variable '$PAHT' is not defined here; did you mean '$PATH'?",
          line: 2,
          column: 10,
          endColumn: 15,
        },
      ],
    },
    {
      code: "ARG VERSION=1\nFROM example.org/base:1\nLABEL version=${VERSION}\n",
      errors: [{ messageId: "globalArg", line: 3, column: 15, endColumn: 25 }],
    },
    {
      code: "FROM example.org/base:1\nCOPY bin/${TARGETARCH}/app /usr/bin/\n",
      errors: [{ messageId: "predefinedArg", line: 2, column: 10, endColumn: 23 }],
    },
    {
      name: "one ENV cannot use what it defines",
      code: "FROM alpine:3.20\nENV A=1 B=$A\n",
      errors: [{ messageId: "undefined", line: 2, column: 11, endColumn: 13 }],
    },
    {
      name: "an ARG of an unrelated stage",
      code: "FROM example.org/a:1 AS build\nARG OUT=/out\nFROM example.org/b:1\nCOPY --from=build $OUT /srv\n",
      errors: [
        {
          messageId: "otherStage",
          line: 4,
          column: 19,
          message:
            "Variable '$OUT' is defined in stage 'build' (line 2), which this stage does not inherit from.",
        },
      ],
    },
    {
      name: "every expanding place",
      code: [
        "FROM scratch",
        "ADD --chown=$U:$G --chmod=$M a $D",
        "WORKDIR $W",
        "USER $US",
        'VOLUME ["$V"]',
        "STOPSIGNAL $S",
        "LABEL $LK=$LV",
        "ARG X=$AD",
        "RUN --mount=type=cache,target=/c/$MT true",
        "",
      ].join("\n"),
      errors: [
        { messageId: "undefined", line: 2, column: 13 },
        { messageId: "undefined", line: 2, column: 16 },
        { messageId: "undefined", line: 2, column: 27 },
        { messageId: "undefined", line: 2, column: 32 },
        { messageId: "undefined", line: 3, column: 9 },
        { messageId: "undefined", line: 4, column: 6 },
        { messageId: "undefined", line: 5, column: 10 },
        { messageId: "undefined", line: 6, column: 12 },
        { messageId: "undefined", line: 7, column: 7 },
        { messageId: "undefined", line: 7, column: 11 },
        { messageId: "undefined", line: 8, column: 7 },
        { messageId: "undefined", line: 9, column: 34, endColumn: 37 },
      ],
    },
    {
      name: "unquoted heredoc body",
      code: "FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello $WHO\nEOF\n",
      errors: [{ messageId: "undefined", line: 3, column: 7, endColumn: 11 }],
    },
    {
      name: "one report per word, at the first use",
      code: "FROM alpine:3.20\nCOPY $X/a $X/b /dst/$X\n",
      errors: [
        { messageId: "undefined", line: 2, column: 6 },
        { messageId: "undefined", line: 2, column: 11 },
        { messageId: "undefined", line: 2, column: 21 },
      ],
    },
    {
      name: "a typo inside a guard is still reported",
      code: "FROM example.org/base:1\nARG VERSION=1\nENV V=${VERSON:-2}\n",
      errors: [{ messageId: "typo", line: 3, column: 7, endColumn: 19 }],
    },
    {
      name: "JSON form",
      code: 'FROM alpine:3.20\nCOPY ["$SRC", "/app/"]\n',
      errors: [{ messageId: "undefined", line: 2, column: 8, endColumn: 12 }],
    },
    {
      name: "escape directive",
      code: "# escape=`\nFROM alpine:3.20\nWORKDIR C:\\$DIR\n",
      errors: [{ messageId: "undefined", line: 3, column: 12 }],
    },
  ],
});
