import { ruleTester } from "../testing/rule-tester.js";
import rule from "./pin-apt-versions.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN if apt-get install -s curl > /dev/null; then echo ok; fi\n",
    "FROM debian:12\nRUN apt-get install -y curl=7.88\n",
    "FROM debian:12\nRUN apt-get install -y ./x.deb /tmp/y.deb foo/bookworm\n",
    "FROM debian:12\nRUN apt-get install -y -t bookworm-backports git=1:2.39\n",
    "FROM debian:12\nRUN apt-get install -y $PACKAGES ${EXTRA}\n",
    "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
    "FROM debian:12\nRUN echo 'apt-get install curl'\n",
    "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y vim=2\n",
    "FROM debian:12\nRUN apt-get build-dep -y foo\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
      errors: [
        {
          messageId: "unpinned",
          message: "Package 'curl' is installed without a version; pin it with 'curl=<version>'.",
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 46,
        },
      ],
    },
    {
      name: "continuation lines",
      code: "FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends \\\n     curl=7 \\\n# comment\n     wget \\\n  && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "unpinned", line: 6, column: 6, endLine: 6, endColumn: 10 }],
    },
    {
      code: "FROM debian:12\nRUN sudo apt install -qy git\n",
      errors: [{ messageId: "unpinned", line: 2, column: 26 }],
    },
    {
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "git"]\n',
      errors: [{ messageId: "unpinned", line: 2, column: 35, endColumn: 38 }],
    },
    {
      code: "FROM debian:12\nRUN <<EOF\napt-get install -y \\\n  git\nEOF\n",
      errors: [{ messageId: "unpinned", line: 4, column: 3, endColumn: 6 }],
    },
    {
      code: "FROM debian:12\nONBUILD RUN apt-get install -y git\n",
      errors: [{ messageId: "unpinned", line: 2, column: 32 }],
    },
  ],
});
