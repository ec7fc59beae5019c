import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-label-key.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "the labels Docker asks a Docker Desktop extension to set",
      code: `FROM alpine:3.20
LABEL com.docker.desktop.extension.api.version=">= 0.2.2" com.docker.extension.publisher-url="https://example.com"
`,
    },
    `FROM alpine
LABEL org.valid-key.label3=foo validlabel=bar
`,
    `FROM alpine
LABEL "org.opencontainers.image.source"="https://example.com"
`,
    `FROM alpine
LABEL com.example/build_id=1
`,
    `FROM alpine
LABEL \${PREFIX}.version=1
`,
    `FROM alpine
LABEL dockerproject.x=1
`,
  ],
  invalid: [
    {
      code: `FROM alpine
LABEL version=1 Maintainer=me
`,
      errors: [
        {
          messageId: "invalid",
          message: "Label key 'Maintainer' is not valid: it must start with a lowercase letter.",
          line: 2,
          column: 17,
          endColumn: 27,
        },
      ],
    },
    {
      code: `FROM alpine
LABEL .invalid=1 1invalid=1
`,
      errors: [
        { messageId: "invalid", column: 7 },
        { messageId: "invalid", column: 18 },
      ],
    },
    {
      code: `FROM alpine
LABEL invalid-=1
`,
      errors: [
        {
          messageId: "invalid",
          message: "Label key 'invalid-' is not valid: it must end with a lowercase letter or a digit.",
        },
      ],
    },
    {
      code: `FROM alpine
LABEL org.Example.x=1
`,
      errors: [{ messageId: "invalid", line: 2, column: 7, endColumn: 20 }],
    },
    {
      code: `FROM alpine
LABEL invalid..key=1 invalid--key=2
`,
      errors: [{ messageId: "invalid" }, { messageId: "invalid" }],
    },
    {
      code: `FROM alpine
LABEL "com.docker.label"="foo"
`,
      errors: [
        {
          messageId: "reserved",
          message:
            "Label key 'com.docker.label' is in the namespace 'com.docker', which is reserved for Docker.",
          line: 2,
          column: 7,
          endColumn: 25,
        },
      ],
    },
    {
      code: `FROM alpine
LABEL io.docker.x=1 org.dockerproject.y=2
`,
      errors: [{ messageId: "reserved" }, { messageId: "reserved" }],
    },
    {
      code: `FROM alpine
ONBUILD LABEL Bad=1
`,
      errors: [{ messageId: "invalid", line: 2, column: 15 }],
    },
  ],
});
