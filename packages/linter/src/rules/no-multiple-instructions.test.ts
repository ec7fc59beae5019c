import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-multiple-instructions.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine
CMD a
ENTRYPOINT b
HEALTHCHECK NONE
`,
    {
      name: "one per stage",
      code: `FROM alpine AS a
CMD a
FROM a
CMD b
`,
    },
    {
      name: "an ONBUILD trigger is not this stage's",
      code: `FROM alpine
ONBUILD CMD a
CMD b
`,
    },
    {
      name: "template branches",
      code: `FROM alpine:3.20
<% if (a) { %>
CMD ["a"]
<% } else { %>
CMD ["b"]
<% } %>
`,
      allowSyntaxErrors: true,
    },
    {
      name: "BuildKit's check name silences it",
      code: `# check=skip=MultipleInstructionsDisallowed
FROM alpine
CMD ["a"]
CMD ["b"]
`,
    },
    {
      name: "hadolint's CMD code silences a repeated CMD",
      code: `FROM alpine
# hadolint ignore=DL4003
CMD ["a"]
CMD ["b"]
`,
    },
    {
      name: "hadolint's ENTRYPOINT code silences a repeated ENTRYPOINT",
      code: `FROM alpine
# hadolint ignore=DL4004
ENTRYPOINT ["a"]
ENTRYPOINT ["b"]
`,
    },
  ],
  invalid: [
    {
      name: "a hadolint code silences only its instruction's finding",
      code: `FROM alpine
# hadolint ignore=DL4003
CMD a
ENTRYPOINT a
HEALTHCHECK NONE
CMD b
ENTRYPOINT b
HEALTHCHECK NONE
`,
      errors: [
        { messageId: "overridden", line: 4, hadolint: "DL4004" },
        { messageId: "overridden", line: 5, hadolint: "DL3012" },
      ],
    },
    {
      name: "a global hadolint code leaves the other instructions' findings",
      code: `# hadolint global ignore=DL3012,DL4004
FROM alpine
CMD a
ENTRYPOINT a
HEALTHCHECK NONE
CMD b
ENTRYPOINT b
HEALTHCHECK NONE
`,
      errors: [{ messageId: "overridden", line: 3, hadolint: "DL4003" }],
    },
    {
      name: "the rule's id, and BuildKit's name, silence every instruction's finding",
      code: `FROM alpine
# hull ignore=no-multiple-instructions
CMD a
# check=skip=MultipleInstructionsDisallowed
ENTRYPOINT a
CMD b
ENTRYPOINT b
`,
      errors: 0,
    },
    {
      code: `FROM alpine
CMD a
CMD b
`,
      errors: [
        {
          messageId: "overridden",
          message: "This CMD has no effect: the CMD on line 3 replaces it.",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 4,
        },
      ],
    },
    {
      name: "every earlier one, each kind on its own",
      code: `FROM alpine
ENTRYPOINT a
HEALTHCHECK CMD x
entrypoint b
HEALTHCHECK NONE
ENTRYPOINT c
`,
      errors: [
        {
          messageId: "overridden",
          message: "This ENTRYPOINT has no effect: the ENTRYPOINT on line 6 replaces it.",
          line: 2,
          column: 1,
        },
        { messageId: "overridden", line: 3, column: 1, endColumn: 12 },
        { messageId: "overridden", line: 4, column: 1 },
      ],
    },
    {
      code: `FROM alpine:3.20
CMD ["a"]
cmd ["b"]
CMD ["c"]
`,
      errors: [
        { messageId: "overridden", line: 2, column: 1, endColumn: 4 },
        { messageId: "overridden", line: 3, column: 1, endColumn: 4 },
      ],
    },
  ],
});
