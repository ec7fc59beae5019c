import { ruleTester } from "../testing/rule-tester.js";
import rule from "./apt-get-non-interactive.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN if apt-get install -s curl > /dev/null; then echo ok; fi\n",
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get -y install curl\n",
    "FROM debian:12\nRUN apt-get install --yes curl && apt-get install --assume-yes git\n",
    "FROM debian:12\nRUN apt-get install -qy curl\n",
    "FROM debian:12\nRUN apt-get -qq install curl\n",
    "FROM debian:12\nRUN apt-get -q -q install curl\n",
    "FROM debian:12\nRUN apt-get -q=2 install curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n",
    "FROM debian:12\nRUN apt-get update\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install curl\n",
      errors: [
        {
          messageId: "noYes",
          message: "'apt-get install' without -y waits for an answer the build cannot give; add -y.",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
        },
      ],
      output: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    },
    {
      code: "FROM debian:12\nRUN apt-get -q \\\n    install --no-install-recommends curl\n",
      errors: [{ messageId: "noYes", line: 3, column: 5, endColumn: 12 }],
      output: "FROM debian:12\nRUN apt-get -q \\\n    install -y --no-install-recommends curl\n",
    },
    { code: "FROM debian:12\nRUN apt install curl\n", errors: [{ messageId: "noYes", line: 2, column: 9 }] },
    {
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]\n',
      errors: [{ messageId: "noYes", line: 2, column: 18 }],
      output: null,
    },
  ],
});
