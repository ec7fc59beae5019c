import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-base-image-platform.js";

const arm64 = { "example/tool:1.0": { os: "linux", architecture: "arm64", config: {} } };

ruleTester.run(rule, {
  valid: [
    {
      name: "an image for the target platform",
      code: "FROM example/tool:1.0\n",
      imageConfigs: { "example/tool:1.0": { os: "linux", architecture: "amd64", config: {} } },
    },
    {
      name: "FROM --platform names the image's platform, with a constant or a global ARG",
      code: `ARG TOOL_PLATFORM=linux/aarch64
FROM --platform=linux/arm64 example/tool:1.0 AS a
FROM --platform=$TOOL_PLATFORM example/tool:1.0 AS b
FROM alpine:3.20
COPY --from=a /t /a
COPY --from=b /t /b
`,
      imageConfigs: arm64,
    },
    {
      name: "a stage the target does not keep",
      code: `FROM example/tool:1.0 AS unused
FROM alpine:3.20
`,
      imageConfigs: arm64,
    },
    { name: "no config given: nothing is known", code: "FROM example/tool:1.0\n" },
    {
      name: "a platform that depends on a variable without a value",
      code: "FROM --platform=$UNKNOWN example/tool:1.0\n",
      imageConfigs: arm64,
    },
  ],
  invalid: [
    {
      code: `FROM example/tool:1.0
RUN tool --version
`,
      imageConfigs: arm64,
      errors: [
        {
          messageId: "mismatch",
          message:
            "Base image 'example/tool:1.0' is made for linux/arm64, but this stage is built for linux/amd64: its programs run under emulation or not at all.",
          line: 1,
          column: 6,
          endColumn: 22,
        },
      ],
    },
    {
      name: "a stage built on it, through another stage, and FROM --platform=$BUILDPLATFORM",
      code: `FROM --platform=$BUILDPLATFORM example/tool:1.0 AS tool
FROM tool
`,
      imageConfigs: { "example/tool:1.0": { os: "windows", architecture: "amd64", config: {} } },
      errors: [{ messageId: "mismatch", line: 1, column: 32 }],
    },
  ],
});
