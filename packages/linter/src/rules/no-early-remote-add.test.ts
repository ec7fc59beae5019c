import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-early-remote-add.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a branch head from the forge's API rebuilds the clone after it when the branch moves",
      code: `FROM debian:12
ADD https://api.github.com/repos/dusty-nv/3D-Diffusion-Policy/git/refs/heads/master /tmp/dp3_version.json
RUN apt-get update
RUN git clone --depth=1 https://github.com/dusty-nv/3D-Diffusion-Policy /opt/dp3
`,
    },
    {
      name: "ADD with a checksum is keyed by it",
      code: `FROM debian:12
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /tmp/
RUN apt-get update
`,
    },
    `FROM debian:12
ADD https://example.com/tini /tini
RUN chmod +x /tini
RUN apt-get update
`,
    {
      name: "a repository is cloned into the destination, which the next RUN uses",
      code: `FROM debian:12
ADD git@github.com:o/tool.git /src/
RUN make -C /src
`,
    },
    {
      name: "BuildKit reads an ftp:// source as a path in the build context, not as a download",
      code: `FROM debian:12
ADD ftp://example.com/tool.tgz /tmp/
RUN apt-get update
RUN tar -xzf /tmp/tool.tgz
`,
    },
    {
      name: "a script the Dockerfile does not show may be what reads the download",
      code: `FROM debian:12
ADD https://example.com/steamcmd.tar.gz /home/steam/steamcmd.tar.gz
RUN --mount=type=bind,source=scripts/setup.sh,target=/tmp/setup.sh \\
    bash /tmp/setup.sh
`,
    },
    {
      name: "a script run by its path",
      code: `FROM debian:12
ADD https://example.com/tool.tgz /opt/
RUN /scripts/install.sh
`,
    },
  ],
  invalid: [
    {
      name: "an installer the RUN downloads itself is another project's, which does not read the ADD",
      code: `FROM debian:12
ADD https://example.com/tool.tgz /opt/
RUN curl -fsSLO https://example.com/get.sh && sh get.sh
`,
      errors: [{ messageId: "remoteAdd", line: 2 }],
    },
    {
      code: `FROM debian:12
ADD https://example.com/tool.tgz /tmp/
RUN apt-get update
RUN tar -xzf /tmp/tool.tgz
`,
      errors: [
        {
          messageId: "remoteAdd",
          message:
            "'https://example.com/tool.tgz' is fetched again on every build, and the RUN on line 3 does not use it but is rebuilt whenever it changes; move this ADD down to just before its first use.",
          line: 2,
          column: 5,
          endColumn: 33,
        },
      ],
    },
    {
      name: "an ADD of a --build-arg-only value",
      code: `FROM debian:12
ARG URL
ADD $URL /opt/tool.tgz
RUN apt-get update
RUN tar -xzf /opt/tool.tgz
`,
      errors: [{ messageId: "remoteAdd", line: 3, column: 5 }],
    },
    {
      name: "a repository is fetched again on every build, as a URL is",
      code: `FROM debian:12
ADD git@github.com:o/tool.git /src/tool
RUN apt-get update
RUN make -C /src/tool
`,
      errors: [{ messageId: "remoteAdd", line: 2, column: 5 }],
    },
  ],
});
