import { ruleTester } from "../testing/rule-tester.js";
import rule from "./layer-cleanup.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n",
    {
      name: "another stage",
      code: "FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "a cache mount keeps the lists out of the layer",
      code: "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "the removing RUN cleans its own install",
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y a\nRUN apt-get update && apt-get install -y b && rm -rf /var/lib/apt/lists/*\n",
    },
    "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n",
    "FROM python:3.12\nRUN pip install --no-cache-dir flask\nRUN rm -rf /root/.cache/pip\n",
    "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\nRUN pip cache purge\n",
    {
      name: "a streamed download writes no file",
      code: "FROM debian:12\nRUN wget -qO- https://example.com/a.tgz | tar -xz\nRUN rm -f a.tgz\n",
    },
    {
      name: "a removal below a created directory",
      code: "FROM debian:12\nRUN mkdir /build && cd /build && cmake ..\nRUN rm -rf /build/tmp\n",
    },
    {
      name: "an ONBUILD removal runs in the child",
      code: "FROM debian:12\nRUN apt-get update\nONBUILD RUN rm -rf /var/lib/apt/lists/*\n",
    },
    {
      name: "a different download",
      code: "FROM debian:12\nRUN curl -o /tmp/a.tgz https://x.org/a.tgz && rm /tmp/a.tgz\nRUN rm /tmp/b.tgz\n",
    },
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n",
      errors: [
        {
          messageId: "cache",
          message:
            "'rm /var/lib/apt/lists/*' cleans a package cache that the RUN on line 2 filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.",
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 32,
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN apt-get install -y curl\nRUN echo done && apt-get clean\n",
      errors: [
        {
          messageId: "cache",
          message:
            "'apt-get clean' cleans a package cache that the RUN on line 2 filled; the files stay in that layer, so the image does not shrink. Clean up in the RUN that fills the cache.",
          line: 3,
          column: 18,
          endColumn: 31,
        },
      ],
    },
    {
      name: "the word is found across a continuation",
      code: "FROM centos:7\nRUN yum install -y make\nRUN echo a \\\n  # comment\n  && yum clean all\n",
      errors: [{ messageId: "cache", line: 5, column: 6, endLine: 5, endColumn: 19 }],
    },
    {
      code: "FROM alpine:3.20\nRUN apk add curl\nRUN rm -rf /var/cache/apk/*\n",
      errors: [{ messageId: "cache", line: 3, column: 5 }],
    },
    {
      code: "FROM python:3.12\nRUN pip install flask\nRUN rm -rf ~/.cache\n",
      errors: [{ messageId: "cache", line: 3 }],
    },
    {
      code: "FROM node:22\nRUN npm ci\nRUN npm cache clean --force\n",
      errors: [{ messageId: "cache", line: 3, column: 5, endColumn: 28 }],
    },
    {
      code: "FROM debian:12\nRUN curl -fsSLo /tmp/app.tgz https://example.com/app.tgz && tar -xzf /tmp/app.tgz -C /opt\nRUN rm /tmp/app.tgz\n",
      errors: [
        {
          messageId: "download",
          message:
            "'/tmp/app.tgz' comes from the RUN on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 3,
          column: 5,
          endColumn: 20,
        },
      ],
    },
    {
      name: "wget into the working directory",
      code: "FROM debian:12\nWORKDIR /src\nRUN wget https://example.com/v1.2/tool.tar.gz\nRUN tar -xzf tool.tar.gz && rm tool.tar.gz\n",
      errors: [{ messageId: "download", line: 4, column: 29, endColumn: 43 }],
    },
    {
      code: "FROM debian:12\nADD https://example.com/tool.tgz /tmp/\nRUN tar -xzf /tmp/tool.tgz -C /opt && rm -rf /tmp/*\n",
      errors: [
        {
          messageId: "download",
          message:
            "'/tmp/tool.tgz' comes from the ADD on line 2; removing it in a later layer does not shrink the image. Fetch, use and remove it in one RUN.",
          line: 3,
          column: 39,
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN git clone https://github.com/a/b.git /src/b && make -C /src/b install\nRUN rm -rf /src/b\n",
      errors: [{ messageId: "buildDir", line: 3, column: 5 }],
    },
    {
      name: "a directory made and entered",
      code: "FROM debian:12\nRUN mkdir -p /tmp/build && cd /tmp/build && cmake /src && make\nRUN rm -rf /tmp/build\n",
      errors: [
        {
          messageId: "buildDir",
          message:
            "'/tmp/build' was created by the RUN on line 2; removing it in a later layer does not shrink the image. Remove it in the RUN that creates it, or build in a separate stage.",
          line: 3,
        },
      ],
    },
    {
      name: "a heredoc body",
      code: "FROM debian:12\nRUN apt-get update\nRUN <<EOF\nset -e\nrm -rf /var/lib/apt/lists/*\nEOF\n",
      errors: [{ messageId: "cache", line: 5, column: 1, endColumn: 28 }],
    },
  ],
});
