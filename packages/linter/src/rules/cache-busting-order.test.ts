import { ruleTester } from "../testing/rule-tester.js";
import rule from "./cache-busting-order.js";

ruleTester.run(rule, {
  valid: [
    "FROM node:22\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    {
      name: "manifests copied before the broad copy",
      code: "FROM node:22\nCOPY package.json yarn.lock ./\nRUN yarn install\nCOPY . .\nRUN yarn install --production\n",
    },
    {
      name: "a bind mount of the manifests",
      code: "FROM node:22\nCOPY . .\nRUN --mount=type=bind,source=package.json,target=package.json npm ci\n",
    },
    {
      name: "dependencies installed from bind mounts, then the project",
      code: "FROM python:3.12\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --no-install-project\nCOPY . /app\nRUN uv sync\n",
    },
    {
      name: "installing named packages needs no manifest",
      code: "FROM node:22\nCOPY . .\nRUN npm install -g serve\n",
    },
    {
      name: "pip install of the project itself",
      code: "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt .\n",
    },
    {
      name: "a copy from another stage",
      code: "FROM golang:1.23\nCOPY --from=src /src .\nRUN go mod download\n",
    },
    { name: "go build needs the sources", code: "FROM golang:1.23\nCOPY . .\nRUN go build ./...\n" },
    {
      name: "a requirements directory copied first",
      code: "FROM python:3.12\nCOPY requirements/ requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n",
    },
    {
      name: "a source dir when the manifests came first",
      code: "FROM node:22\nCOPY package.json package-lock.json ./\nCOPY src/ src/\nRUN npm ci\n",
    },
    {
      name: "ADD with a checksum is keyed by it",
      code: "FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /tmp/\nRUN apt-get update\n",
    },
    "FROM debian:12\nADD https://example.com/tini /tini\nRUN chmod +x /tini\nRUN apt-get update\n",
    "FROM debian:12\nARG VERSION\nRUN echo $VERSION\nRUN apt-get update\n",
    {
      name: "an ARG tools read from the environment",
      code: "FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\nRUN echo $DEBIAN_FRONTEND\n",
    },
    {
      name: "an ARG redeclared before its use",
      code: "FROM debian:12\nARG V=1\nRUN true\nARG V\nRUN echo ${V}\n",
    },
    { name: "a global ARG not redeclared", code: "ARG V=1\nFROM debian:12\nRUN true\nRUN echo $V\n" },
  ],
  invalid: [
    {
      code: "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n",
      errors: [
        {
          messageId: "broadCopy",
          message:
            "Copying '.' here re-runs 'npm ci' (line 4) whenever any copied file changes; copy package.json and package-lock.json first, install, then copy the rest.",
          line: 3,
          column: 6,
          endColumn: 7,
        },
      ],
    },
    {
      code: "FROM python:3.12\nCOPY ./ /app/\nRUN pip install --no-cache-dir -r /app/../app/req.txt -r requirements-dev.txt\n",
      errors: [
        {
          messageId: "broadCopy",
          message:
            "Copying './' here re-runs 'pip install' (line 3) whenever any copied file changes; copy requirements-dev.txt first, install, then copy the rest.",
          line: 2,
          column: 6,
        },
      ],
    },
    {
      code: "FROM golang:1.23\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: "FROM ruby:3.3\nCOPY . /app\nRUN bundle install\n",
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    { code: "FROM rust:1\nCOPY . .\nRUN cargo fetch\n", errors: [{ messageId: "broadCopy", line: 2 }] },
    {
      code: "FROM maven:3\nCOPY . .\nRUN mvn -B dependency:go-offline\n",
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: "FROM composer:2\nCOPY . .\nRUN composer install --no-dev\n",
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: "FROM debian:12\nCOPY . /src\nRUN apt-get update && xargs -a packages.txt apt-get install -y\n",
      errors: [
        {
          messageId: "broadCopy",
          message:
            "Copying '.' here re-runs 'apt-get install' (line 3) whenever any copied file changes; copy packages.txt first, install, then copy the rest.",
          line: 2,
        },
      ],
    },
    {
      code: "FROM debian:12\nCOPY . /src\nRUN apt-get install -y $(cat apt.txt)\n",
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      name: "a source directory copied before the manifests",
      code: "FROM node:22\nCOPY src/ src/\nCOPY package.json package-lock.json ./\nRUN npm ci\n",
      errors: [{ messageId: "broadCopy", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM debian:12\nADD https://example.com/tool.tgz /tmp/\nRUN apt-get update\nRUN tar -xzf /tmp/tool.tgz\n",
      errors: [
        {
          messageId: "remoteAdd",
          message:
            "'https://example.com/tool.tgz' is fetched again on every build, and the RUN on line 3 does not use it but is rebuilt whenever it changes; move this ADD down to just before its first use.",
          line: 2,
          column: 5,
          endColumn: 33,
        },
      ],
    },
    {
      name: "an ADD of a --build-arg-only value",
      code: "FROM debian:12\nARG URL\nADD $URL /opt/tool.tgz\nRUN apt-get update\nRUN tar -xzf /opt/tool.tgz\n",
      errors: [{ messageId: "remoteAdd", line: 3, column: 5 }],
    },
    {
      code: "FROM debian:12\nARG VERSION=1.2 OTHER\nRUN apt-get update\nRUN make\nRUN curl -O https://x.org/v${VERSION}.tgz\n",
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG VERSION is first used on line 5, and the 2 RUNs in between are rebuilt whenever its value changes; declare it just before its use.",
          line: 2,
          column: 5,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a global ARG redeclared in the stage",
      code: "ARG V=1\nFROM debian:12\nARG V\nRUN apt-get update\nLABEL version=$V\n",
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG V is first used on line 5, and the RUN in between is rebuilt whenever its value changes; declare it just before its use.",
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
