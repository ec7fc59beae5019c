import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-pip-cache.js";

ruleTester.run(rule, {
  valid: [
    "FROM python:3\nRUN pip install --no-cache-dir flask==3\n",
    "FROM python:3\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3\n",
    "FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install flask==3\n",
    "FROM python:3\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask==3\n",
    "FROM python:3\nRUN PIP_NO_CACHE_DIR=1 pip install flask==3\n",
    "FROM python:3\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask==3\n",
    "FROM python:3\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3\n",
    "FROM python:3\nRUN pip freeze && pipx install black && pipenv install\n",
  ],
  invalid: [
    {
      code: "FROM python:3\nRUN pip install -r requirements.txt\n",
      errors: [
        {
          messageId: "cache",
          message: "'pip install' keeps its download cache in the layer; add --no-cache-dir.",
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 16,
        },
      ],
      output: "FROM python:3\nRUN pip install --no-cache-dir -r requirements.txt\n",
    },
    {
      code: "FROM python:3\nRUN python -m pip install \\\n  -U pip\n",
      errors: [{ messageId: "cache", line: 2, column: 19, endColumn: 26 }],
      output: "FROM python:3\nRUN python -m pip install --no-cache-dir \\\n  -U pip\n",
    },
    {
      code: "FROM python:3 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3\nRUN pip install x==1\n",
      errors: [{ messageId: "cache", line: 4 }],
    },
    {
      code: "FROM python:3\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x==1\n",
      errors: [{ messageId: "cache", line: 3 }],
    },
  ],
});
