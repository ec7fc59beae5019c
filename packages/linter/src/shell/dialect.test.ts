import { type Instruction, parse, type Run, semanticModel } from "@hull/parser";
import { describe, expect, it } from "vitest";
import { activeShell, binShOfImage, isWindowsImage, programDialect } from "./dialect.js";
import { shellNames } from "./lexer.js";
import { runShell, scriptCommands } from "./run.js";
import { cmdEnvNames, parseCmd } from "./tools/cmd.js";
import { parameter, parsePowershell, positionals, powershellEnvNames } from "./tools/powershell.js";

/** The last RUN of a Dockerfile (an ONBUILD trigger counts) with its shell read in the file's context. */
function lastRun(code: string) {
  const { ast } = parse(code);
  const semantic = semanticModel(ast);
  const runs = ast.stages
    .flatMap((s) => s.instructions)
    .map((i: Instruction) => (i.type === "Onbuild" ? i.trigger : i))
    .filter((i): i is Run => i?.type === "Run");
  const node = runs[runs.length - 1]!;
  return { code, node, semantic, shell: runShell(node, { semantic }) };
}

describe("programDialect", () => {
  it.each([
    ["/bin/bash", "posix"],
    ["BASH", "posix"],
    ["busybox", "unknown"],
    ["PowerShell.EXE", "powershell"],
    ["C:\\Program Files\\PowerShell\\7\\pwsh.exe", "powershell"],
    ["C:\\Windows\\System32\\cmd.exe", "cmd"],
    ["CMD", "cmd"],
    ["cmd.exe.bak", "unknown"],
    [".exe", "unknown"],
    ["chmod", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (program, dialect) => {
    expect(programDialect(program)).toBe(dialect);
  });
  it("knows every shell name, in any case and with .exe", () => {
    for (const name of shellNames) {
      expect(programDialect(name)).toBe("posix");
      expect(programDialect(`/usr/bin/${name.toUpperCase()}.Exe`)).toBe("posix");
    }
  });
});

describe("isWindowsImage", () => {
  it.each([
    ["mcr.microsoft.com/windows/servercore:ltsc2022", true],
    ["mcr.microsoft.com/windows/nanoserver:1809", true],
    ["mcr.microsoft.com/windows:1809", true],
    ["mcr.microsoft.com/windows/server:ltsc2022", true],
    ["microsoft/windowsservercore", true],
    ["mcr.microsoft.com/powershell:lts-windowsservercore-ltsc2022", true],
    ["python:3.12-windowsservercore-ltsc2022", true],
    ["golang:1.22-nanoserver-ltsc2022", true],
    ["mcr.microsoft.com/dotnet/framework/sdk:4.8", true],
    ["mcr.microsoft.com/powershell:lts-ubuntu-22.04", false],
    ["mcr.microsoft.com/dotnet/sdk:8.0", false],
    ["dockurr/windows", false],
    ["debian:12", false],
    ["myregistry/windows-tools-builder:1", false],
    ["plugins/base:windows-1809", true],
    ["plugins/docker:windows-ltsc2022-amd64", true],
    ["example/app:1.2-ltsc2019@sha256:" + "0".repeat(64), true],
    ["example/app:windowsfoo", false],
    ["example/app:1.0-linux", false],
  ])("%s → %s", (image, expected) => {
    expect(isWindowsImage(image)).toBe(expected);
  });
});

describe("binShOfImage", () => {
  it.each([
    ["centos:7", "bash"],
    ["quay.io/pypa/manylinux2014_x86_64", "bash"],
    ["quay.io/pypa/manylinux_2_28_aarch64:2024.10.26-1", "bash"],
    ["quay.io/pypa/manylinux_2_24_x86_64", "dash"],
    ["quay.io/pypa/musllinux_1_2_x86_64", "busybox"],
    ["docker.io/library/fedora:40", "bash"],
    ["registry.access.redhat.com/ubi9/ubi-minimal:9.4", "bash"],
    ["redhat/ubi8", "bash"],
    ["quay.io/centos/centos:stream9", "bash"],
    ["rockylinux/rockylinux:9", "bash"],
    ["amazonlinux:2023", "bash"],
    ["opensuse/leap:15.6", "bash"],
    ["photon:5.0", "bash"],
    ["mcr.microsoft.com/cbl-mariner/base/core:2.0", "bash"],
    ["mcr.microsoft.com/azurelinux/base/core:3.0", "bash"],
    ["mcr.microsoft.com/dotnet/sdk:8.0-azurelinux3.0", "bash"],
    ["mcr.microsoft.com/dotnet/runtime:8.0-cbl-mariner2.0", "bash"],
    ["example.com/photonic:1", null],
    ["ghcr.io/mailu/alpine:3.21", "busybox"],
    ["alpine/git:2.47.2", "busybox"],
    ["docker.io/alpine/helm", "busybox"],
    ["registry.example.com/mirror/ubuntu:24.04", "dash"],
    ["example.com/team/rockylinux", "bash"],
    ["example.com/team/alpine-tools:1", null],
    ["CentOS:7", "bash"],
    ["debian:12", "dash"],
    ["ubuntu:24.04", "dash"],
    ["buildpack-deps:bookworm-curl", "dash"],
    ["python:3.12-slim-bookworm", "dash"],
    ["eclipse-temurin:21-jammy", "dash"],
    ["mcr.microsoft.com/devcontainers/base:jammy", "dash"],
    ["alpine:3.20", "busybox"],
    ["docker.io/library/alpine", "busybox"],
    ["busybox:1.36", "busybox"],
    ["node:22-alpine", "busybox"],
    ["golang:1.23-alpine3.20", "busybox"],
    ["nginx:1.27-alpine-slim", "busybox"],
    ["docker:29-cli", "busybox"],
    ["nvidia/cuda:12.6.3-cudnn-devel-ubuntu24.04", "dash"],
    ["mcr.microsoft.com/devcontainers/base:ubuntu", "dash"],
    ["example.com/builder:1.2-debian12", "dash"],
    ["nvidia/cuda:12.6.3-devel-ubi9", "bash"],
    ["nvidia/cuda:12.6.3-runtime-rockylinux9", "bash"],
    ["amazoncorretto:21-al2023", "bash"],
    ["openjdk:22-oraclelinux8", "bash"],
    ["rocm/dev-almalinux-8:6.2-complete", "bash"],
    ["rocm/dev-ubuntu-22.04:6.2", "dash"],
    ["ghcr.io/oracle/oraclelinux:8", "bash"],
    ["registry.fedoraproject.org/fedora-minimal:latest", "bash"],
    ["node:24", "dash"],
    ["python:3.13-slim", "dash"],
    ["docker.io/library/golang:1.26.6", "dash"],
    ["postgres", "dash"],
    ["openjdk:22", null],
    ["example.com/node:24", null],
    ["clearlinux:latest", "bash"],
    ["clearlinux/mariadb", "bash"],
    ["ghcr.io/clearlinux/os-core:latest", "bash"],
    ["quay.io/almalinuxorg/almalinux:9", "bash"],
    ["container-registry.oracle.com/os/oraclelinux:9-slim", "bash"],
    ["ghcr.io/linuxserver/baseimage-alpine:3.23", "busybox"],
    ["lscr.io/linuxserver/baseimage-ubuntu:noble", "dash"],
    ["example.com/baseimage-alpine-tools:1", null],
    ["ghcr.io/oracle/oraclelinux-tools:8", null],
    ["example.com/ci/centos7-builder", "bash"],
    ["example.com/alpine3.20-tools@sha256:0123", "busybox"],
    ["example.com/tools:ubiquitous", null],
    ["example.com/tools:v2-alpha", null],
    ["example.com/tools:debianized", null],
    ["example.com/python:3.12-alpineish", null],
    ["example.com/alpine-tools:1", null],
    ["python:3.12-slim", "dash"],
    ["example.com/bookworm-tools:1", null],
    ["example.com/ubuntu-tools:1", null],
    ["example.com/tools-fedora:40", null],
    ["example.com/myubuntu22:1", null],
    ["mycentos:1", null],
    ["centosish", null],
    ["registry.access.redhat.com", null],
  ])("%s: %s", (name, sh) => {
    expect(binShOfImage(name)).toBe(sh);
  });
});

describe("activeShell", () => {
  it.each([
    ["FROM debian:12\nRUN a\n", "posix"],
    ["FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a\n", "cmd"],
    ["FROM --platform=windows/amd64 example.com/tools:1\nRUN a\n", "cmd"],
    ['FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN a\n', "powershell"],
    ['FROM debian:12\nRUN a\nSHELL ["pwsh", "-Command"]\n', "posix"],
    [
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["C:\\\\Windows\\\\System32\\\\cmd.exe", "/S", "/C"]\nRUN a\n',
      "cmd",
    ],
    ['FROM x AS base\nSHELL ["powershell", "-Command"]\nFROM base\nRUN a\n', "powershell"],
    [
      'FROM x AS base\nSHELL ["powershell", "-Command"]\nFROM base\nSHELL ["/bin/bash", "-c"]\nRUN a\n',
      "posix",
    ],
    ['FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-c"]\nRUN a\n', "posix"],
    ['FROM debian:12\nSHELL ["conda", "run", "-n", "env", "/bin/bash", "-c"]\nRUN a\n', "posix"],
    ['FROM debian:12\nSHELL ["python3", "-c"]\nRUN a\n', "unknown"],
    // A global ARG that names a Windows image.
    ["ARG BASE=mcr.microsoft.com/windows/nanoserver\nFROM ${BASE}:ltsc2022\nRUN a\n", "cmd"],
    // An ONBUILD trigger gets the shell in effect at its ONBUILD.
    ['FROM debian:12\nSHELL ["powershell", "-Command"]\nONBUILD RUN a\n', "powershell"],
    ["FROM debian:12\nONBUILD RUN a\n", "posix"],
    // A file without SHELL or Windows base needs no table; one with either has one for every stage.
    ["FROM a AS x\nRUN a\nFROM x\nRUN b\n", "posix"],
    ['FROM a AS x\nSHELL ["cmd", "/C"]\nFROM b\nRUN b\n', "posix"],
    ['FROM a AS x\nSHELL ["cmd", "/C"]\nFROM x\nRUN b\n', "cmd"],
    // hadolint's shell pragma (and hull's): before the first FROM for every stage, in a stage from there on.
    ["# hadolint shell=powershell\nFROM in-house/windows-base\nRUN a\n", "powershell"],
    ["# hadolint shell=powershell\nFROM a\nRUN x\nFROM b\nRUN a\n", "powershell"],
    ["FROM in-house/windows-base\n# hadolint shell=pwsh\nRUN a\n", "powershell"],
    ["FROM in-house/windows-base\nRUN a\n# hadolint shell=pwsh\n", "posix"],
    ["FROM a\n# hadolint shell=powershell\nRUN x\nFROM b\nRUN a\n", "posix"],
    ["FROM a AS w\n# Hull shell=cmd\nFROM w\nRUN a\n", "cmd"],
    ['# hadolint shell=powershell\nFROM a\nSHELL ["/bin/sh", "-c"]\nRUN a\n', "posix"],
    ["FROM mcr.microsoft.com/windows/servercore:ltsc2022\n# hadolint shell=bash\nRUN a\n", "posix"],
    ["#hadolint   shell = powershell  # the base image's\nFROM a\nRUN a\n", "powershell"],
    ["# hadolint is our linter; shell=powershell is not said to it\nFROM a\nRUN a\n", "posix"],
    // Windows PowerShell is only on Windows: a RUN that starts it says the image is a Windows one.
    ["FROM in-house/windows-base\nRUN powershell -Command iwr x -OutFile a ; Remove-Item a\nRUN a\n", "cmd"],
    ['FROM in-house/windows-base\nRUN ["powershell.exe", "-Command", "iwr x"]\nRUN a\n', "cmd"],
    [
      "FROM in-house/base AS w\nRUN C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -Command x\nFROM w\nRUN a\n",
      "cmd",
    ],
    ["FROM debian:12\nRUN pwsh -c 'x'\nRUN a\n", "posix"],
    // CircleCI's images set a bash SHELL in their config.
    ["FROM cimg/python:3.12\nRUN a\n", "posix"],
    // …also when the RUN is in a stage built on the one that names the image: the image is the same.
    ["FROM in-house/base AS b\nRUN a\nFROM b\nRUN powershell -Command x\n", "cmd"],
    ["FROM in-house/base AS b\nRUN powershell -Command x\nFROM debian:12\nRUN a\n", "posix"],
    ["FROM debian:12\nRUN echo powershell && powershellish\nRUN a\n", "posix"],
    // A SHELL of cmd or Windows PowerShell, or a USER of Windows' own, later in the chain says Windows too.
    ["ARG img\nFROM ${img}\nUSER ContainerAdministrator\nRUN if exist C:\\a del C:\\a\n", "cmd"],
    ['ARG img\nFROM ${img}\nRUN if exist C:\\a del C:\\a\nSHELL ["cmd", "/S", "/C"]\n', "cmd"],
    [
      'FROM in-house/base\nRUN a\nSHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-Command"]\n',
      "cmd",
    ],
    ['FROM in-house/base\nRUN a\nSHELL ["/bin/bash", "-c"]\nUSER containeruserx\n', "posix"],
  ])("%s → %s", (code, dialect) => {
    const { node, semantic } = lastRun(code);
    expect(activeShell(semantic, node).dialect).toBe(dialect);
  });

  it("gives CircleCI's images the SHELL of their config (cimg/base's)", () => {
    // `cimg/%%PARENT%%` in CircleCI's own templates.
    for (const image of [
      "cimg/python:3.12",
      "docker.io/cimg/base:2024.01",
      "cimg/node",
      "cimg/%%PARENT%%:1",
    ]) {
      const { node, semantic } = lastRun(`FROM ${image}\nRUN a\n`);
      expect(activeShell(semantic, node).argv).toEqual(["/bin/bash", "-exo", "pipefail", "-c"]);
    }
    for (const image of ["example.com/cimg/python:3", "cimgx/python:3"]) {
      const { node, semantic } = lastRun(`FROM ${image}\nRUN a\n`);
      expect(activeShell(semantic, node).argv).toEqual(["/bin/sh", "-c"]);
    }
  });

  it("knows Windows PowerShell from PowerShell 7", () => {
    const ps5 = lastRun('FROM x\nSHELL ["powershell", "-Command"]\nRUN a\n');
    const ps7 = lastRun('FROM x\nSHELL ["pwsh", "-Command"]\nRUN a\n');
    expect(activeShell(ps5.semantic, ps5.node).windowsPowershell).toBe(true);
    expect(activeShell(ps7.semantic, ps7.node).windowsPowershell).toBe(false);
  });
});

describe("runShell dialects", () => {
  it.each([
    ["FROM debian:12\nRUN apt-get update\n", "posix", "apt-get update"],
    [
      'FROM debian:12\nRUN pwsh -c "Install-Module X; Get-Module"\n',
      "powershell",
      "Install-Module X; Get-Module",
    ],
    ["FROM debian:12\nRUN pwsh -c 'Get-Module'\n", "powershell", "Get-Module"],
    ["FROM debian:12\nRUN pwsh -File x.ps1\n", "posix", "pwsh -File x.ps1"],
    ["FROM debian:12\nRUN pwsh -c a && echo b\n", "posix", "pwsh -c a && echo b"],
    [
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command $ErrorActionPreference = 'Stop'; iwr x\n",
      "powershell",
      "$ErrorActionPreference = 'Stop'; iwr x",
    ],
    [
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -NoProfile -ExecutionPolicy Bypass -Command "iwr x | iex"\n',
      "powershell",
      "iwr x | iex",
    ],
    // On an image whose name does not say Windows, but whose RUN starts Windows PowerShell: `;` is PowerShell's.
    [
      "FROM in-house/windows-base\nRUN powershell -Command wget https://x/a.zip -OutFile a.zip ; Remove-Item a.zip\n",
      "powershell",
      "wget https://x/a.zip -OutFile a.zip ; Remove-Item a.zip",
    ],
    // Windows PowerShell reads a bare argument as the command.
    [
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell Get-Item C:\\\\\n",
      "powershell",
      "Get-Item C:\\\\",
    ],
    // cmd splits on `&` before PowerShell sees anything.
    [
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command iwr x & echo done\n",
      "cmd",
      "powershell -Command iwr x & echo done",
    ],
    [
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cmd /S /C "mklink /D C:\\\\a C:\\\\b"\n',
      "cmd",
      "mklink /D C:\\\\a C:\\\\b",
    ],
    ['FROM debian:12\nRUN ["powershell", "-Command", "iwr x"]\n', "powershell", "iwr x"],
    ['FROM debian:12\nRUN ["cmd", "/S", "/C", "echo a"]\n', "cmd", "echo a"],
    [
      'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN <<EOF\nGet-Item a\nGet-Item b\nEOF\n',
      "powershell",
      "Get-Item a\nGet-Item b\n",
    ],
  ])("%s", (code, dialect, script) => {
    const { shell } = lastRun(code);
    expect([shell.dialect, shell.script]).toEqual([dialect, script]);
    // POSIX readers see nothing in another dialect.
    if (dialect !== "posix") expect(shell.commands).toEqual([]);
  });

  it("maps a PowerShell script back to the Dockerfile across a backtick continuation", () => {
    const code =
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest -Uri https://e.com/a.exe `\n    -OutFile a.exe; `\n  Remove-Item a.exe\n';
    const { shell } = lastRun(code);
    const commands = scriptCommands(shell);
    expect(commands.map((c) => c.base)).toEqual(["invoke-webrequest", "remove-item"]);
    const out = parameter(commands[0]!, ["OutFile"])!;
    expect(code.slice(...shell.span(out.start, out.end))).toBe("a.exe");
    const target = commands[1]!.args[0]!;
    expect(code.slice(...shell.span(target.start, target.end))).toBe("a.exe");
  });

  it("maps the script inside powershell -Command", () => {
    const code =
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command "iwr https://e.com/i.ps1 | iex"\n';
    const { shell } = lastRun(code);
    const iex = scriptCommands(shell)[1]!;
    expect(code.slice(...shell.span(iex.start, iex.end))).toBe("iex");
  });
});

describe("parsePowershell", () => {
  const names = (script: string, windowsPowershell = true) =>
    parsePowershell(script, windowsPowershell).map((c) => [c.operator, c.base, c.args.map((a) => a.value)]);
  it.each([
    [
      "iwr https://e.com/a -OutFile a; Remove-Item a",
      [
        [null, "invoke-webrequest", ["https://e.com/a", "-OutFile", "a"]],
        [";", "remove-item", ["a"]],
      ],
    ],
    [
      "iwr https://e.com/i.ps1 -UseBasicParsing | iex",
      [
        [null, "invoke-webrequest", ["https://e.com/i.ps1", "-UseBasicParsing"]],
        ["|", "invoke-expression", []],
      ],
    ],
    [
      "iex ((New-Object System.Net.WebClient).DownloadString('https://e.com/install.ps1'))",
      [
        [
          null,
          "invoke-expression",
          ["((New-Object System.Net.WebClient).DownloadString('https://e.com/install.ps1'))"],
        ],
      ],
    ],
    [
      "$x = Get-FileHash a.zip -Algorithm sha256",
      [[null, "get-filehash", ["a.zip", "-Algorithm", "sha256"]]],
    ],
    ["$ErrorActionPreference = 'Stop'", [[null, null, []]]],
    ["& $env:TEMP\\setup.exe /quiet", [[null, "setup", ["/quiet"]]]],
    ["& 'C:\\Program Files\\Git\\bin\\git.exe' --version", [[null, "git", ["--version"]]]],
    [
      "if ($a -eq 1) { Write-Host 'x;y' } else { exit 1 }",
      [
        [null, null, []],
        [";", "write-host", ["x;y"]],
        [";", null, []],
        [";", null, []],
      ],
    ],
    ['Write-Host "a `"b`" $(Get-Date)"', [[null, "write-host", ['a "b" $(Get-Date)']]]],
    ["Write-Host 'it''s' # comment ; not a command", [[null, "write-host", ["it's"]]]],
    [
      "a `\n  -b c\nd",
      [
        [null, "a", ["-b", "c"]],
        ["\n", "d", []],
      ],
    ],
    ["curl.exe -fsSLo a https://e.com/a", [[null, "curl", ["-fsSLo", "a", "https://e.com/a"]]]],
    ["wget https://e.com/a -OutFile a", [[null, "invoke-webrequest", ["https://e.com/a", "-OutFile", "a"]]]],
    ["<# block\n comment #> net user app P4ss /add", [[null, "net", ["user", "app", "P4ss", "/add"]]]],
  ] as const)("%s", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });

  it("reads curl and wget as programs in PowerShell 7", () => {
    expect(names("wget https://e.com/a", false)[0]![1]).toBe("wget");
    expect(names("curl https://e.com/a", false)[0]![1]).toBe("curl");
    expect(names("iwr https://e.com/a", false)[0]![1]).toBe("invoke-webrequest");
  });

  it("reads named and positional parameters", () => {
    const [iwr] = parsePowershell("Invoke-WebRequest -Uri:https://e.com/a -outf a.zip -UseBasicParsing");
    expect(parameter(iwr!, ["Uri"])?.value).toBe("https://e.com/a");
    expect(parameter(iwr!, ["OutFile"])?.value).toBe("a.zip");
    const [rm] = parsePowershell("Remove-Item -Recurse -Force C:\\a, C:\\b");
    expect(positionals(rm!, ["Recurse", "Force"]).map((w) => w.value)).toEqual(["C:\\a,", "C:\\b"]);
  });

  it("finds environment variables", () => {
    expect(powershellEnvNames("iwr $env:URL -OutFile ${env:OUT}; $Env:Path")).toEqual(["URL", "OUT", "Path"]);
  });
});

describe("parseCmd", () => {
  const names = (script: string) =>
    parseCmd(script).map((c) => [c.operator, c.base, c.args.map((a) => a.value)]);
  it.each([
    [
      "mkdir c:\\config && mkdir c:\\data",
      [
        [null, "mkdir", ["c:\\config"]],
        ["&&", "mkdir", ["c:\\data"]],
      ],
    ],
    ['setx /M PATH "%PATH%;C:\\bin"', [[null, "setx", ["/M", "PATH", "%PATH%;C:\\bin"]]]],
    [
      "echo a ^& b > out.txt & type out.txt",
      [
        [null, "echo", ["a", "&", "b"]],
        ["&", "type", ["out.txt"]],
      ],
    ],
    ["C:\\Windows\\System32\\net.exe user app P4ss /add", [[null, "net", ["user", "app", "P4ss", "/add"]]]],
    ["@echo off", [[null, "echo", ["off"]]]],
    [
      "(cd a) || exit /b 1",
      [
        [null, "cd", ["a"]],
        ["||", "exit", ["/b", "1"]],
      ],
    ],
  ] as const)("%s", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });

  it("finds environment variables", () => {
    expect(cmdEnvNames("curl -o %TEMP%\\a %URL% & echo %%i %~dp0 %PATH:;= %")).toEqual([
      "TEMP",
      "URL",
      "PATH",
    ]);
  });
});
