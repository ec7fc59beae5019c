import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-ignored-file.js";

const ignoreDockerfile = `
Dockerfile
`;

ruleTester.run(rule, {
  valid: [
    {
      name: "no .dockerignore",
      code: `FROM scratch
COPY Dockerfile .
`,
    },
    {
      name: "COPY --from reads another stage",
      code: `FROM scratch AS base
COPY Dockerfile /foobar
FROM base
COPY --from=base /foobar /Dockerfile
`,
      dockerignore: `
foobar
`,
    },
    {
      name: "exceptions switch the check off",
      code: `FROM scratch
COPY ./Dockerfile .
`,
      dockerignore: `**
!Dockerfile
`,
    },
    {
      name: "exceptions, even unrelated ones",
      code: `FROM scratch
COPY sub/a.txt /
`,
      dockerignore: `sub
!other.txt
`,
    },
    {
      name: "context root with dotfiles ignored",
      code: `FROM scratch
COPY . .
`,
      dockerignore: ".*\n",
    },
    {
      name: "URL",
      code: `FROM scratch
ADD https://example.org/app.tar /
`,
      dockerignore: `*.tar
https:
`,
    },
    {
      name: "Git",
      code: `FROM scratch
ADD git@github.com:owner/repo.git /src
`,
      dockerignore: "git@github.com:owner\n",
    },
    {
      name: "heredoc",
      code: `FROM scratch
COPY <<EOF /motd
hi
EOF
`,
      dockerignore: "<<EOF\n",
    },
    {
      name: "deeper match does not apply at the root",
      code: `FROM scratch
COPY app.log /
`,
      dockerignore: "logs/*.log\n",
    },
    {
      name: "value unknown here",
      code: `FROM alpine:3.20
COPY $SRC /
`,
      dockerignore: "secret\n",
    },
    {
      name: "build ARG without default",
      code: `FROM alpine:3.20
ARG SRC
COPY $SRC /
`,
      dockerignore: "\n",
    },
    {
      name: "comment lines",
      code: `FROM scratch
COPY src /src
`,
      dockerignore: "# src\n",
    },
    {
      name: "ONBUILD triggers use the child's context",
      code: `FROM scratch
ONBUILD COPY Dockerfile /
`,
      dockerignore: ignoreDockerfile,
    },
  ],
  invalid: [
    {
      name: "BuildKit: COPY and ADD of an ignored file",
      code: `
FROM scratch
COPY Dockerfile .
ADD Dockerfile /windy
`,
      dockerignore: ignoreDockerfile,
      errors: [
        {
          messageId: "ignored",
          message:
            "COPY source 'Dockerfile' is excluded by .dockerignore, so it is not in the build context.",
          line: 3,
          column: 6,
          endColumn: 16,
        },
        {
          messageId: "ignored",
          message: "ADD source 'Dockerfile' is excluded by .dockerignore, so it is not in the build context.",
          line: 4,
          column: 5,
        },
      ],
    },
    {
      name: "context root with everything ignored",
      code: `FROM scratch
COPY . .
`,
      dockerignore: "*\n",
      errors: [{ messageId: "contextIgnored", line: 2, column: 6, endColumn: 7 }],
    },
    {
      name: "inside an ignored directory",
      code: `FROM scratch
COPY node_modules/pkg/index.js ./
`,
      dockerignore: "node_modules\n",
      errors: [{ messageId: "ignored", line: 2, column: 6 }],
    },
    {
      name: "patterns and paths are cleaned",
      code: `FROM scratch
COPY ./dist/ /srv
COPY /build/app /srv
`,
      dockerignore: `/dist
  build/  
`,
      errors: [
        { messageId: "ignored", line: 2, column: 6, endColumn: 13 },
        { messageId: "ignored", line: 3, column: 6 },
      ],
    },
    {
      name: "expanded with the stage's values",
      code: `FROM alpine:3.20
ENV CONF=secrets
COPY --chown=app \${CONF}/app.env /etc/
`,
      dockerignore: "secrets\n",
      errors: [
        {
          messageId: "ignored",
          message:
            "COPY source 'secrets/app.env' is excluded by .dockerignore, so it is not in the build context.",
          line: 3,
          column: 18,
        },
      ],
    },
    {
      name: "a wildcard source matched literally, as BuildKit does",
      code: `FROM scratch
COPY ["*.md", "/docs/"]
`,
      dockerignore: "*.md\n",
      errors: [{ messageId: "ignored", line: 2, column: 7, endColumn: 13 }],
    },
  ],
});
