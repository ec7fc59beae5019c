import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-constant-platform.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\n",
    "FROM --platform=$BUILDPLATFORM alpine\n",
    { name: "any variable, even unset", code: "FROM --platform=${PLATFORM:-linux/amd64} alpine\n" },
    {
      name: "the stage name contains the architecture",
      code: "FROM --platform=linux/amd64 alpine AS build-amd64\n",
    },
    {
      name: "the stage name contains the OS",
      code: "FROM --platform=windows/amd64 alpine AS windows-base\n",
    },
    { name: "an architecture alias is normalised", code: "FROM --platform=linux/aarch64 alpine AS arm64\n" },
    {
      name: "an OS version in parentheses",
      code: "FROM --platform=windows(10.0.17763)/amd64 nanoserver AS windows\n",
    },
  ],
  invalid: [
    {
      name: "not a platform BuildKit can parse: the build fails",
      code: "FROM --platform=linux/amd64/v2/x alpine\nFROM --platform=x86 busybox AS build-x86\n",
      errors: [
        {
          messageId: "unknown",
          message:
            "FROM --platform 'linux/amd64/v2/x' is no platform BuildKit can parse (os[/arch[/variant]], such as linux/arm64), so the build fails; use $BUILDPLATFORM or $TARGETPLATFORM.",
          line: 1,
          column: 17,
          endColumn: 33,
        },
        { messageId: "unknown", line: 2, column: 17, endColumn: 20 },
      ],
    },
    {
      code: "FROM --platform=linux/amd64 alpine\n",
      errors: [
        {
          messageId: "constant",
          message:
            "FROM --platform should not use the constant value 'linux/amd64'; use $BUILDPLATFORM or $TARGETPLATFORM.",
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 28,
        },
      ],
    },
    {
      name: "a stage name that does not match",
      code: "FROM --platform=linux/arm64 alpine AS build\n",
      errors: [{ messageId: "constant", line: 1, column: 17 }],
    },
    { name: "a lone architecture", code: "FROM --platform=arm64 alpine AS build\n", errors: 1 },
    {
      name: "quoted",
      code: 'FROM --platform="linux/arm/v7" alpine\n',
      errors: [
        {
          messageId: "constant",
          message:
            "FROM --platform should not use the constant value 'linux/arm/v7'; use $BUILDPLATFORM or $TARGETPLATFORM.",
        },
      ],
    },
  ],
});
