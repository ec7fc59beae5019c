import { ruleTester } from "../testing/rule-tester.js";
import rule from "./invalid-label-key.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine\nLABEL org.valid-key.label3=foo validlabel=bar\n",
    'FROM alpine\nLABEL "org.opencontainers.image.source"="https://example.com"\n',
    "FROM alpine\nLABEL com.example/build_id=1\n",
    "FROM alpine\nLABEL ${PREFIX}.version=1\n",
    "FROM alpine\nLABEL dockerproject.x=1\n",
  ],
  invalid: [
    {
      code: "FROM alpine\nLABEL version=1 Maintainer=me\n",
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
      code: "FROM alpine\nLABEL .invalid=1 1invalid=1\n",
      errors: [
        { messageId: "invalid", column: 7 },
        { messageId: "invalid", column: 18 },
      ],
    },
    {
      code: "FROM alpine\nLABEL invalid-=1\n",
      errors: [
        {
          messageId: "invalid",
          message: "Label key 'invalid-' is not valid: it must end with a lowercase letter or a digit.",
        },
      ],
    },
    {
      code: "FROM alpine\nLABEL org.Example.x=1\n",
      errors: [{ messageId: "invalid", line: 2, column: 7, endColumn: 20 }],
    },
    {
      code: "FROM alpine\nLABEL invalid..key=1 invalid--key=2\n",
      errors: [{ messageId: "invalid" }, { messageId: "invalid" }],
    },
    {
      code: 'FROM alpine\nLABEL "com.docker.label"="foo"\n',
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
      code: "FROM alpine\nLABEL io.docker.x=1 org.dockerproject.y=2\n",
      errors: [{ messageId: "reserved" }, { messageId: "reserved" }],
    },
    { code: "FROM alpine\nONBUILD LABEL Bad=1\n", errors: [{ messageId: "invalid", line: 2, column: 15 }] },
  ],
});
