import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-broad-copy-before-install.js";

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
  ],
});
