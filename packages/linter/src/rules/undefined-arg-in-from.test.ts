import { ruleTester } from "../testing/rule-tester.js";
import rule from "./undefined-arg-in-from.js";

ruleTester.run(rule, {
  valid: [
    "ARG base=scratch\nFROM $base\n",
    "ARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\n",
    "FROM --platform=$BUILDPLATFORM scratch\n",
    "FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n",
    "ARG DEBUG\nFROM scratch${DEBUG}\n",
    "ARG DEBUG\nFROM scra${DEBUG:-tch}\n",
    'ARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\n',
    "FROM alpine:3.20\nARG LATER\nFROM alpine:3.20\nONBUILD RUN echo $LATER\n",
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
      code: "ARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\n",
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
      code: "ARG tag=latest\nFROM busybox:${tag}${version} AS b\n",
      errors: [{ messageId: "undeclared", line: 2, column: 20, endColumn: 30 }],
    },
    {
      name: "a default does not make an undeclared variable settable",
      code: "FROM ${BASE_IMAGE:-alpine:3.20}\n",
      errors: [{ messageId: "undeclared", line: 1, column: 6, endColumn: 32 }],
    },
    {
      name: "stage ARGs are not visible to later FROMs",
      code: "FROM alpine:3.20\nARG VERSION=1\nFROM node:$VERSION\n",
      errors: [{ messageId: "undeclared", line: 3, column: 11, endColumn: 19 }],
    },
  ],
});
