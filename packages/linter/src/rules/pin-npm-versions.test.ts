import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-npm-versions.js";

ruleTester.run(rule, {
  valid: [
    `FROM node:22
RUN npm install
`,
    `FROM node:22
RUN npm ci && npm install --production
`,
    `FROM node:22
RUN npm install -g npm@10.8.2 @angular/cli@18 typescript@^5
`,
    `FROM node:22
RUN npm install ./lib ../x /opt/y file:z ./pkg.tgz https://x/y.tgz
`,
    `FROM node:22
RUN npm install git+https://github.com/a/b.git#v1 github:a/b#abc a/b#v2
`,
    `FROM node:22
RUN npm install $PKG
`,
    `FROM node:22
RUN npm run build && npm test
`,
  ],
  invalid: [
    {
      name: "yarn add and yarn global add",
      code: `FROM node:22
RUN yarn global add foxx-cli && yarn add --dev next left-pad@1.3.0 && yarn install --frozen-lockfile
RUN npm install -g --depth 0 pnpm@9.1.0
`,
      errors: [
        { messageId: "unpinned", line: 2, column: 21, endColumn: 29 },
        { messageId: "unpinned", line: 2, column: 48, endColumn: 52 },
      ],
    },
    {
      name: "npm in a PowerShell script",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN npm install -g typescript; npm install -g eslint@9.0.0
`,
      errors: [{ messageId: "unpinned", line: 3, column: 20, endColumn: 30 }],
    },
    {
      code: `FROM node:22
RUN npm install -g typescript
`,
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
      code: `FROM node:22
RUN npm i --save-dev @types/node eslint@9
`,
      errors: [{ messageId: "unpinned", line: 2, column: 22, endColumn: 33 }],
    },
    {
      code: `FROM node:22
RUN npm install --prefix /app git+https://github.com/a/b.git
`,
      errors: [{ messageId: "unpinned", line: 2, column: 31 }],
    },
  ],
});
