import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-yarn-cache.js";

ruleTester.run(rule, {
  valid: [
    `FROM node:22
WORKDIR /src
RUN --mount=type=bind,target=.,rw --mount=type=cache,target=/src/.yarn/cache yarn install
`,
    {
      name: "a build stage that only feeds COPY --from",
      code: `FROM node:22 AS deps
RUN yarn install
FROM deps AS build
RUN yarn run build
FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
`,
    },
    `FROM node:22
RUN yarn install && yarn cache clean
`,
    `FROM node:22
RUN yarn install; yarn cache clean --all
`,
    `FROM node:22
RUN --mount=type=cache,target=/root/.cache/yarn yarn install
`,
    `FROM node:22 AS deps
RUN yarn install
FROM node:22
COPY --from=deps /app /app
`,
    `FROM node:22
RUN yarn build && yarn add x
`,
  ],
  invalid: [
    {
      code: `FROM node:22
RUN yarn install --frozen-lockfile
`,
      errors: [
        {
          messageId: "cache",
          message:
            "'yarn install' leaves its package cache in the layer; run 'yarn cache clean' in the same RUN.",
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    {
      code: `FROM node:22 AS base
RUN yarn --cwd /app install
FROM base
`,
      errors: [{ messageId: "cache", line: 2, column: 5, endColumn: 28 }],
    },
    {
      name: "a clean before the install empties nothing the install keeps",
      code: `FROM node:22
RUN yarn install --frozen-lockfile && yarn cache clean && yarn install --production
`,
      errors: [{ messageId: "cache", line: 2, column: 59, endColumn: 71 }],
    },
  ],
});
