import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-secret-file-copy.js";

ruleTester.run(rule, {
  valid: [
    `FROM node:22
COPY .env.example .env.sample ./
`,
    `FROM node:22
COPY id_rsa.pub /root/.ssh/authorized_keys
`,
    `FROM node:22
COPY .envrc environment.ts ./
`,
    `FROM node:22 AS build
COPY .env .npmrc ./
RUN npm run build
FROM nginx:1
COPY --from=build /app/dist /usr/share/nginx/html
`,
    `FROM node:22
ENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/sa.json
COPY app.js /app/
`,
    {
      name: "a project's .docker folder of build assets, copied anywhere but a home directory's .docker",
      code: `FROM php:8.3-apache
COPY .docker /assets
COPY .docker/ /root/
COPY .docker/entrypoint.sh /entrypoint.sh
`,
    },
  ],
  invalid: [
    {
      code: `FROM node:22
COPY .env ./
`,
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: `FROM node:22
COPY config/.env.production.local /app/
`,
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 34 }],
    },
    {
      code: `FROM node:22
COPY package.json \\
     .env \\
     ./
`,
      errors: [{ messageId: "secretFile", line: 3, column: 6, endColumn: 10 }],
    },
    {
      code: `FROM alpine:3
COPY ~/.ssh/id_ed25519 /root/.ssh/
ADD .aws /root/.aws
`,
      errors: [
        { messageId: "secretFile", line: 2, column: 6, endColumn: 23 },
        { messageId: "secretFile", line: 3, column: 5, endColumn: 9 },
      ],
    },
    {
      code: `FROM alpine:3 AS base
COPY .netrc /root/
FROM base
`,
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: `FROM alpine:3 AS keys
FROM alpine:3
COPY --from=keys /root/.docker/ /root/.docker/
`,
      errors: [{ messageId: "secretFile", line: 3, column: 18, endColumn: 32 }],
    },
    {
      name: "Docker's config.json, or a .docker directory copied to a home directory's .docker",
      code: `FROM alpine:3
COPY ci/.docker/config.json /tmp/
COPY .docker /home/app/.docker
COPY .docker $HOME/.docker
COPY .docker ~/.docker/
WORKDIR /root
COPY .docker .docker
`,
      errors: [
        { messageId: "secretFile", line: 2, column: 6 },
        { messageId: "secretFile", line: 3, column: 6 },
        { messageId: "secretFile", line: 4, column: 6 },
        { messageId: "secretFile", line: 5, column: 6 },
        { messageId: "secretFile", line: 7, column: 6 },
      ],
    },
    {
      name: "a destination written as the variable itself",
      code: `FROM python:3
ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa.json
COPY key.json $GOOGLE_APPLICATION_CREDENTIALS
`,
      errors: [
        {
          messageId: "credentialPath",
          message:
            "The file copied to '/app/sa.json' is the credentials file named by GOOGLE_APPLICATION_CREDENTIALS; mount it as a secret instead.",
          line: 3,
          column: 15,
        },
      ],
    },
    {
      code: `FROM python:3
ENV GOOGLE_APPLICATION_CREDENTIALS="/app/sa.json"
COPY sa.json /app/
`,
      errors: [{ messageId: "credentialPath", line: 3, column: 14, endColumn: 19 }],
    },
    {
      code: `FROM python:3
COPY ["cert.p12", "/etc/app/"]
`,
      errors: [{ messageId: "secretFile", line: 2, column: 7, endColumn: 17 }],
    },
  ],
});
