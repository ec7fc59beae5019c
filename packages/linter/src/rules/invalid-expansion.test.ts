import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-expansion.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
ARG VERSION=1.0
ENV APP="my app" HOME='/srv/app' GREETING="it's \${VERSION}"
LABEL version=\${VERSION:-dev} path=\${HOME/srv/opt}
COPY ["my file.txt", "/srv/"]
WORKDIR /srv/\${VERSION}
`,
    {
      name: "a heredoc body: quotes are plain text there",
      code: `FROM alpine:3.20
COPY <<EOF /etc/motd
it's "here
EOF
`,
    },
    {
      name: "${NAME:?message} fails only when a build argument leaves NAME unset",
      code: `FROM alpine:3.20
ARG TOKEN_FILE
WORKDIR \${TOKEN_FILE:?set TOKEN_FILE}
`,
    },
    {
      name: "RUN is the shell's to expand, ONBUILD triggers the child build's",
      code: `FROM alpine:3.20
RUN echo "it's \${broken
ONBUILD COPY "a b" /x/
`,
    },
    {
      name: "with the backquote escape, a backslash is plain text",
      code: `# escape=\`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR "C:\\app\\"
`,
    },
  ],
  invalid: [
    {
      name: "a quoted path with a blank in shell form",
      code: `FROM alpine:3.20
COPY "my file.txt" /srv/
`,
      errors: [
        {
          messageId: "unclosedQuote",
          message:
            '\'"my\' opens a quote that it does not close: COPY splits its arguments at blanks before it reads quotes, so the build fails. Write a path with a blank in the JSON form: COPY ["my file", "/dest/"].',
          line: 2,
          column: 6,
          endColumn: 9,
        },
      ],
    },
    {
      name: "a reference without its brace, in ARG, FROM --platform, LABEL and ADD --chown",
      code: `ARG BASE=\${IMAGE
FROM --platform=\${PLATFORM alpine:3.20
ARG VERSION=1.0
LABEL version=\${VERSION
ADD --chown=\${UID:-1000 app.tar /srv/
`,
      errors: [
        {
          messageId: "failed",
          message: "BuildKit cannot expand '${IMAGE' (its '}' is missing), so the build fails.",
          line: 1,
          column: 10,
          endColumn: 17,
        },
        { messageId: "failed", line: 2, column: 17, endColumn: 27 },
        { messageId: "failed", line: 4, column: 15, endColumn: 24 },
        { messageId: "failed", line: 5, column: 13, endColumn: 24 },
      ],
    },
    {
      name: "an unclosed quote in ENV (a backslash escapes nothing in single quotes), USER, VOLUME and EXPOSE",
      code: `FROM alpine:3.20
ENV NAME='a\\'b' OTHER=x
USER "app
VOLUME ["/it's"]
EXPOSE "8080
`,
      errors: [
        {
          messageId: "failed",
          message:
            "BuildKit cannot expand ''a\\'b' OTHER=x' (unexpected end of statement while looking for matching single-quote), so the build fails.",
          line: 2,
          column: 10,
        },
        { messageId: "failed", line: 3, column: 6 },
        { messageId: "failed", line: 4, column: 9 },
        { messageId: "failed", line: 5, column: 8 },
      ],
    },
    {
      name: "with the backslash escape, a backslash before the closing quote escapes it",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR "C:\\app\\"
`,
      errors: [{ messageId: "failed", line: 2, column: 9 }],
    },
    {
      name: "an empty substitution",
      code: `FROM alpine:3.20
WORKDIR /srv/\${}
`,
      errors: [
        {
          messageId: "failed",
          message: "BuildKit cannot expand '/srv/${}' (syntax error: bad substitution), so the build fails.",
        },
      ],
    },
  ],
});
