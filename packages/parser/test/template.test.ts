import { describe, expect, it } from "vitest";
import { maskTemplate, templateMarkup } from "../src/syntax/template.js";

const mask = (source: string) => maskTemplate(source, templateMarkup(source));

describe("maskTemplate", () => {
  it.each([
    ["control lines become comments", "{{ if .a }}\nFROM a\n{{ end }}\n", "#          \nFROM a\n#        \n"],
    ["inline markup becomes a variable", "FROM debian:{{ .v }}-slim\n", "FROM debian:${_____}-slim\n"],
    ["an output line keeps its place as a value", "RUN a; \\\n\t{{ clean }}\n", "RUN a; \\\n\t${________}\n"],
    [
      "a control block over several lines",
      "{{\n  def x: 1;\n-}}\nFROM a\n",
      "# \n  #        \n#  \nFROM a\n",
    ],
    [
      "jinja statements",
      "{% for p in ps %}\nRUN x\n{% endfor %}\n",
      "#                \nRUN x\n#           \n",
    ],
    ["erb output inline", "FROM <%= base %>\n", "FROM ${________}\n"],
    [
      "a dev container template option",
      "FROM node:0-${templateOption:imageVariant}\n",
      "FROM node:0-${___________________________}\n",
    ],
    ["a placeholder of the official images", "FROM debian:%%SUITE%%-slim\n", "FROM debian:${______}-slim\n"],
    ["adjacent placeholders", "FROM php:%%A%%%%BB%%\n", "FROM php:${__}${___}\n"],
    [
      "Haxe's placeholders and conditions",
      "::HEADER::\nFROM alpine:3.22\nENV V=::HAXE_VERSION::\nRUN apk add ::if GTK3::gtk+3.0::else::gtk+2.0::end::\n",
      "${_______}\nFROM alpine:3.22\nENV V=${_____________}\nRUN apk add ${________}gtk+3.0${_____}gtk+2.0${____}\n",
    ],
    [
      "Maven's filtered properties",
      "FROM ${docker.base.image}\nRUN dpkg -i /tmp/${pkg.name}.deb\nUSER ${pkg-user.name}\n",
      "FROM ${_________________}\nRUN dpkg -i /tmp/${________}.deb\nUSER ${_____________}\n",
    ],
    [
      "a dotted name only in a RUN, or a variable with a modifier, is no Maven template",
      "FROM debian:12\nARG V\nRUN echo ${a.b} ${V:-1.2}\n",
      "FROM debian:12\nARG V\nRUN echo ${a.b} ${V:-1.2}\n",
    ],
    [
      "apt's and Perl's double colons are no Haxe markup",
      "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install x && cpanm IO::SSL::Foo\n",
      "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install x && cpanm IO::SSL::Foo\n",
    ],
    [
      "a placeholder that ends a line above a continuation renders to continued lines",
      'FROM a:%%TAG%%\nRUN x="%%PACKAGES%%\n    " \\\n    && y\n',
      'FROM a:${____}\nRUN x="${________}\\\n    " \\\n    && y\n',
    ],
    [
      "a placeholder that ends a line above an instruction stays a value",
      "FROM a\nENV V %%VERSION%%\n\n# next\nENV W 1\n",
      "FROM a\nENV V ${________}\n\n# next\nENV W 1\n",
    ],
    [
      "a placeholder in a heredoc, or on the line that opens one, stays a value",
      "FROM a:%%TAG%%\nRUN cat <<EOF > %%FILE%%\necho %%X%%\ndone\nEOF\n",
      "FROM a:${____}\nRUN cat <<EOF > ${_____}\necho ${__}\ndone\nEOF\n",
    ],
    [
      "a placeholder that ends a comment line stays a value",
      "FROM a:%%TAG%%\nRUN a \\\n# see %%URL%%\n  && b\n",
      "FROM a:${____}\nRUN a \\\n# see ${____}\n  && b\n",
    ],
    [
      "with the file's escape character",
      '# escape=`\nFROM a:%%TAG%%\nRUN x="%%P%%\n  " `\n  && y\n',
      '# escape=`\nFROM a:${____}\nRUN x="${_}`\n  " `\n  && y\n',
    ],
    [
      "not a template: the shell's suffix removal",
      'FROM a\nRUN v="${x%%.*}"; w="${y%%-*}"\n',
      'FROM a\nRUN v="${x%%.*}"; w="${y%%-*}"\n',
    ],
    [
      "not a template: a placeholder a RUN replaces",
      "FROM a\nRUN sed -i 's/%%PORT%%/80/' /etc/app.conf\n",
      "FROM a\nRUN sed -i 's/%%PORT%%/80/' /etc/app.conf\n",
    ],
    [
      "not a template: unchanged",
      "FROM a\nRUN docker inspect -f '{{.Id}}' b\n",
      "FROM a\nRUN docker inspect -f '{{.Id}}' b\n",
    ],
  ])("%s", (_name, source, expected) => {
    const masked = mask(source);
    expect(masked).toBe(expected);
    expect(masked.length).toBe(source.length);
  });
});
