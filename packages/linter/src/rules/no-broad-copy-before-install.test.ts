import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-broad-copy-before-install.js";

ruleTester.run(rule, {
  valid: [
    `FROM node:22
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build
`,
    {
      name: "manifests copied before the broad copy",
      code: `FROM node:22
COPY package.json yarn.lock ./
RUN yarn install
COPY . .
RUN yarn install --production
`,
    },
    {
      name: "a bind mount of the manifests",
      code: `FROM node:22
COPY . .
RUN --mount=type=bind,source=package.json,target=package.json npm ci
`,
    },
    {
      name: "dependencies installed from bind mounts, then the project",
      code: `FROM python:3.12
RUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --no-install-project
COPY . /app
RUN uv sync
`,
    },
    {
      name: "installing named packages needs no manifest",
      code: `FROM node:22
COPY . .
RUN npm install -g serve
`,
    },
    {
      name: "pip install of the project itself",
      code: `FROM python:3.12
COPY . .
RUN pip install -r requirements.txt .
`,
    },
    {
      name: "a copy from another stage",
      code: `FROM golang:1.23
COPY --from=src /src .
RUN go mod download
`,
    },
    {
      name: "go build needs the sources",
      code: `FROM golang:1.23
COPY . .
RUN go build ./...
`,
    },
    {
      name: "a requirements directory copied first",
      code: `FROM python:3.12
COPY requirements/ requirements/
RUN pip install -r requirements/prod.txt
COPY . .
`,
    },
    {
      name: "a source dir when the manifests came first",
      code: `FROM node:22
COPY package.json package-lock.json ./
COPY src/ src/
RUN npm ci
`,
    },
  ],
  invalid: [
    // An install before any broad COPY is skipped without being read; the one after it is still reported.
    {
      code: `FROM node:22
WORKDIR /app
RUN npm install -g pnpm
COPY . .
RUN npm ci
`,
      errors: [{ messageId: "broadCopy", line: 4, column: 6, endColumn: 7 }],
    },
    {
      code: `FROM node:22
WORKDIR /app
COPY . .
RUN npm ci && npm run build
`,
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
      code: `FROM python:3.12
COPY ./ /app/
RUN pip install --no-cache-dir -r /app/../app/req.txt -r requirements-dev.txt
`,
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
      code: `FROM golang:1.23
COPY . .
RUN go mod download
RUN go build -o /app .
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: `FROM ruby:3.3
COPY . /app
RUN bundle install
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: `FROM rust:1
COPY . .
RUN cargo fetch
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: `FROM maven:3
COPY . .
RUN mvn -B dependency:go-offline
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: `FROM composer:2
COPY . .
RUN composer install --no-dev
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      code: `FROM debian:12
COPY . /src
RUN apt-get update && xargs -a packages.txt apt-get install -y
`,
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
      code: `FROM debian:12
COPY . /src
RUN apt-get install -y $(cat apt.txt)
`,
      errors: [{ messageId: "broadCopy", line: 2 }],
    },
    {
      name: "a source directory copied before the manifests",
      code: `FROM node:22
COPY src/ src/
COPY package.json package-lock.json ./
RUN npm ci
`,
      errors: [{ messageId: "broadCopy", line: 2, column: 6, endColumn: 10 }],
    },
  ],
});
