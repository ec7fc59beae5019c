import { ruleTester } from "../testing/rule-tester.js";
import rule from "./heredoc-without-set-e.js";

ruleTester.run(rule, {
  valid: [
    // One command, or one && chain: its status is the script's.
    "FROM debian:12\nRUN <<EOF\napt-get update\nEOF\n",
    "FROM debian:12\nRUN <<EOF\napt-get update && \\\n  apt-get install -y curl\nEOF\n",
    // set -e in its usual spellings, before the commands.
    "FROM debian:12\nRUN <<EOF\nset -e\na\nb\nEOF\n",
    "FROM debian:12\nRUN <<EOF\n# comment\nset -euxo pipefail\na\nb\nEOF\n",
    "FROM debian:12\nRUN <<EOF\nset -o errexit\na\nb\nEOF\n",
    "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash -e\na\nb\nEOF\n",
    "FROM debian:12\nRUN bash -e <<EOF\na\nb\nEOF\n",
    "FROM debian:12\nRUN sh -ex <<EOF\na\nb\nEOF\n",
    'FROM debian:12\nSHELL ["/bin/sh", "-ec"]\nRUN <<EOF\na\nb\nEOF\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "errexit", "-c"]\nRUN <<EOF\na\nb\nEOF\n',
    // SHELL is inherited by a stage built on an earlier one.
    'FROM debian:12 AS base\nSHELL ["/bin/sh", "-eux", "-c"]\nFROM base\nRUN <<EOF\na\nb\nEOF\n',
    // Not a POSIX shell script.
    "FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nprint(1)\nEOF\n",
    'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN <<EOF\na\nb\nEOF\n',
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN <<EOF\na\nb\nEOF\n",
    // The heredoc is data, or the stdin of a program, not the script.
    "FROM debian:12\nRUN cat <<EOF > /etc/x.conf\na\nb\nEOF\n",
    "FROM debian:12\nRUN python3 <<EOF\nimport os\nprint(1)\nEOF\n",
    "FROM debian:12\nCOPY <<EOF /x\na\nb\nEOF\n",
    // Shell-form RUN without a heredoc is another matter.
    "FROM debian:12\nRUN a; b\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n",
      output: "FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n",
      errors: [
        {
          messageId: "noErrexit",
          message:
            "This heredoc script runs without set -e, so a failing command before the last one does not fail the build; start it with set -e.",
          line: 2,
          column: 5,
          endColumn: 10,
        },
      ],
    },
    {
      // set -e after a command that may fail does not cover it.
      code: "FROM debian:12\nRUN <<EOF\ncd /src\nset -e\nmake\nEOF\n",
      output: "FROM debian:12\nRUN <<EOF\nset -e\ncd /src\nset -e\nmake\nEOF\n",
      errors: [{ messageId: "noErrexit", line: 2 }],
    },
    {
      code: "FROM debian:12\nRUN <<EOF\n#!/bin/bash\na; b\nEOF\n",
      output: "FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -e\na; b\nEOF\n",
      errors: [{ messageId: "noErrexit", line: 2 }],
    },
    {
      code: "FROM debian:12\nRUN bash -x <<-EOT\n\ta\n\tb\n\tEOT\n",
      output: "FROM debian:12\nRUN bash -x <<-EOT\nset -e\n\ta\n\tb\n\tEOT\n",
      errors: [{ messageId: "noErrexit", line: 2, column: 13 }],
    },
    {
      // `set +e` turns it off again; a SHELL without -e does not help.
      code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\nset -e +e\na\nb\nEOF\n',
      output: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN <<EOF\nset -e\nset -e +e\na\nb\nEOF\n',
      errors: [{ messageId: "noErrexit", line: 3 }],
    },
  ],
});
