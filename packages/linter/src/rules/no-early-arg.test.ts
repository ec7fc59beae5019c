import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-early-arg.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a name that names a file, or a switch, is no version or checksum whatever its words",
      code: `FROM debian:bookworm-slim
ARG AGENT_FILENAME=agent.jar
ARG AGENT_HASH_FILENAME=$AGENT_FILENAME.sha1
ARG VERSION_FILE=/etc/version
ARG RELEASE_BUILD=1
ARG IS_RELEASE=true
ARG CB_SKIP_CHECKSUM=false
ARG RELEASE=0
RUN useradd -m jenkins
RUN curl -fsSLo /opt/$AGENT_HASH_FILENAME https://example.com/agent.jar.sha1 && cat $VERSION_FILE
RUN RELEASE_BUILD=\${RELEASE_BUILD} IS_RELEASE=\${IS_RELEASE} RELEASE=$RELEASE make build && $CB_SKIP_CHECKSUM
`,
    },
    {
      name: "a RUN that runs a script the stage copied in may read every ARG",
      code: `FROM alpine:3.20
ARG JAVA_VERSION=21.0.5_11
COPY jdk-download.sh /usr/bin/jdk-download.sh
COPY setup.sh /opt/
RUN /usr/bin/jdk-download.sh && sh /opt/setup.sh
RUN echo two
ENV PATH="/opt/jdk-\${JAVA_VERSION}/bin:\${PATH}"
`,
    },
    {
      name: "a RUN that writes out its whole environment reads every ARG",
      code: `FROM alpine:3.20
ARG GIT_COMMIT
ARG VERSION
RUN env | sed 's/^/  /' >> /manifest.txt && printenv > /env.txt
RUN echo two
LABEL rev=$GIT_COMMIT version=$VERSION
`,
    },
    {
      name: "a name that names a place: a URL, a host, a mirror",
      code: `ARG NIGHTLY_INDEX_URL=https://download.pytorch.org/whl/nightly
FROM python:3.12
ARG NIGHTLY_INDEX_URL
ARG BUILD_DATE_HOST=dates.example.com
RUN echo one
RUN pip install --no-cache-dir --index-url "$NIGHTLY_INDEX_URL" torch==2.5.0 && ping -c1 $BUILD_DATE_HOST
`,
    },
    {
      name: "PowerShell's $env:NAME and cmd's %NAME% are uses",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
ARG URL
RUN curl.exe -o a.zip %URL%
ARG SHA
RUN powershell -Command "if ((Get-FileHash a.zip).Hash -ne $env:SHA) { exit 1 }"
RUN del a.zip
`,
    },
    {
      name: "ARGs set once per project, not per build (a path, a user id, a mirror)",
      code: `FROM debian:12
ARG USER_HOME_DIR=/root
ARG UID=1000
ARG MIRROR=https://deb.example.org
RUN apt-get update
RUN echo $USER_HOME_DIR $UID $MIRROR
`,
    },
    `FROM debian:12
ARG VERSION
RUN echo $VERSION
RUN apt-get update
`,
    {
      name: "an ARG tools read from the environment",
      code: `FROM debian:12
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update
RUN echo $DEBIAN_FRONTEND
`,
    },
    {
      name: "an ARG redeclared before its use",
      code: `FROM debian:12
ARG V=1
RUN true
ARG V
RUN echo \${V}
`,
    },
    {
      name: "an ARG that also picks the base image, in the stage's FROM or in that of a stage it builds on",
      code: `ARG PHP_VERSION
ARG BASE_TAG=bookworm
FROM php:\${PHP_VERSION}-alpine
ARG PHP_VERSION
RUN apk add --no-cache git
RUN echo $PHP_VERSION
FROM --platform=linux/amd64 debian:$BASE_TAG AS base
FROM base
ARG BASE_TAG
RUN apt-get update
RUN echo $BASE_TAG
`,
    },
    {
      name: "an ARG without a default that the RUNs only test as a switch, whatever its name says",
      code: `FROM python:3.12
ARG BUILD_NIGHTLY
ARG RELEASE
ARG VERSION
ARG BUILD_DATE
RUN apt-get update
RUN if echo "$BUILD_NIGHTLY" | grep -q "false"; then pip install torchserve; else pip install torchserve-nightly; fi
RUN if [[ -z "$RELEASE" ]] ; then npm install -g yarn ; fi && test -n "\${RELEASE}" || true
RUN if [ "$VERSION" = "true" ] || [ 0 != $VERSION ]; then make; fi
RUN test -d /app && [ "$BUILD_DATE" ] && touch /stamp
`,
    },
    {
      name: "a global ARG not redeclared",
      code: `ARG V=1
FROM debian:12
RUN true
RUN echo $V
`,
    },
  ],
  invalid: [
    {
      name: "a script the stage did not copy in, or a copied file the RUN only reads",
      code: `FROM alpine:3.20
ARG JAVA_VERSION=21.0.5_11
COPY notes.txt /opt/notes.txt
RUN /usr/local/bin/setup.sh && cat /opt/notes.txt
RUN echo two
ENV PATH="/opt/jdk-\${JAVA_VERSION}/bin:\${PATH}"
`,
      errors: [{ messageId: "earlyArg", line: 2 }],
    },
    {
      name: "a version in a switch's place, or a file name that is a version, still varies",
      code: `FROM debian:bookworm-slim
ARG RELEASE_BUILD=2024.06.1
ARG TOOL_FILE=1.2.3
ARG BUILD_NUMBER=0
RUN useradd -m app
RUN echo $RELEASE_BUILD $TOOL_FILE $BUILD_NUMBER
`,
      errors: [
        { messageId: "earlyArg", line: 2 },
        { messageId: "earlyArg", line: 3 },
        { messageId: "earlyArg", line: 4 },
      ],
    },
    {
      name: "the instructions before the first ARG are not read, those after it are",
      code: `FROM alpine:3.20
RUN echo $TOOL_VERSION
ARG TOOL_VERSION=1.2.3
RUN apk add --no-cache curl
RUN echo $TOOL_VERSION
`,
      errors: [{ messageId: "earlyArg", line: 3 }],
    },
    {
      name: "PowerShell reads $env:NAME; the first RUN does not",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
ARG TOOL_VERSION
RUN Write-Host $env:PATH
RUN Invoke-WebRequest -Uri \${env:TOOL_VERSION} -OutFile a.zip
`,
      errors: [{ messageId: "earlyArg", line: 3 }],
    },
    {
      name: "cmd's %NAME% is a use only in cmd",
      code: `FROM debian:12
ARG TOOL_VERSION
RUN echo %TOOL_VERSION%
RUN curl -o a.zip "$TOOL_VERSION"
`,
      errors: [{ messageId: "earlyArg", line: 2 }],
    },
    {
      name: "names and defaults that vary between builds",
      code: `FROM debian:12
ARG GIT_COMMIT
ARG BUILD_DATE
ARG gitRef
ARG TOOL=2.4.1
ARG PATCH=0f3c2e1a
ARG GO_VERSION
RUN apt-get update
RUN echo $GIT_COMMIT $BUILD_DATE $gitRef $TOOL $PATCH $GO_VERSION
`,
      errors: [
        { messageId: "earlyArg", line: 2, column: 5 },
        {
          messageId: "earlyArg",
          message:
            "ARG BUILD_DATE holds a date, which changes between builds, and is first used on line 9: the RUN in between is rebuilt each time it does; declare it just before its use.",
          line: 3,
          column: 5,
        },
        { messageId: "earlyArg", line: 4, column: 5 },
        { messageId: "earlyArg", line: 5, column: 5 },
        {
          messageId: "earlyArg",
          message:
            "ARG PATCH holds a commit or checksum, which changes between builds, and is first used on line 9: the RUN in between is rebuilt each time it does; declare it just before its use.",
          line: 6,
          column: 5,
        },
        { messageId: "earlyArg", line: 7, column: 5 },
      ],
    },
    {
      code: `FROM debian:12
ARG VERSION=1.2 OTHER
RUN apt-get update
RUN make
RUN curl -O https://x.org/v\${VERSION}.tgz
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG VERSION holds a version, which changes between builds, and is first used on line 5: the 2 RUNs in between are rebuilt each time it does; declare it just before its use.",
          line: 2,
          column: 5,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a commit's SHA is a source revision; a SHA-256 named for git is a checksum",
      code: `FROM debian:12
ARG COMMIT_SHA
ARG GIT_SHA256
RUN apt-get update
RUN echo $COMMIT_SHA $GIT_SHA256
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG COMMIT_SHA holds a source revision, which changes between builds, and is first used on line 5: the RUN in between is rebuilt each time it does; declare it just before its use.",
          line: 2,
        },
        {
          messageId: "earlyArg",
          message:
            "ARG GIT_SHA256 holds a checksum, which changes between builds, and is first used on line 5: the RUN in between is rebuilt each time it does; declare it just before its use.",
          line: 3,
        },
      ],
    },
    {
      name: "an ARG without a default that a RUN reads as a value besides testing it",
      code: `FROM python:3.12
ARG RELEASE
ARG BUILD_NIGHTLY
ARG VERSION
ARG BUILD_DATE
RUN apt-get update
RUN if [ -n "$RELEASE" ]; then pip install app==$RELEASE; fi
RUN if [ "$BUILD_NIGHTLY" = "2024-06-01" ]; then make; fi
RUN [ -z "$VERSION" ] || echo "\${VERSION:-dev}" > /version
RUN [ -n "$BUILD_DATE" ]
LABEL built=$BUILD_DATE
`,
      errors: [
        { messageId: "earlyArg", line: 2 },
        { messageId: "earlyArg", line: 3 },
        { messageId: "earlyArg", line: 4 },
        { messageId: "earlyArg", line: 5 },
      ],
    },
    {
      name: "an ARG that picks the base image of another stage, not this one's",
      code: `ARG V=1.2.3
FROM alpine:$V AS tools
FROM debian:12
ARG V
RUN apt-get update
RUN echo $V
`,
      errors: [{ messageId: "earlyArg", line: 4 }],
    },
    {
      name: "a global ARG redeclared in the stage",
      code: `ARG V=1
FROM debian:12
ARG V
RUN apt-get update
LABEL version=$V
`,
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG V holds a version, which changes between builds, and is first used on line 5: the RUN in between is rebuilt each time it does; declare it just before its use.",
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
