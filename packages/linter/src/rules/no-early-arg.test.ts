import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-early-arg.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nARG VERSION\nRUN echo $VERSION\nRUN apt-get update\n",
    {
      name: "an ARG tools read from the environment",
      code: "FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\nRUN echo $DEBIAN_FRONTEND\n",
    },
    {
      name: "an ARG redeclared before its use",
      code: "FROM debian:12\nARG V=1\nRUN true\nARG V\nRUN echo ${V}\n",
    },
    { name: "a global ARG not redeclared", code: "ARG V=1\nFROM debian:12\nRUN true\nRUN echo $V\n" },
  ],
  invalid: [
    {
      code: "FROM debian:12\nARG VERSION=1.2 OTHER\nRUN apt-get update\nRUN make\nRUN curl -O https://x.org/v${VERSION}.tgz\n",
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG VERSION is first used on line 5, and the 2 RUNs in between are rebuilt whenever its value changes; declare it just before its use.",
          line: 2,
          column: 5,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a global ARG redeclared in the stage",
      code: "ARG V=1\nFROM debian:12\nARG V\nRUN apt-get update\nLABEL version=$V\n",
      errors: [
        {
          messageId: "earlyArg",
          message:
            "ARG V is first used on line 5, and the RUN in between is rebuilt whenever its value changes; declare it just before its use.",
          line: 3,
          column: 5,
        },
      ],
    },
  ],
});
