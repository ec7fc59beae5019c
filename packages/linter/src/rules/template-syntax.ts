import { defineRule } from "../rule.js";

/** Not a rule that runs: the metadata under which the engine reports a template (it masks the markup first). */
export default defineRule({
  id: "template-syntax",
  title: "Lint the Dockerfiles a template generates, not the template",
  severity: "info",
  fixable: false,
  docs: {
    rationale:
      "A file with Go-template, Jinja or ERB markup (`{{ … }}`, `{% … %}`, `<% … %>`), a dev container template's `${templateOption:…}`, the `%%NAME%%` placeholders of the Docker official images' `Dockerfile.template` files, Haxe's `::NAME::` and `::if …::` (the Haxe Foundation's images), or the `${name.property}` placeholders of a Maven project's filtered resources, is not a Dockerfile yet: BuildKit cannot build it, and read as one it gives a syntax error on nearly every markup line. " +
      "hull recognises a template when markup stands where Dockerfile syntax goes (a line that opens with markup, or markup in a FROM, ENV, COPY… value), says so once, at the first markup outside comment lines, and lints the rest with the markup treated as opaque: " +
      "markup lines count as comments, markup inside a line as a value hull cannot know, and no other rule reports anything inside the markup. " +
      "A package cache left by a RUN is not reported when markup follows in that RUN, which may render to its cleanup (`{{ clean_apt }}`). " +
      "Markup that ends a line of an instruction, above a line no instruction can start, is read as text that ends in a line continuation, as it must render for the file to build.",
    limitations:
      "`{{.Id}}` in the argument of a `docker --format` inside a RUN does not make a file a template, nor does `%%NAME%%` in a RUN's `sed` script. " +
      "For complete results, lint the Dockerfiles the template generates.",
    bad: [
      `{{ if .alpine }}
FROM alpine:3.20
{{ else }}
FROM debian:12
{{ end }}
`,
    ],
    good: [
      `FROM alpine:3.20
RUN docker inspect --format '{{.Id}}' app > /id
`,
    ],
  },
  messages: {
    template: (markup: string) =>
      `This file is a template (${markup} markup), not a Dockerfile; hull lints it with the markup treated as opaque.`,
  },
  visitor: {},
});
