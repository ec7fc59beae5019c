import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-default-arg-in-from.js";

ruleTester.run(rule, {
  valid: [
    `ARG VERSION="latest"
FROM busybox:\${VERSION}
`,
    `ARG BUSYBOX_VARIANT=""
FROM busybox:stable\${BUSYBOX_VARIANT}
`,
    `ARG REGISTRY=localhost:5000
FROM $REGISTRY/team/app:1.0
`,
    `ARG DIGEST=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM alpine@$DIGEST
`,
    `ARG BASE=build
FROM alpine:3.20 AS build
FROM $BASE
`,
    "FROM Not-Checked-Without-Variables\n",
    `ARG VERSION
FROM node:\${VERSION:-22}-alpine
`,
    {
      name: "BuildKit stops at a default it cannot expand",
      code: `ARG A=\${B:?}
ARG C
FROM alpine:$C
`,
    },
  ],
  invalid: [
    {
      name: "a name meant to pick a stage whose default picks none",
      code: `ARG VARIANT
ARG FLAVOR=1
FROM alpine:3.20 AS flavor0
FROM alpine:3.20 AS flavor1
FROM alpine:3.20 AS python-dev
FROM flavor$VARIANT AS final
FROM flavor$FLAVOR AS other
FROM python$VARIANT AS py
`,
      errors: [
        {
          messageId: "noStage",
          line: 6,
          column: 6,
          message:
            "With only the defaults of the global ARGs, 'flavor$VARIANT' expands to 'flavor', which names no stage but an image to pull, while other values pick a stage ('flavor0'); give the ARG a default that picks one.",
        },
      ],
    },
    {
      code: `ARG VERSION
FROM busybox:$VERSION
`,
      errors: [
        {
          messageId: "invalid",
          message:
            "With only the defaults of the global ARGs, 'busybox:$VERSION' expands to 'busybox:', which is not a valid image reference: it does not follow the [registry/]name[:tag][@digest] format.",
          line: 2,
          column: 6,
          endColumn: 22,
        },
      ],
    },
    {
      code: `ARG IMAGE
FROM $IMAGE
`,
      errors: [{ messageId: "empty", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: `ARG SFX="box:"
FROM busy\${SFX}
`,
      errors: [{ messageId: "invalid", line: 2, column: 6 }],
    },
    {
      code: `ARG IMAGE=Alpine:3.20
FROM $IMAGE
`,
      errors: [
        {
          messageId: "invalid",
          message:
            "With only the defaults of the global ARGs, '$IMAGE' expands to 'Alpine:3.20', which is not a valid image reference: the repository name must be lowercase.",
          line: 2,
        },
      ],
    },
    {
      code: `ARG DIGEST=sha256:abc
FROM alpine@$DIGEST
`,
      errors: [{ messageId: "invalid", line: 2 }],
    },
    {
      code: `ARG TAG=-rc1
FROM alpine:$TAG
`,
      errors: [{ messageId: "invalid", line: 2 }],
    },
  ],
});
