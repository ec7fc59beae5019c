import { ruleTester } from "../testing/rule-tester.js";
import rule from "./layer-cleanup.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a stage that only feeds COPY --from ships no layer",
      code: `FROM python:3.12 AS venvs
RUN curl -fsSLo /stage/tool.tgz https://example.com/tool.tgz && tar -xzf /stage/tool.tgz -C /opt
RUN ./build-venvs.sh && rm -rfv /stage
FROM python:3.12-slim
COPY --from=venvs /venvs /venvs
`,
    },
    {
      name: "PowerShell and cmd: downloads removed in the RUN that makes them",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN iwr https://e.com/a.zip -OutFile C:\\a.zip; Expand-Archive C:\\a.zip C:\\a; Remove-Item C:\\a.zip
RUN (New-Object Net.WebClient).DownloadFile('https://e.com/b.exe', 'C:\\b.exe'); & C:\\b.exe; rm C:\\b.exe
RUN choco install -y git; choco cache remove
RUN cmd /S /C "curl.exe -o c.zip https://e.com/c.zip && tar -xf c.zip && del c.zip"
`,
    },
    {
      name: "a later RUN removes what it made itself",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN curl.exe -o a.zip https://e.com/a.zip
RUN curl.exe -o b.zip https://e.com/b.zip && del b.zip
`,
    },
    {
      name: "a copied file that no later RUN removes, and one the same COPY's heredoc wrote",
      code: `FROM debian:12
COPY big.tar /tmp/
COPY <<EOF /tmp/note
hi
EOF
RUN tar -xf /tmp/big.tar -C /opt
`,
    },
    {
      name: "a copied script or config weighs nothing worth a finding, and a tree needs a recursive rm",
      code: `FROM debian:12
COPY library-scripts/common.sh /tmp/library-scripts/
COPY vendor /tmp/vendor
COPY cpanfile /tmp/cpanfile
RUN bash /tmp/library-scripts/common.sh && rm -rf /tmp/library-scripts /tmp/cpanfile
RUN rm -f /tmp/vendor
`,
    },
    {
      name: "a file a RUN made, not the copied one, is removed",
      code: `FROM debian:12
COPY app.conf /etc/app/
RUN rm -f /etc/app/app.conf.bak
`,
    },
    // A malformed bracket class is no glob: the shell passes the word on as written (found by pnpm fuzz).
    `FROM debian:12
RUN apt-get update && rm -rf [ [z-a]
`,
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
`,
    `FROM debian:12
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN rm -rf /var/lib/apt/lists/*
`,
    {
      name: "another stage",
      code: `FROM debian:12 AS a
RUN apt-get update
FROM debian:12
RUN rm -rf /var/lib/apt/lists/*
`,
    },
    {
      name: "a cache mount keeps the lists out of the layer",
      code: `FROM debian:12
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update
RUN rm -rf /var/lib/apt/lists/*
`,
    },
    {
      name: "the removing RUN cleans its own install",
      code: `FROM debian:12
RUN apt-get update && apt-get install -y a
RUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*
`,
    },
    `FROM alpine:3.20
RUN apk add --no-cache curl
RUN rm -rf /var/cache/apk/*
`,
    `FROM python:3.12
RUN pip install --no-cache-dir flask
RUN rm -rf /root/.cache/pip
`,
    `FROM python:3.12
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask
RUN pip cache purge
`,
    {
      name: "the cache is off as no-leftover-pip-cache reads it: an ARG, a base stage's ENV, the command's own variable",
      code: `FROM python:3.12 AS base
ARG PIP_NO_CACHE_DIR=1
RUN pip install flask
RUN pip cache purge
FROM python:3.12 AS env
ENV PIP_NO_CACHE_DIR=true
FROM env
RUN pip install flask && PIP_NO_CACHE_DIR=1 pip install gunicorn
RUN pip cache purge
`,
    },
    {
      name: "commands that fill no cache, as the no-leftover rules read them, and a pip cache command that cleans nothing",
      code: `FROM rockylinux:9
RUN dnf --cacheonly install -y httpd
RUN dnf clean all
FROM alpine:3.20
RUN apk add --no-network /pkgs/curl.apk
RUN apk cache clean
FROM node:22
RUN yarn install --cache-folder /tmp/yarn-cache
RUN yarn cache clean
FROM python:3.12
RUN pip install flask
RUN pip cache dir
`,
    },
    {
      name: "a streamed download writes no file",
      code: `FROM debian:12
RUN wget -qO- https://example.com/a.tgz | tar -xz
RUN rm -f a.tgz
`,
    },
    {
      name: "a removal below a created directory",
      code: `FROM debian:12
RUN mkdir /build && cd /build && cmake ..
RUN rm -rf /build/tmp
`,
    },
    {
      name: "an ONBUILD removal runs in the child",
      code: `FROM debian:12
RUN apt-get update
ONBUILD RUN rm -rf /var/lib/apt/lists/*
`,
    },
    {
      // Fails if an rm is skipped when only the RUN itself (and no earlier layer) has made files.
      name: "a download removed by the RUN that made it is gone for later RUNs",
      code: `FROM debian:12
RUN curl -o /tmp/a.tgz https://x.org/a.tgz && tar -xzf /tmp/a.tgz -C /opt && rm /tmp/a.tgz
RUN rm -f /tmp/a.tgz
`,
    },
    {
      name: "a different download",
      code: `FROM debian:12
RUN curl -o /tmp/a.tgz https://x.org/a.tgz && rm /tmp/a.tgz
RUN rm /tmp/b.tgz
`,
    },
  ],
  invalid: [
    {
      name: "a directory copied into a directory: what it holds lands there, not the directory itself",
      code: `FROM ubuntu:24.04
COPY patches/ /tmp/patches/
RUN /tmp/patches/apply.sh && rm -rf /tmp/patches
`,
      errors: [
        {
          messageId: "copied",
          message:
            "'/tmp/patches' was put into the image by the COPY on line 2; removing it in a later layer does not shrink the image. Mount it into the RUN that needs it instead (RUN --mount=type=bind,source=patches/,target=/tmp/patches), or use it in a build stage.",
          line: 3,
          column: 30,
        },
      ],
    },
    {
      name: "a removal with a negated bracket class",
      code: `FROM debian:12
ADD https://e.com/app.tgz /tmp/app.tgz
RUN rm -rf /tmp/[!x]*
`,
      errors: [{ messageId: "download", line: 3 }],
    },
    {
      // COPY and ADD are followed only when a later RUN removes something: the earlier of two downloads to one path
      // is still the one named, and a copied file is placed by the WORKDIR of its COPY.
      name: "a removal names the earliest layer, however late COPY and ADD are followed",
      code: `FROM debian:12
ADD https://e.com/app.tgz /tmp/app.tgz
RUN curl -fsSLo /tmp/app.tgz https://e.com/app.tgz
WORKDIR /src
COPY data.tar .
WORKDIR /
RUN rm /tmp/app.tgz data.tar && rm /src/data.tar
`,
      errors: [
        {
          messageId: "download",
          message:
            "'/tmp/app.tgz' comes from the ADD on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
        },
        { messageId: "copiedArchive", line: 7, column: 33 },
      ],
    },
    {
      name: "apt-get dist-clean (apt 2.7) in a later RUN empties the lists and archives of an earlier one",
      code: `FROM debian:13
RUN apt-get update && apt-get install -y curl
RUN apt-get dist-clean
`,
      errors: [
        {
          messageId: "cache",
          message:
            "'apt-get dist-clean' cleans a package cache that the RUN on line 2 filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.",
          line: 3,
          column: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: "PowerShell: a download removed in a later RUN, with a backtick escape directive",
      code: `# escape=\`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
WORKDIR C:\\build
RUN Invoke-WebRequest -Uri https://e.com/node.msi -OutFile node.msi; \`
    Start-Process msiexec.exe -Wait -ArgumentList '/i', 'node.msi', '/quiet'
RUN Remove-Item -Force C:\\build\\node.msi
`,
      errors: [
        {
          messageId: "download",
          message:
            "'C:\\build\\node.msi' comes from the RUN on line 5; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 7,
          column: 5,
          endColumn: 41,
        },
      ],
    },
    {
      name: "the range starts at the command, not at the then or else (and the comment) before it",
      code: `FROM debian:12
COPY a.tar b.tar /tmp/
RUN if true; then rm -f /tmp/a.tar; \\
    else \\
    # the other one
      rm -f /tmp/b.tar; fi
`,
      errors: [
        { messageId: "copiedArchive", line: 3, column: 19, endColumn: 35 },
        { messageId: "copiedArchive", line: 6, column: 7, endColumn: 23 },
      ],
    },
    {
      name: "a mount target in the home folder is written out: BuildKit reads no ~ there",
      code: `FROM debian:12
COPY app.tar.gz /root/
RUN tar -xf /root/app.tar.gz -C /opt && rm -f ~/app.tar.gz
`,
      errors: [
        {
          messageId: "copiedArchive",
          message:
            "'~/app.tar.gz' was put into the image by the COPY on line 2; removing it in a later layer does not shrink the image. Let ADD unpack it, mount it into the RUN that needs it (RUN --mount=type=bind,source=app.tar.gz,target=/root/app.tar.gz), or use it in a build stage.",
          line: 3,
        },
      ],
    },
    {
      name: "a copied archive removed in a later layer",
      code: `FROM debian:12
COPY big.tar /tmp/
RUN tar -xf /tmp/big.tar -C /opt && rm /tmp/big.tar
`,
      errors: [
        {
          messageId: "copiedArchive",
          message:
            "'/tmp/big.tar' was put into the image by the COPY on line 2; removing it in a later layer does not shrink the image. Let ADD unpack it, mount it into the RUN that needs it (RUN --mount=type=bind,source=big.tar,target=/tmp/big.tar), or use it in a build stage.",
          line: 3,
          column: 37,
        },
      ],
    },
    {
      name: "cmd: curl.exe download, then del in a later RUN; ADD of a URL removed by rd",
      code: `FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
ADD https://e.com/tools.zip C:/tools/
RUN curl.exe -fsSLo %TEMP%\\git.exe https://e.com/git.exe && %TEMP%\\git.exe /SILENT
RUN del /q %TEMP%\\git.exe && rd /s /q C:\\tools
`,
      errors: [
        { messageId: "download", line: 4, column: 5, endColumn: 26 },
        { messageId: "download", line: 4, column: 30, endColumn: 47 },
      ],
    },
    {
      name: "Chocolatey's download cache cleaned in a later RUN",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN choco install -y git nodejs
RUN Remove-Item -Recurse -Force $env:TEMP\\chocolatey
`,
      errors: [{ messageId: "cache", line: 4 }],
    },
    {
      name: "a file from another stage, and one copied to a relative path under WORKDIR",
      code: `FROM debian:12
COPY --from=build /out/app.whl /tmp/app.whl
WORKDIR /src
COPY wheels.tar.gz .
COPY src /opt/src
RUN pip install --no-cache-dir /tmp/app.whl && rm -f /tmp/app.whl
RUN rm wheels.tar.gz
RUN rm -rf /opt/src
`,
      errors: [
        {
          messageId: "copied",
          message:
            "'/tmp/app.whl' was put into the image by the COPY on line 2; removing it in a later layer does not shrink the image. Mount it into the RUN that needs it instead (RUN --mount=type=bind,from=build,source=/out/app.whl,target=/tmp/app.whl), or use it in a build stage.",
          line: 6,
          column: 48,
        },
        { messageId: "copiedArchive", line: 7, column: 5 },
        { messageId: "copied", line: 8, column: 5 },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get update && apt-get install -y curl
RUN rm -rf /var/lib/apt/lists/*
`,
      errors: [
        {
          messageId: "cache",
          message:
            "'rm /var/lib/apt/lists/*' cleans a package cache that the RUN on line 2 filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 32,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN apt-get install -y curl
RUN echo done && apt-get clean
`,
      errors: [
        {
          messageId: "cache",
          message:
            "'apt-get clean' cleans a package cache that the RUN on line 2 filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.",
          line: 3,
          column: 18,
          endColumn: 31,
        },
      ],
    },
    {
      name: "the word is found across a continuation",
      code: `FROM centos:7
RUN yum install -y make
RUN echo a \\
  # comment
  && yum clean all
`,
      errors: [{ messageId: "cache", line: 5, column: 6, endLine: 5, endColumn: 19 }],
    },
    {
      code: `FROM alpine:3.20
RUN apk add curl
RUN rm -rf /var/cache/apk/*
`,
      errors: [{ messageId: "cache", line: 3, column: 5 }],
    },
    {
      code: `FROM python:3.12
RUN pip install flask
RUN rm -rf ~/.cache
`,
      errors: [{ messageId: "cache", line: 3 }],
    },
    {
      code: `FROM node:22
RUN npm ci
RUN npm cache clean --force
`,
      errors: [{ messageId: "cache", line: 3, column: 5, endColumn: 28 }],
    },
    {
      code: `FROM debian:12
RUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt
RUN rm /tmp/app.tgz
`,
      errors: [
        {
          messageId: "download",
          message:
            "'/tmp/app.tgz' comes from the RUN on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 3,
          column: 5,
          endColumn: 20,
        },
      ],
    },
    {
      name: "wget into the working directory",
      code: `FROM debian:12
WORKDIR /src
RUN wget https://example.com/v1.2/tool.tar.gz
RUN tar -xzf tool.tar.gz && rm tool.tar.gz
`,
      errors: [{ messageId: "download", line: 4, column: 29, endColumn: 43 }],
    },
    {
      code: `FROM debian:12
ADD https://example.com/tool.tgz /tmp/
RUN tar -xzf /tmp/tool.tgz -C /opt && rm -rf /tmp/*
`,
      errors: [
        {
          messageId: "download",
          message:
            "'/tmp/tool.tgz' comes from the ADD on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 3,
          column: 39,
        },
      ],
    },
    {
      name: "a repository ADD clones is in its layer, whatever form its address takes",
      code: `FROM debian:12
ADD https://github.com/a/b.git#v1.2.0 /src/b/
ADD git@github.com:a/c.git /src/c
RUN make -C /src/b install && make -C /src/c install
RUN rm -rf /src/b /src/c
`,
      errors: [
        {
          messageId: "download",
          message:
            "'/src/b' comes from the ADD on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 5,
          column: 5,
        },
      ],
    },
    {
      code: `FROM debian:12
RUN git clone https://github.com/a/b.git /src/b && make -C /src/b install
RUN rm -rf /src/b
`,
      errors: [{ messageId: "buildDir", line: 3, column: 5 }],
    },
    {
      // Each mkdir is read when a later cd needs it: one before the first cd, one between two cds, relative ones.
      name: "directories made, then entered after other commands and other cds",
      code: `FROM debian:12
RUN mkdir -p /opt/a /opt/b && cd /opt/b && make && cd /src && mkdir out && cd /opt/a && make && cd /src/out
RUN rm -rf /opt/a
RUN rm -rf /src/out
RUN rm -rf /opt/b
`,
      errors: [
        { messageId: "buildDir", line: 3, column: 5 },
        { messageId: "buildDir", line: 4, column: 5 },
        { messageId: "buildDir", line: 5, column: 5 },
      ],
    },
    {
      name: "a directory made and entered",
      code: `FROM debian:12
RUN mkdir -p /tmp/build && cd /tmp/build && cmake /src && make
RUN rm -rf /tmp/build
`,
      errors: [
        {
          messageId: "buildDir",
          message:
            "'/tmp/build' was created by the RUN on line 2; removing it in a later layer does not shrink the image. Remove it in the RUN that creates it, or build in a separate stage.",
          line: 3,
        },
      ],
    },
    {
      name: "a heredoc body",
      code: `FROM debian:12
RUN apt-get update
RUN <<EOF
set -e
rm -rf /var/lib/apt/lists/*
EOF
`,
      errors: [{ messageId: "cache", line: 5, column: 1, endColumn: 28 }],
    },
  ],
});
