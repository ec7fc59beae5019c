import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-apt-install-recommends.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN if apt-get install -s curl > /dev/null; then echo ok; fi\n",
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN apt-get --no-install-recommends install -y curl\n",
    "FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=0 curl\n",
    'FROM debian:12\nRUN apt-get install -y -o "APT::Install-Recommends=false" curl\n',
    "FROM debian:12\nRUN apt-get update && apt-get remove -y curl\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [
        {
          messageId: "recommends",
          message: "'apt-get install' also installs recommended packages; add --no-install-recommends.",
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 38,
        },
      ],
      output: "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n",
    },
    {
      code: "FROM debian:12\nRUN apt-get update \\\n && apt-get -y install \\\n    curl\n",
      errors: [{ messageId: "recommends", line: 3, column: 16, endColumn: 23 }],
      output:
        "FROM debian:12\nRUN apt-get update \\\n && apt-get -y install --no-install-recommends \\\n    curl\n",
    },
    {
      code: "FROM debian:12\nRUN apt install -y curl\n",
      errors: [{ messageId: "recommends", line: 2, column: 9 }],
    },
  ],
});
