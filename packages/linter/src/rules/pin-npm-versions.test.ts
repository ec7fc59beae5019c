import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-npm-versions.js";

ruleTester.run(rule, {
  valid: [
    "FROM node:22\nRUN npm install\n",
    "FROM node:22\nRUN npm ci && npm install --production\n",
    "FROM node:22\nRUN npm install -g npm@10.8.2 @angular/cli@18 typescript@^5\n",
    "FROM node:22\nRUN npm install ./lib ../x /opt/y file:z ./pkg.tgz https://x/y.tgz\n",
    "FROM node:22\nRUN npm install git+https://github.com/a/b.git#v1 github:a/b#abc a/b#v2\n",
    "FROM node:22\nRUN npm install $PKG\n",
    "FROM node:22\nRUN npm run build && npm test\n",
  ],
  invalid: [
    {
      code: "FROM node:22\nRUN npm install -g typescript\n",
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'typescript' is installed without a version; pin it with 'typescript@<version>'.",
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 30,
        },
      ],
    },
    {
      code: "FROM node:22\nRUN npm i --save-dev @types/node eslint@9\n",
      errors: [{ messageId: "unpinned", line: 2, column: 22, endColumn: 33 }],
    },
    {
      code: "FROM node:22\nRUN npm install --prefix /app git+https://github.com/a/b.git\n",
      errors: [{ messageId: "unpinned", line: 2, column: 31 }],
    },
  ],
});
