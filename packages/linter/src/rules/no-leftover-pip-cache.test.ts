import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-leftover-pip-cache.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "PIP_CACHE_DIR names a folder a cache mount holds (BuildKit expands the mount's target)",
      code: `FROM python:3.12
ARG PIP_CACHE_DIR=/tmp/pip-cache
RUN --mount=type=cache,target=\${PIP_CACHE_DIR} pip install -r requirements.txt
`,
    },
    `FROM python:3.12
ENV PIP_CACHE_DIR=/var/cache/pip/py312
RUN --mount=type=cache,target=/var/cache/pip pip install flask
`,
    `FROM python:3.12
RUN --mount=type=tmpfs,target=/tmp/c pip install --cache-dir /tmp/c/pip flask
`,
    {
      name: "the image's own wheels with --no-deps: nothing is downloaded or built",
      code: `FROM python:3.12
RUN --mount=type=bind,from=wheels,source=/wheels,target=/deps \\
    pip3 install --no-deps -U /deps/*.whl
`,
    },
    {
      name: "a prefix of --no-cache-dir that pip takes for it",
      code: `FROM python:3.12-slim
RUN pip install --no-cache notebook==7.2.0 && pip install --no-ca x==1
`,
    },
    {
      name: "PIP_NO_CACHE_DIR set to any boolean, off too (pip's compatibility quirk)",
      code: `FROM python:3.12-slim
ENV PIP_NO_CACHE_DIR=off
RUN pip install requests==2.32.3
RUN PIP_NO_CACHE_DIR=0 pip install x==1
`,
    },
    {
      name: "the cache emptied before the RUN ends",
      code: `FROM python:3.12-alpine
RUN pip install pyparsing==2.4.7 && rm -rf /root/.cache/pip
RUN pip install a==1 && pip install b==2 && pip cache purge
RUN pip install c==3 && rm -rf ~/.cache
`,
    },
    {
      name: "a stage that only feeds COPY --from ships no layer",
      code: `FROM python:3.12 AS build
RUN pip install -r requirements.txt --target /deps
FROM python:3.12-slim
COPY --from=build /deps /deps
`,
    },
    `FROM python:3
RUN pip install --no-cache-dir flask==3
`,
    `FROM python:3
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask==3
`,
    `FROM python:3 AS base
ENV PIP_NO_CACHE_DIR=true
FROM base
RUN pip install flask==3
`,
    `FROM python:3
ARG PIP_NO_CACHE_DIR=1
RUN pip install flask==3
`,
    `FROM python:3
RUN PIP_NO_CACHE_DIR=1 pip install flask==3
`,
    {
      name: "a global ARG's value, which the stage takes by declaring the ARG again",
      code: `ARG PIP_NO_CACHE_DIR=1
FROM python:3
ARG PIP_NO_CACHE_DIR
RUN pip install flask==3
`,
    },
    `FROM python:3
RUN export PIP_NO_CACHE_DIR=1 && pip install flask==3
`,
    `FROM python:3
RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3
`,
    `FROM python:3
RUN pip freeze && pipx install black && pipenv install
`,
  ],
  invalid: [
    {
      name: "a cache folder no mount holds, and wheels whose dependencies pip fetches",
      code: `FROM python:3.12
ENV PIP_CACHE_DIR=/tmp/pip-cache
RUN --mount=type=cache,target=/root/.cache/other pip install flask
RUN pip install /deps/app-1.0-py3-none-any.whl
RUN pip install --no-deps https://example.com/app-1.0-py3-none-any.whl
`,
      errors: [
        { messageId: "cache", line: 3 },
        { messageId: "cache", line: 4 },
        { messageId: "cache", line: 5 },
      ],
    },
    {
      name: "a prefix too short to tell (pip refuses it), or another option",
      code: `FROM python:3.12-slim
RUN pip install --no-c x==1
RUN pip install --no-cache-dirs x==1
`,
      errors: [
        { messageId: "cache", line: 2, column: 9 },
        { messageId: "cache", line: 3, column: 9 },
      ],
    },
    {
      name: "a value pip refuses as no boolean leaves the cache on",
      code: `FROM python:3
ENV PIP_NO_CACHE_DIR=maybe
RUN pip install x==1
`,
      errors: [{ messageId: "cache", line: 3 }],
    },
    {
      name: "an install after the cache was emptied, and a removal of another folder",
      code: `FROM python:3.12-alpine
RUN pip cache purge && pip install a==1
RUN pip install b==2 && rm -rf /app/.cache /root/.cache/pip/http-v2
`,
      errors: [
        { messageId: "cache", line: 2 },
        { messageId: "cache", line: 3 },
      ],
    },
    {
      name: "pip in a cmd script",
      code: `FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN pip install flask==3.0.0 && echo done
`,
      errors: [{ messageId: "cache", line: 2, column: 9, endColumn: 16 }],
    },
    {
      code: `FROM python:3
RUN pip install -r requirements.txt
`,
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
      output: `FROM python:3
RUN pip install --no-cache-dir -r requirements.txt
`,
    },
    {
      code: `FROM python:3
RUN python -m pip install \\
  -U pip
`,
      errors: [{ messageId: "cache", line: 2, column: 19, endColumn: 26 }],
      output: `FROM python:3
RUN python -m pip install --no-cache-dir \\
  -U pip
`,
    },
    {
      code: `FROM python:3 AS base
ENV PIP_NO_CACHE_DIR=1
FROM python:3
RUN pip install x==1
`,
      errors: [{ messageId: "cache", line: 4 }],
    },
    {
      name: "a global ARG the stage does not declare again is not in its environment",
      code: `ARG PIP_NO_CACHE_DIR=1
FROM python:3
RUN pip install x==1
`,
      errors: [{ messageId: "cache", line: 3 }],
    },
  ],
});
