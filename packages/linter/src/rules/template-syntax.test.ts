import { ruleTester } from "../testing/rule-tester.js";
import rule from "./template-syntax.js";

ruleTester.run(rule, {
  valid: [
    "FROM alpine:3.20\nRUN echo hi\n",
    // Go-template arguments of commands inside a RUN, and markup in comments, are not template markup.
    "FROM alpine:3.20\nRUN docker inspect --format '{{json .State}}' x && \\\n  go build -ldflags='-X main.v={{.Version}}'\n",
    "FROM alpine:3.20\n# docker image inspect --format \"{{.RepoDigests}}\" img\nRUN git log --format='%aN <%aE>'\n",
    // A heredoc body may hold a template file.
    "FROM alpine:3.20\nCOPY <<EOF /etc/app.tmpl\n{{ range .Items }}\n{{ .Name }}\n{{ end }}\nEOF\n",
  ],
  invalid: [
    {
      code: "{{ if .alpine }}\nFROM alpine:3.20\n{{ else }}\nFROM debian:12\n{{ end }}\n",
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
      // Markup in a value is enough; reported once, at the first markup.
      code: "FROM debian:{{ .debian.version }}-slim\nENV V={{ .version }}\n",
      errors: [{ messageId: "template", line: 1, column: 13, endColumn: 34 }],
    },
    {
      code: "FROM python:3.12\n{% for p in packages %}\nRUN pip install {{ p }}\n{% endfor %}\n",
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
      code: "<% if alpine %>\nFROM alpine:3.20\n<% end %>\n",
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
