import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-yarn-cache.js";

ruleTester.run(rule, {
  valid: [
    "FROM node:22\nRUN yarn install && yarn cache clean\n",
    "FROM node:22\nRUN yarn install; yarn cache clean --all\n",
    "FROM node:22\nRUN --mount=type=cache,target=/root/.cache/yarn yarn install\n",
    "FROM node:22 AS deps\nRUN yarn install\nFROM node:22\nCOPY --from=deps /app /app\n",
    "FROM node:22\nRUN yarn build && yarn add x\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nRUN yarn install --frozen-lockfile\n",
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
      code: "FROM node:22 AS base\nRUN yarn --cwd /app install\nFROM base\n",
      errors: [{ messageId: "cache", line: 2, column: 5, endColumn: 28 }],
    },
  ],
});
