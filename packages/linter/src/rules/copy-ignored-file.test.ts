import { ruleTester } from "../testing/rule-tester.js";
import rule from "./copy-ignored-file.js";

const ignoreDockerfile = "\nDockerfile\n";

ruleTester.run(rule, {
  valid: [
    { name: "no .dockerignore", code: "FROM scratch\nCOPY Dockerfile .\n" },
    {
      name: "COPY --from reads another stage",
      code: "FROM scratch AS base\nCOPY Dockerfile /foobar\nFROM base\nCOPY --from=base /foobar /Dockerfile\n",
      dockerignore: "\nfoobar\n",
    },
    {
      name: "exceptions switch the check off",
      code: "FROM scratch\nCOPY ./Dockerfile .\n",
      dockerignore: "**\n!Dockerfile\n",
    },
    {
      name: "exceptions, even unrelated ones",
      code: "FROM scratch\nCOPY sub/a.txt /\n",
      dockerignore: "sub\n!other.txt\n",
    },
    { name: "context root with dotfiles ignored", code: "FROM scratch\nCOPY . .\n", dockerignore: ".*\n" },
    {
      name: "URL",
      code: "FROM scratch\nADD https://example.org/app.tar /\n",
      dockerignore: "*.tar\nhttps:\n",
    },
    {
      name: "Git",
      code: "FROM scratch\nADD git@github.com:owner/repo.git /src\n",
      dockerignore: "git@github.com:owner\n",
    },
    { name: "heredoc", code: "FROM scratch\nCOPY <<EOF /motd\nhi\nEOF\n", dockerignore: "<<EOF\n" },
    {
      name: "deeper match does not apply at the root",
      code: "FROM scratch\nCOPY app.log /\n",
      dockerignore: "logs/*.log\n",
    },
    { name: "value unknown here", code: "FROM alpine:3.20\nCOPY $SRC /\n", dockerignore: "secret\n" },
    {
      name: "build ARG without default",
      code: "FROM alpine:3.20\nARG SRC\nCOPY $SRC /\n",
      dockerignore: "\n",
    },
    { name: "comment lines", code: "FROM scratch\nCOPY src /src\n", dockerignore: "# src\n" },
    {
      name: "ONBUILD triggers use the child's context",
      code: "FROM scratch\nONBUILD COPY Dockerfile /\n",
      dockerignore: ignoreDockerfile,
    },
  ],
  invalid: [
    {
      name: "BuildKit: COPY and ADD of an ignored file",
      code: "\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n",
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
      code: "FROM scratch\nCOPY . .\n",
      dockerignore: "*\n",
      errors: [{ messageId: "contextIgnored", line: 2, column: 6, endColumn: 7 }],
    },
    {
      name: "inside an ignored directory",
      code: "FROM scratch\nCOPY node_modules/pkg/index.js ./\n",
      dockerignore: "node_modules\n",
      errors: [{ messageId: "ignored", line: 2, column: 6 }],
    },
    {
      name: "patterns and paths are cleaned",
      code: "FROM scratch\nCOPY ./dist/ /srv\nCOPY /build/app /srv\n",
      dockerignore: "/dist\n  build/  \n",
      errors: [
        { messageId: "ignored", line: 2, column: 6, endColumn: 13 },
        { messageId: "ignored", line: 3, column: 6 },
      ],
    },
    {
      name: "expanded with the stage's values",
      code: "FROM alpine:3.20\nENV CONF=secrets\nCOPY --chown=app ${CONF}/app.env /etc/\n",
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
      code: 'FROM scratch\nCOPY ["*.md", "/docs/"]\n',
      dockerignore: "*.md\n",
      errors: [{ messageId: "ignored", line: 2, column: 7, endColumn: 13 }],
    },
  ],
});
