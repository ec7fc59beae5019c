import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-default-arg-in-from.js";

ruleTester.run(rule, {
  valid: [
    'ARG VERSION="latest"\nFROM busybox:${VERSION}\n',
    'ARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n',
    "ARG REGISTRY=localhost:5000\nFROM $REGISTRY/team/app:1.0\n",
    "ARG DIGEST=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM alpine@$DIGEST\n",
    "ARG BASE=build\nFROM alpine:3.20 AS build\nFROM $BASE\n",
    "FROM Not-Checked-Without-Variables\n",
    "ARG VERSION\nFROM node:${VERSION:-22}-alpine\n",
    { name: "BuildKit stops at a default it cannot expand", code: "ARG A=${B:?}\nARG C\nFROM alpine:$C\n" },
  ],
  invalid: [
    {
      code: "ARG VERSION\nFROM busybox:$VERSION\n",
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
      code: "ARG IMAGE\nFROM $IMAGE\n",
      errors: [{ messageId: "empty", line: 2, column: 6, endColumn: 12 }],
    },
    {
      code: 'ARG SFX="box:"\nFROM busy${SFX}\n',
      errors: [{ messageId: "invalid", line: 2, column: 6 }],
    },
    {
      code: "ARG IMAGE=Alpine:3.20\nFROM $IMAGE\n",
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
      code: "ARG DIGEST=sha256:abc\nFROM alpine@$DIGEST\n",
      errors: [{ messageId: "invalid", line: 2 }],
    },
    {
      code: "ARG TAG=-rc1\nFROM alpine:$TAG\n",
      errors: [{ messageId: "invalid", line: 2 }],
    },
  ],
});
