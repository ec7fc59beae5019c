import { ruleTester } from "../testing/rule-tester.js";
import { isEmail, isRfc3339, isSemver, isSpdx, isUrl } from "./label-schema-utils/validate.js";
import rule from "./label-schema.js";
import { describe, expect, it } from "vitest";

const settings = {
  labelSchema: {
    author: "text",
    url: "url",
    version: "semver",
    revision: "hash",
    created: "rfc3339",
    license: "spdx",
    email: "email",
  },
};
const one = { labelSchema: { version: "semver" } };

ruleTester.run(rule, {
  valid: [
    `FROM alpine
LABEL Anything=1
`,
    {
      code: `FROM alpine
LABEL author=me url=https://example.com/x version=1.2.3 revision=0123abc created=2024-05-01T12:30:00Z license=MIT email=ops@example.com
`,
      settings,
    },
    {
      code: `FROM alpine AS base
LABEL version=1.0.0
FROM base
`,
      settings: one,
    },
    {
      name: "a stage that is only copied from",
      code: `FROM alpine AS build
FROM alpine
LABEL version=1.0.0
COPY --from=build /a /a
`,
      settings: one,
    },
    {
      name: "a stage that is only built on",
      code: `FROM alpine AS base
FROM base
LABEL version=1.0.0
`,
      settings: one,
    },
    {
      name: "a value from a build argument",
      code: `FROM alpine
ARG VERSION
LABEL version=$VERSION
`,
      settings: one,
    },
    {
      code: `FROM alpine
LABEL "version"="2.0.0-rc.1+build.5"
`,
      settings: one,
    },
    {
      code: `FROM alpine
LABEL version=1.0.0 other=x
`,
      settings: { ...one, strictLabels: false },
    },
  ],
  invalid: [
    {
      name: "each hadolint code silences only its own kind of finding",
      code: `# hadolint global ignore=DL3049
FROM alpine
# hadolint ignore=DL3052,DL3056
LABEL url=nope version=v1 license=nope author="" extra=1
`,
      settings: { ...settings, strictLabels: true },
      errors: [
        { messageId: "wrongType", column: 35, hadolint: "DL3054" },
        { messageId: "empty", hadolint: "DL3051" },
        { messageId: "extra", hadolint: "DL3050" },
      ],
    },
    {
      name: "the other type codes, and the rule's id",
      code: `# hadolint ignore=DL3049
FROM alpine
# hadolint ignore=DL3053,DL3058
LABEL revision=XYZ created=yesterday email=nobody
# hull ignore=label-schema
LABEL url=nope
`,
      settings,
      errors: [{ messageId: "wrongType", hadolint: "DL3055" }],
    },
    {
      code: `FROM alpine
RUN true
`,
      settings: one,
      errors: [
        {
          messageId: "missing",
          message: "This stage does not set the label 'version' required by the label schema.",
          line: 1,
          column: 1,
          endColumn: 5,
        },
      ],
    },
    {
      name: "ONBUILD labels do not count",
      code: `FROM alpine
ONBUILD LABEL version=1.0.0
`,
      settings: one,
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      code: `FROM alpine AS a
LABEL version=1.0.0
FROM alpine
`,
      settings: { labelSchema: { version: "semver", url: "url" } },
      errors: [
        {
          messageId: "missing",
          message: "This stage does not set the label 'url' required by the label schema.",
          line: 1,
        },
        {
          messageId: "missing",
          message: "This stage does not set the labels 'version', 'url' required by the label schema.",
          line: 3,
        },
      ],
    },
    {
      code: `FROM alpine
LABEL version=""
`,
      settings: one,
      errors: [
        { messageId: "empty", message: "Label 'version' is empty.", line: 2, column: 15, endColumn: 17 },
      ],
    },
    {
      code: `FROM alpine
LABEL version=1.0.0 extra=1
`,
      settings: { ...one, strictLabels: true },
      errors: [
        {
          messageId: "extra",
          message: "Label 'extra' is not in the label schema.",
          line: 2,
          column: 21,
          endColumn: 26,
        },
      ],
    },
    {
      code: `FROM alpine
LABEL version=v1.0 url=example.com revision=ABCDEF0 created=2024-13-01T00:00:00Z license=GPLv2 email='Ops <ops@example.com>' author=x
`,
      settings,
      errors: [
        {
          messageId: "wrongType",
          message: "Label 'version' is 'v1.0', which is not a semantic version (e.g. 1.4.2).",
          line: 2,
          column: 15,
          endColumn: 19,
        },
        { messageId: "wrongType", column: 24 },
        { messageId: "wrongType", column: 45 },
        { messageId: "wrongType", column: 61 },
        { messageId: "wrongType", column: 90 },
        { messageId: "wrongType", column: 102 },
      ],
    },
  ],
});

describe("label-schema validators", () => {
  it("checks URLs", () => {
    expect(["https://example.com/a?b=c#d", "mailto:a@b.c", "urn:isbn:0451450523"].every(isUrl)).toBe(true);
    expect(["example.com", "https://exa mple.com", "http://x/%zz", ""].some(isUrl)).toBe(false);
  });
  it("checks semantic versions", () => {
    expect(["0.0.1", "1.2.3-alpha.1", "1.0.0+20130313144700"].every(isSemver)).toBe(true);
    expect(["1.2", "v1.2.3", "01.2.3", "1.2.3-"].some(isSemver)).toBe(false);
  });
  it("checks RFC 3339 times", () => {
    expect(["2024-02-29T23:59:60Z", "2024-05-01t12:30:00.123+02:00"].every(isRfc3339)).toBe(true);
    expect(
      ["2023-02-29T00:00:00Z", "2024-05-01 12:30:00Z", "2024-05-01T12:30:00", "2024-05-01"].some(isRfc3339),
    ).toBe(false);
  });
  it("checks SPDX expressions", () => {
    expect(
      [
        "MIT",
        "apache-2.0",
        "GPL-2.0+",
        "(MIT OR Apache-2.0) AND BSD-3-Clause",
        "GPL-2.0-only WITH Classpath-exception-2.0",
        "LicenseRef-corp",
      ].every(isSpdx),
    ).toBe(true);
    expect(["MIT License", "GPLv2", "MIT OR", "(MIT", "MIT AND AND BSD-3-Clause", ""].some(isSpdx)).toBe(
      false,
    );
  });
  it("checks email addresses", () => {
    expect(
      [
        "ops@example.com",
        "first.last+tag@sub.example.org",
        '"a b"@example.com',
        "me@[192.0.2.1]",
        "me@localhost",
      ].every(isEmail),
    ).toBe(true);
    expect(
      ["Ops <ops@example.com>", "ops@", "@example.com", "a..b@example.com", "a b@example.com"].some(isEmail),
    ).toBe(false);
  });
});
