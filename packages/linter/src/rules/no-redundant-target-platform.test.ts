import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-redundant-target-platform.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\n",
    "FROM --platform=$BUILDPLATFORM alpine\n",
    "FROM --platform=linux/amd64 alpine\n",
    { name: "more than one variable", code: "FROM --platform=$TARGETOS/$TARGETARCH alpine\n" },
    { name: "TARGETPLATFORM with more text", code: "FROM --platform=${TARGETPLATFORM}/v2 alpine\n" },
    { name: "an unset variable besides it", code: "FROM --platform=${NOPE:-$TARGETPLATFORM} alpine\n" },
  ],
  invalid: [
    {
      code: "FROM --platform=$TARGETPLATFORM alpine\n",
      errors: [
        {
          messageId: "redundant",
          message:
            "Setting the platform to $TARGETPLATFORM in FROM is redundant: stages are built for the target platform by default.",
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 32,
        },
      ],
    },
    {
      code: 'FROM --platform="${TARGETPLATFORM}" alpine AS a\n',
      errors: [{ messageId: "redundant", line: 1 }],
    },
    {
      name: "with a default that is not used",
      code: "FROM --platform=${TARGETPLATFORM:-linux/arm64} alpine\n",
      errors: 1,
    },
    {
      name: "a global ARG default of the same name",
      code: `ARG TARGETPLATFORM=linux/arm64
FROM --platform=$TARGETPLATFORM alpine
`,
      errors: [{ messageId: "redundant", line: 2 }],
    },
  ],
});
