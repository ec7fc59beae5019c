import { ruleTester } from "../testing/rule-tester.js";
import rule from "./undefined-var.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a variable the base image's config sets",
      code: `FROM example/jdk:21
COPY app.jar $JAVA_HOME/lib/
`,
      imageConfigs: { "example/jdk:21": { config: { Env: ["PATH=/usr/bin", "JAVA_HOME=/opt/java"] } } },
    },
    {
      name: "the base image's config is read through a stage of this file",
      code: `FROM example/jdk:21 AS base
FROM base
WORKDIR $JAVA_HOME
`,
      imageConfigs: { "example/jdk:21": { config: { Env: ["JAVA_HOME=/opt/java"] } } },
    },
    {
      name: "an image without a config may set the variable",
      code: `FROM example/jdk:21
COPY app.jar $JAVA_HOME/lib/
`,
    },
    `FROM alpine:3.20
ENV PATH=/opt/bin:$PATH
`,
    `FROM alpine:3.20
ARG foo
COPY Dockerfile\${foo} .
`,
    `FROM alpine:3.20 AS base
ARG foo=Dockerfile

FROM base
COPY $foo .
`,
    `FROM alpine:3.20 AS base
ENV APP=/srv
FROM base AS next
FROM next
WORKDIR $APP
`,
    `FROM alpine:3.20
RUN echo $NOT_EXPANDED_BY_BUILDKIT
CMD echo $NOR_HERE
EXPOSE $PORT
`,
    `FROM alpine:3.20
ENV A=1
ENV B=$A C='$literal' D=\\$escaped
`,
    `FROM alpine:3.20
ARG A=1 B=$A
LABEL b=$B
`,
    `FROM golang:1.23
COPY . $GOPATH/src/app
`,
    {
      name: "a name that is another with a prefix, on an image whose ENV is unknown (a mirror of golang here)",
      code: `FROM mirror.example.com/golang:alpine
ENV PATH=$GOPATH/bin:$PATH
WORKDIR $GOPATH/src/app
ENV CPATH=$CPATH:/opt/include
`,
    },
    `FROM python:3.12-slim
ENV PIP_VERSION=$PYTHON_PIP_VERSION
`,
    {
      name: "a default for a name the image may define",
      code: `FROM example.org/base:1
ENV OPTS=\${OPTS:-none}
`,
    },
    {
      name: "a default for a declared ARG",
      code: `FROM alpine:3.20
ARG UID
USER \${UID:-1000}
`,
    },
    {
      name: "unknown image may define it",
      code: `FROM example.org/base:1
USER \${APP_UID}
`,
    },
    `FROM alpine:3.20
ONBUILD COPY $CHILD_ARG /app
`,
    `FROM alpine:3.20
COPY <<'EOF' /etc/motd
$NOT_EXPANDED
EOF
`,
    `FROM alpine:3.20
ARG BUILDKIT_SBOM_SCAN_STAGE=true
LABEL scan=$BUILDKIT_SBOM_SCAN_STAGE
`,
    {
      name: "mount from is never expanded (BuildKit refuses it)",
      code: `FROM alpine:3.20
RUN --mount=type=cache,from=$X,target=/cache true
`,
      allowSyntaxErrors: true,
    },
  ],
  invalid: [
    {
      name: "a set name does not hide an unset one in the same word",
      code: `FROM scratch
ENV A=1
COPY $A/\${A}/$B /
`,
      errors: [{ messageId: "undefined", line: 3, column: 14, endColumn: 16 }],
    },
    {
      name: "a name that goes on past ASCII is another name",
      code: `FROM scratch
ENV A=1
COPY $Aé /
`,
      errors: [{ messageId: "undefined", line: 3, column: 6 }],
    },
    {
      name: "a variable the base image's config does not set",
      code: `FROM example/jdk:21
COPY app.jar $JAVA_HOM/lib/ $APP_DIR
`,
      imageConfigs: { "example/jdk:21": { config: { Env: ["JAVA_HOME=/opt/java"] } } },
      errors: [
        { messageId: "typo", line: 2, column: 14 },
        { messageId: "undefined", line: 2, column: 29 },
      ],
    },
    {
      // Redeclaring with a default that names the global ARG does not take its value.
      code: `ARG VERSION=1.2
FROM alpine:3.20
ARG VERSION=\${VERSION}
RUN echo $VERSION
`,
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
      name: "a default read from the ARG itself",
      code: `FROM alpine:3.20
ARG CLI_VERSION=\${CLI_VERSION}
ARG B=\${A} A=1
`,
      errors: [
        {
          messageId: "ownDefault",
          message:
            "'$CLI_VERSION' in the default of 'ARG CLI_VERSION' is the ARG itself, not set yet: the default is empty, and a build arg sets the value without it; write 'ARG CLI_VERSION'.",
          line: 2,
          column: 17,
        },
        { messageId: "undefined", line: 3, column: 7 },
      ],
    },
    {
      name: "a default read from the ARG itself with a fallback, beside an ARG of a name one edit away",
      code: `FROM ubuntu:22.04
ARG APP_UID="\${APP_UID:-6972}"
ARG APP_GID="\${APP_GID:-6972}"
`,
      errors: [
        {
          messageId: "ownDefaultGuarded",
          message:
            "'${APP_UID:-6972}' in the default of 'ARG APP_UID' reads the ARG itself, not set yet, so it always takes its unset branch (a build arg replaces the whole default); write that value as the default.",
          line: 2,
          column: 14,
        },
        { messageId: "ownDefaultGuarded", line: 3, column: 14 },
      ],
    },
    {
      name: "a global ARG read in the default of another declaration",
      code: `ARG A=1
FROM alpine:3.20
ARG B=\${A} A
`,
      errors: [{ messageId: "globalArg", line: 3, column: 7 }],
    },
    {
      code: `FROM alpine:3.20
COPY app.tar $APP_HOME/
`,
      errors: [{ messageId: "undefined", line: 2, column: 14, endLine: 2, endColumn: 23 }],
    },
    {
      name: "BuildKit: COPY before ARG",
      code: `FROM alpine:3.20
COPY $foo .
ARG foo=bar
`,
      errors: [{ messageId: "usedBeforeDefinition", line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: "a guarded use before the definition takes its default",
      code: `FROM alpine:3.20
COPY --chown=\${OWNERID:-1} a /a
ARG OWNERID=1
`,
      errors: [
        {
          messageId: "usedBeforeDefinitionGuarded",
          message:
            "Variable '$OWNERID' is used before line 3 defines it, so '${OWNERID:-1}' always takes its unset branch here.",
          line: 2,
        },
      ],
    },
    {
      code: `FROM alpine:3.20
ARG DIR_BINARIES=binaries/
ARG DIR_ASSETS=assets/
COPY $DIR_ASSET .
`,
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
      name: "no near miss of a name the instruction reads too, and the unknown image may set the other",
      code: `FROM oracle/database:19.3.0-ee
ENV STARTUP_FILE=startUp.sh
COPY $START_FILE \${STARTUP_FILE} /opt/oracle/
COPY $STARTUP_FIL /opt/oracle/
`,
      errors: [{ messageId: "typo", line: 4, column: 6 }],
    },
    {
      name: "where the image's ENV is known, a name read beside its near miss is still a near miss",
      code: `FROM alpine:3.20
ENV APP_HOME=/srv
COPY app.jar $APP_HOME/ $APP_HOM
`,
      errors: [{ messageId: "typo", line: 3, column: 25 }],
    },
    {
      name: "a near miss of PATH on an image whose ENV is unknown",
      code: `FROM mirror.example.com/golang:alpine
ENV P=$PAHT
`,
      errors: [{ messageId: "typo", line: 2, column: 7 }],
    },
    {
      name: "a name that is another with a prefix gets no suggestion, and is reported where the ENV is known",
      code: `FROM alpine:3.20
ENV N_SRC_DIR=/src/n
WORKDIR $SRC_DIR
`,
      errors: [{ messageId: "undefined", line: 3, column: 9 }],
    },
    {
      code: `FROM alpine:3.20
ENV PATH=$PAHT:/tmp/bin
`,
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
      code: `ARG VERSION=1
FROM example.org/base:1
LABEL version=\${VERSION}
`,
      errors: [{ messageId: "globalArg", line: 3, column: 15, endColumn: 25 }],
    },
    {
      code: `FROM example.org/base:1
COPY bin/\${TARGETARCH}/app /usr/bin/
`,
      errors: [{ messageId: "predefinedArg", line: 2, column: 10, endColumn: 23 }],
    },
    {
      name: "one ENV cannot use what it defines",
      code: `FROM alpine:3.20
ENV A=1 B=$A
`,
      errors: [{ messageId: "undefined", line: 2, column: 11, endColumn: 13 }],
    },
    {
      name: "an ARG of a stage built on this one",
      code: `FROM example.org/a:1 AS base
WORKDIR $OUT
FROM base AS build
ARG OUT=/out
`,
      errors: [
        {
          messageId: "laterStage",
          line: 2,
          message:
            "Variable '$OUT' is defined only in stage 'build' (line 4), which is built on this one: a stage sees what its base stages set, not what the stages built on it set.",
        },
      ],
    },
    {
      name: "an ARG of an unrelated stage",
      code: `FROM example.org/a:1 AS build
ARG OUT=/out
FROM example.org/b:1
COPY --from=build $OUT /srv
`,
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
      code: `FROM scratch
ADD --chown=$U:$G --chmod=$M a $D
WORKDIR $W
USER $US
VOLUME ["$V"]
STOPSIGNAL $S
LABEL $LK=$LV
ARG X=$AD
RUN --mount=type=cache,target=/c/$MT true
ADD --checksum=sha256:$CK https://example.com/a /a
`,
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
        { messageId: "undefined", line: 10, column: 23 },
      ],
    },
    {
      name: "unquoted heredoc body",
      code: `FROM alpine:3.20
COPY <<EOF /etc/motd
hello $WHO
EOF
`,
      errors: [{ messageId: "undefined", line: 3, column: 7, endColumn: 11 }],
    },
    {
      name: "one report per word, at the first use",
      code: `FROM alpine:3.20
COPY $X/a $X/b /dst/$X
`,
      errors: [
        { messageId: "undefined", line: 2, column: 6 },
        { messageId: "undefined", line: 2, column: 11 },
        { messageId: "undefined", line: 2, column: 21 },
      ],
    },
    {
      name: "a default on a known image always applies (BuildKit reports it)",
      code: `FROM alpine:3.20
ENV X=\${UNDEFINED:-1000}
`,
      errors: [
        {
          messageId: "alwaysUnset",
          message:
            "Variable '$UNDEFINED' is not defined here, so '${UNDEFINED:-1000}' always takes its unset branch; declare 'ARG UNDEFINED' if a build should set it.",
          line: 2,
          column: 7,
          endColumn: 25,
        },
      ],
    },
    {
      name: "a use inside another name's guard is a plain use",
      code: `FROM alpine:3.20
ENV LD_LIBRARY_PATH=\${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/opt/lib
`,
      errors: [{ messageId: "undefined", line: 2, column: 21 }],
    },
    {
      name: "a typo inside a guard is still reported",
      code: `FROM example.org/base:1
ARG VERSION=1
ENV V=\${VERSON:-2}
`,
      errors: [{ messageId: "typo", line: 3, column: 7, endColumn: 19 }],
    },
    {
      name: "JSON form",
      code: `FROM alpine:3.20
COPY ["$SRC", "/app/"]
`,
      errors: [{ messageId: "undefined", line: 2, column: 8, endColumn: 12 }],
    },
    {
      name: "escape directive",
      code: `# escape=\`
FROM alpine:3.20
WORKDIR C:\\$DIR
`,
      errors: [{ messageId: "undefined", line: 3, column: 12 }],
    },
  ],
});
