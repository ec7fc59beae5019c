import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-secret-file-copy.js";

ruleTester.run(rule, {
  valid: [
    "FROM node:22\nCOPY .env.example .env.sample ./\n",
    "FROM node:22\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n",
    "FROM node:22\nCOPY .envrc environment.ts ./\n",
    "FROM node:22 AS build\nCOPY .env .npmrc ./\nRUN npm run build\nFROM nginx:1\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
    "FROM node:22\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/sa.json\nCOPY app.js /app/\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nCOPY .env ./\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM node:22\nCOPY config/.env.production.local /app/\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 34 }],
    },
    {
      code: "FROM node:22\nCOPY package.json \\\n     .env \\\n     ./\n",
      errors: [{ messageId: "secretFile", line: 3, column: 6, endColumn: 10 }],
    },
    {
      code: "FROM alpine:3\nCOPY ~/.ssh/id_ed25519 /root/.ssh/\nADD .aws /root/.aws\n",
      errors: [
        { messageId: "secretFile", line: 2, column: 6, endColumn: 23 },
        { messageId: "secretFile", line: 3, column: 5, endColumn: 9 },
      ],
    },
    {
      code: "FROM alpine:3 AS base\nCOPY .netrc /root/\nFROM base\n",
      errors: [{ messageId: "secretFile", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: "FROM alpine:3 AS keys\nFROM alpine:3\nCOPY --from=keys /root/.docker/ /root/.docker/\n",
      errors: [{ messageId: "secretFile", line: 3, column: 18, endColumn: 32 }],
    },
    {
      code: 'FROM python:3\nENV GOOGLE_APPLICATION_CREDENTIALS="/app/sa.json"\nCOPY sa.json /app/\n',
      errors: [{ messageId: "credentialPath", line: 3, column: 14, endColumn: 19 }],
    },
    {
      code: 'FROM python:3\nCOPY ["cert.p12", "/etc/app/"]\n',
      errors: [{ messageId: "secretFile", line: 2, column: 7, endColumn: 17 }],
    },
  ],
});
