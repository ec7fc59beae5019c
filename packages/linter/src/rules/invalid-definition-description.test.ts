import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-definition-description.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "BuildKit: well-formed descriptions",
      code: `# foo this is the foo
ARG foo=bar

# base this is the base image
FROM scratch AS base

# version this is the version number
ARG version=latest

# baz this is the baz
ARG foo=baz bar=qux baz=quux
#
ARG bit=bat

# comment for something other than ARG or FROM
COPY Dockerfile .
`,
    },
    `# check=skip=all
FROM scratch AS base
`,
    `FROM scratch AS base
ARG plain
`,
    `# just a note
FROM scratch
`,
    `FROM scratch
# X the build argument
ONBUILD ARG Y
`,
    {
      name: "stage names are compared in lower case",
      code: `# build the compiler
FROM golang:1.23 AS Build
`,
    },
  ],
  invalid: [
    {
      name: "BuildKit: four bad descriptions",
      code: `# bar this is the bar
ARG foo=bar
# BasE this is the BasE image
FROM scratch AS base
# definitely a bad comment
ARG version=latest
# definitely a bad comment
ARG foo=baz bar=qux baz=quux
`,
      errors: [
        { messageId: "arg", line: 1, column: 1, endLine: 1, endColumn: 22 },
        {
          messageId: "stage",
          message:
            "The comment above stage 'base' should start with its name ('# base <description>'), or be separated by a bare '#' line.",
          line: 3,
        },
        { messageId: "arg", line: 5 },
        {
          messageId: "args",
          message:
            "The comment above this ARG should start with one of its names ('foo', 'bar', 'baz'), or be separated by a bare '#' line.",
          line: 7,
        },
      ],
    },
    {
      name: "a blank line does not separate the comment",
      code: `# the base image

FROM alpine:3.20 AS base
`,
      errors: [{ messageId: "stage", line: 1 }],
    },
    {
      name: "only the last comment line counts",
      code: `# version the version
# of the app
ARG version=1
`,
      errors: [{ messageId: "arg", line: 2 }],
    },
  ],
});
