import { ruleTester } from "../testing/rule-tester.js";
import rule from "./template-syntax.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3.20
RUN echo hi
`,
    // Go-template arguments of commands inside a RUN, and markup in comments, are not template markup.
    `FROM alpine:3.20
RUN docker inspect --format '{{json .State}}' x && \\
  go build -ldflags='-X main.v={{.Version}}'
`,
    `FROM alpine:3.20
# docker image inspect --format "{{.RepoDigests}}" img
RUN git log --format='%aN <%aE>'
`,
    // A placeholder that a RUN replaces in a file it wrote is the file's, not the Dockerfile's.
    `FROM alpine:3.20
RUN sed -i "s/%%PORT%%/$PORT/" /etc/app.conf && echo "\${name%%.*}"
`,
    // A heredoc body may hold a template file.
    `FROM alpine:3.20
COPY <<EOF /etc/app.tmpl
{{ range .Items }}
{{ .Name }}
{{ end }}
EOF
`,
  ],
  invalid: [
    {
      name: "reported at the first markup outside comments, where it can break the build",
      code: `# syntax=docker/dockerfile:1
# LinuxGSM {{ gamename }} Dockerfile
#
# https://github.com/GameServerManagers/docker-gameserver
#

FROM ghcr.io/gameservermanagers/linuxgsm:{{ distro }}
`,
      errors: [{ messageId: "template", line: 7, column: 42 }],
    },
    {
      code: `{{ if .alpine }}
FROM alpine:3.20
{{ else }}
FROM debian:12
{{ end }}
`,
      errors: [
        {
          messageId: "template",
          message:
            "This file is a template ({{ … }} markup), not a Dockerfile; hull lints it with the markup treated as opaque.",
          line: 1,
          column: 1,
          endColumn: 17,
        },
      ],
    },
    {
      // An official image's template.
      code: `FROM debian:%%SUITE%%-slim
ENV VERSION %%VERSION%%
`,
      errors: [
        {
          messageId: "template",
          message:
            "This file is a template (%%NAME%% markup), not a Dockerfile; hull lints it with the markup treated as opaque.",
          line: 1,
          column: 13,
          endColumn: 22,
        },
      ],
    },
    {
      // Markup in a value is enough; reported once, at the first markup.
      code: `FROM debian:{{ .debian.version }}-slim
ENV V={{ .version }}
`,
      errors: [{ messageId: "template", line: 1, column: 13, endColumn: 34 }],
    },
    {
      code: `FROM python:3.12
{% for p in packages %}
RUN pip install {{ p }}
{% endfor %}
`,
      errors: [
        {
          messageId: "template",
          message:
            "This file is a template ({% … %} markup), not a Dockerfile; hull lints it with the markup treated as opaque.",
          line: 2,
        },
      ],
    },
    {
      code: `<% if alpine %>
FROM alpine:3.20
<% end %>
`,
      errors: [
        {
          messageId: "template",
          message:
            "This file is a template (<% … %> markup), not a Dockerfile; hull lints it with the markup treated as opaque.",
          line: 1,
        },
      ],
    },
  ],
});
