import { ruleTester } from "../testing/rule-tester.js";
import rule from "./undefined-arg-in-from.js";

ruleTester.run(rule, {
  valid: [
    `ARG base=scratch
FROM $base
`,
    `ARG BUILDPLATFORM=linux/amd64
FROM --platform=$BUILDPLATFORM scratch
`,
    "FROM --platform=$BUILDPLATFORM scratch\n",
    "FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n",
    `ARG DEBUG
FROM scratch\${DEBUG}
`,
    `ARG DEBUG
FROM scra\${DEBUG:-tch}
`,
    `ARG DEBUG=""
FROM scratch\${DEBUG-@bogus}
`,
    `FROM alpine:3.20
ARG LATER
FROM alpine:3.20
ONBUILD RUN echo $LATER
`,
  ],
  invalid: [
    {
      code: "FROM --platform=$BULIDPLATFORM scratch\n",
      errors: [
        {
          messageId: "typo",
          message: "'$BULIDPLATFORM' is not a global ARG; did you mean '$BUILDPLATFORM'?",
          line: 1,
          column: 17,
          endColumn: 31,
        },
      ],
    },
    {
      code: `ARG MY_OS=linux
ARG MY_ARCH=amd64
FROM --platform=linux/\${MYARCH} busybox
`,
      errors: [
        {
          messageId: "typo",
          message: "'$MYARCH' is not a global ARG; did you mean '$MY_ARCH'?",
          line: 3,
          column: 23,
          endColumn: 32,
        },
      ],
    },
    {
      code: `ARG tag=latest
FROM busybox:\${tag}\${version} AS b
`,
      errors: [{ messageId: "undeclared", line: 2, column: 20, endColumn: 30 }],
    },
    {
      name: "a default does not make an undeclared variable settable",
      code: "FROM ${BASE_IMAGE:-alpine:3.20}\n",
      errors: [
        {
          messageId: "undeclaredGuarded",
          message:
            "'$BASE_IMAGE' is not a global ARG, so '${BASE_IMAGE:-alpine:3.20}' always takes its unset branch; declare 'ARG BASE_IMAGE' before the first FROM if a build should set it.",
          line: 1,
          column: 6,
          endColumn: 32,
        },
      ],
    },
    {
      name: "stage ARGs are not visible to later FROMs",
      code: `FROM alpine:3.20
ARG VERSION=1
FROM node:$VERSION
`,
      errors: [{ messageId: "undeclared", line: 3, column: 11, endColumn: 19 }],
    },
  ],
});
