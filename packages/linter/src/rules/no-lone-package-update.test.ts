import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-lone-package-update.js";

ruleTester.run(rule, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN apk update && apk add curl
`,
    {
      name: "any other command may install with the lists: a script, xargs, mk-build-deps",
      code: `FROM debian:12
RUN apt-get update && /tmp/install.sh
RUN set -eux; apt-get update; xargs -rt apt-get install -y < /deps.txt
RUN apt-get update && mk-build-deps -i debian/control
`,
    },
    {
      name: "the lists live in a cache mount, not in the layer",
      code: `FROM debian:12
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update
RUN --mount=type=cache,target=/var/cache/apk apk update
`,
    },
    {
      name: "yum and dnf's update is an upgrade",
      code: `FROM fedora:40
RUN dnf update -y
`,
    },
    {
      name: "an ONBUILD trigger runs in the child build",
      code: `FROM debian:12
ONBUILD RUN apt-get update
`,
    },
  ],
  invalid: [
    {
      name: "commands that cannot install do not use the lists either",
      code: `FROM debian:12
RUN apt-get update && useradd -m app && mkdir -p /app && chown app /app
RUN apt-get install -y curl
`,
      errors: [{ messageId: "lone", line: 2, column: 5, endColumn: 19 }],
    },
    {
      name: "the range starts at the command, not at the then before it",
      code: `FROM debian:12
RUN if true; then apt-get update; fi
RUN apt-get install -y curl
`,
      errors: [{ messageId: "lone", line: 2, column: 19, endColumn: 33 }],
    },
    {
      code: `FROM debian:12
RUN apt-get update
RUN apt-get install -y curl
`,
      errors: [
        {
          messageId: "lone",
          message:
            "'apt-get update' is all this RUN does: the build cache keeps its layer, so a later install can use stale package lists. Update and install in one RUN.",
          line: 2,
          column: 5,
          endColumn: 19,
        },
      ],
    },
    {
      name: "with options, quiet commands around it, apt and apk",
      code: `FROM debian:12
RUN set -eux; apt update -y; echo updated
FROM alpine:3.20
RUN apk --no-progress update
`,
      errors: [
        {
          messageId: "lone",
          message:
            "'apt update' is all this RUN does: the build cache keeps its layer, so a later install can use stale package lists. Update and install in one RUN.",
          line: 2,
          column: 15,
          endColumn: 28,
        },
        { messageId: "lone", line: 4, column: 5 },
      ],
    },
  ],
});
