import { describe, expect, it } from "vitest";
import { lint } from "../engine.js";
import { ruleTester } from "../testing/rule-tester.js";
import rule from "./syntax-error.js";

/** A file whose syntax directive names another frontend, which adds INCLUDE. */
const dockerfileX = `# syntax = devthefuture/dockerfile-x

INCLUDE docker/base.dockerfile
INCLUDE docker/runtime.dockerfile

FROM runtime AS app
RUN make
`;

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
RUN echo hi
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
COPY
`,
      errors: 1,
    },
    {
      name: "instructions of another frontend: one note for the file, at the first",
      code: dockerfileX,
      errors: [{ messageId: "frontend-instruction", line: 3, column: 1 }],
    },
    {
      name: "Docker's own frontend under another of its names: an unknown keyword is an error",
      code: `# syntax=docker.io/docker/dockerfile-upstream:1.7-labs
INCLUDE docker/base.dockerfile
FROM alpine:3.20
`,
      errors: [{ messageId: "unknown-instruction", line: 2, column: 1 }],
    },
  ],
});

describe("syntax-error under another frontend", () => {
  it("is an info finding, not an error", () => {
    const found = lint(dockerfileX).diagnostics.filter((d) => d.ruleId === "syntax-error");
    expect(found.map((d) => d.severity)).toEqual(["info"]);
  });
});
