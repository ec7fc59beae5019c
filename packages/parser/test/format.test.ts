import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dump, format, parse, type FormatOptions } from "../src/index.js";
import { fingerprint, formatUnchecked } from "../src/print/format.js";

const fixtures = (() => {
  const out: { name: string; text: string }[] = [];
  const root = join(import.meta.dirname, "fixtures");
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name === "Dockerfile")
        out.push({ name: path.slice(root.length + 1), text: readFileSync(path, "utf8") });
    }
  };
  visit(root);
  return out;
})();

/** BuildKit's dump with FROM's `as` lower-cased: BuildKit reads that word in any case. */
const dumpOf = (text: string) =>
  dump(parse(text).ast).replace(/^\(from .*$/gm, (line) => line.replace(/ "as" /i, ' "as" '));

/**
 * What every formatted text must satisfy: BuildKit reads the same (its dump lower-cases keywords, so keyword case
 * and FROM's `as` are the only differences it ignores; heredoc bodies and directives are compared too), the
 * layout needed no whole-file fallback, and formatting again changes nothing.
 */
function checkFormat(input: string, options: FormatOptions = {}): string {
  const { output, changed } = format(input, options);
  expect(changed).toBe(output !== input);
  expect(dumpOf(output)).toBe(dumpOf(input));
  expect(fingerprint(parse(output).ast)).toBe(fingerprint(parse(input).ast));
  expect(formatUnchecked(input, options)).toBe(output);
  expect(format(output, options).output).toBe(output);
  return output;
}

/** `[input, expected]` or `[input, expected, options]`; `expected` null means unchanged. */
type Case = [string, string | null, FormatOptions?];

const cases: Record<string, Case> = {
  "keywords upper-cased": ["from alpine\nrun echo hi\n", "FROM alpine\nRUN echo hi\n"],
  "AS is cased with FROM": ["from  a as b\nfrom b AS c\n", "FROM a AS b\nFROM b AS c\n"],
  "as stays when a continuation splits it, and FROM with it": ["from a a\\\ns b\n", null],
  "keywordCase keep": ["from alpine\nrun  echo hi\n", "from alpine\nrun echo hi\n", { keywordCase: "keep" }],
  "one space after the keyword": ["FROM   alpine\nRUN\techo   hi\n", "FROM alpine\nRUN echo   hi\n"],
  "RUN \\ keeps the blank before the escape": ["RUN \\\necho hi\n", "RUN \\\n    echo hi\n"],
  "no blank, no indentation: the words stay joined": ["RUN echo hel\\\nlo\n", null],
  "RUN\\ keeps joining as written, the next line indented": ["RUN\\\n echo hi\n", "RUN\\\n    echo hi\n"],
  "a keyword split by a continuation is left": ["ru\\\nn echo\n", null],
  // BuildKit stores the trigger's text as written in the image config: changing it would change the image.
  "ONBUILD, not its trigger": ["onbuild   copy  a b\n", "ONBUILD copy  a b\n"],
  "continuation lines indented by one level": [
    "COPY a \\\n        b \\\n  c /d/\n",
    "COPY a \\\n    b \\\n    c /d/\n",
  ],
  "indent option": ["ARG A \\\n B\n", "ARG A \\\n  B\n", { indent: 2 }],
  "tab indent": ["EXPOSE 80 \\\n  443\n", "EXPOSE 80 \\\n\t443\n", { indent: "\t" }],
  keepIndentation: ["COPY a \\\n        b /d/\n", null, { keepIndentation: true }],
  // BuildKit keeps the indentation in the command string: re-indenting would change the build step.
  "shell-form RUN keeps its indentation": [
    "run apt-get update && \\\n        apt-get install -y curl\n",
    "RUN apt-get update && \\\n        apt-get install -y curl\n",
  ],
  "a quoted value across lines keeps its indentation": ['ENV A="x \\\n   y"\n', null],
  "blanks after the escape character go": ["COPY a \\   \n    b /d/\n", "COPY a \\\n    b /d/\n"],
  "trailing blanks go": ["FROM alpine   \nRUN echo hi \t\n# note  \n", "FROM alpine\nRUN echo hi\n# note\n"],
  "whitespace-only lines inside a continuation go": [
    "RUN echo a \\\n\n   \n    b\n",
    "RUN echo a \\\n    b\n",
  ],
  "comment lines inside a continuation follow the indentation": [
    "COPY a \\\n  # why  \n  b /d/\n",
    "COPY a \\\n    # why\n    b /d/\n",
  ],
  "indentation before instructions and comments goes": [
    "  FROM alpine\n\t# note\n   RUN x\n",
    "FROM alpine\n# note\nRUN x\n",
  ],
  "two blank lines stay": ["FROM a\n\n\nRUN x\n", null],
  "three blank lines become one": ["FROM a\n\n  \n\t\nRUN x\n", "FROM a\n\nRUN x\n"],
  "blank lines at the end go, a final newline is added": ["FROM a\n\n\n", "FROM a\n"],
  "a stray carriage return at the end of a line goes": ["FROM a \r \n# c \r \n", "FROM a\n# c\n"],
  "final newline": ["FROM a", "FROM a\n"],
  "final newline after a comment": ["FROM a\n# end", "FROM a\n# end\n"],
  "CRLF stays CRLF": [
    "from a\r\nrun echo \\\r\n  b   \r\n\r\n\r\n\r\n\r\ncopy a \\\r\n b /c/",
    "FROM a\r\nRUN echo \\\r\n  b\r\n\r\nCOPY a \\\r\n    b /c/\r\n",
  ],
  "escape directive": [
    "# escape=`\ncopy a `\n  b c:\\d\\\nrun echo \\\n",
    "# escape=`\nCOPY a `\n    b c:\\d\\\nRUN echo \\\n",
  ],
  "a blank line before the directive keeps it a comment": [
    "\n# escape=`\nrun echo `\n",
    "\n# escape=`\nRUN echo `\n",
  ],
  "directives untouched": [
    "# syntax=docker/dockerfile:1  \n#escape=\\\nfrom a\n",
    "# syntax=docker/dockerfile:1  \n#escape=\\\nFROM a\n",
  ],
  "heredoc bodies untouched": [
    "run <<EOF  \n  run x  \n\n\n\n\n  \\\nEOF\ncopy <<-EOT /x\n\tfrom  \n\tEOT\n",
    "RUN <<EOF\n  run x  \n\n\n\n\n  \\\nEOF\nCOPY <<-EOT /x\n\tfrom  \n\tEOT\n",
  ],
  "an open heredoc at the end gets no newline": ["run <<EOF\nbody  ", "RUN <<EOF\nbody  "],
  "JSON forms untouched": [
    'cmd [ "a",\\\n      "b" ]  \nshell  ["sh",   "-c"]\n',
    'CMD [ "a",\\\n      "b" ]\nSHELL ["sh",   "-c"]\n',
  ],
  "unknown instructions untouched": ["frm alpine  \nrun x\n", "frm alpine  \nRUN x\n"],
  "byte order mark kept": ["\ufefffrom a\n", "\ufeffFROM a\n"],
  "empty file": ["", null],
  "blank file": ["\n  \n", ""],
  "a U+FEFF after blanks does not become a byte order mark": [" \ufeff", " \ufeff\n"],
  "a realistic file": [
    `# syntax=docker/dockerfile:1
from   node:22 AS build   
workdir /app
copy package.json \\
      pnpm-lock.yaml \\
      ./
run --mount=type=cache,target=/root/.npm \\
    npm ci && \\
      npm run build



from gcr.io/distroless/nodejs22
copy --from=build /app/dist /app
cmd ["/app/main.js"]`,
    `# syntax=docker/dockerfile:1
FROM node:22 AS build
WORKDIR /app
COPY package.json \\
    pnpm-lock.yaml \\
    ./
RUN --mount=type=cache,target=/root/.npm \\
    npm ci && \\
      npm run build

FROM gcr.io/distroless/nodejs22
COPY --from=build /app/dist /app
CMD ["/app/main.js"]
`,
  ],
  "already formatted": ["FROM alpine AS build\nRUN make\n\nFROM scratch\nCOPY --from=build /out /\n", null],
};

describe("format", () => {
  for (const [name, [input, expected, options]] of Object.entries(cases)) {
    it(name, () => {
      expect(checkFormat(input, options)).toBe(expected ?? input);
    });
  }

  it("leaves a template as written: its layout is the generator's", () => {
    const erb = [
      "from ruby:3.3<% unless defer %> as base<% end %>",
      "RUN a && \\",
      "<% if gems -%>",
      "  bundle install && \\",
      "<% end -%>",
      "  true",
      "",
    ].join("\n");
    const nginx = 'FROM debian:%%SUITE%%\nRUN x="%%PACKAGES%%\n    " \\\n  && y\n';
    for (const text of [erb, nginx])
      expect(format(text)).toEqual({ output: text, changed: false, template: true });
    // A Go template in a RUN's argument does not make a template.
    expect(format("from a\nRUN docker inspect -f '{{.Id}}' b\n")).toEqual({
      output: "FROM a\nRUN docker inspect -f '{{.Id}}' b\n",
      changed: true,
    });
  });

  it("never changes what BuildKit reads in the fixtures, with any options", () => {
    const variants: FormatOptions[] = [
      {},
      { indent: 2 },
      { indent: "\t", keywordCase: "keep" },
      { keepIndentation: true },
    ];
    for (const { name, text } of fixtures) {
      for (const options of variants) {
        for (const input of [text, text.replace(/\n/g, "\r\n")]) {
          try {
            checkFormat(input, options);
          } catch (error) {
            throw new Error(`${name} ${JSON.stringify(options)}: ${String(error)}`, { cause: error });
          }
        }
      }
    }
  });
});

/** Pieces that matter to the line structure, so that random text hits the interesting paths often. */
const piece = fc.constantFrom(
  "FROM ",
  "from ",
  "RUN ",
  "run\t",
  "COPY ",
  "ENV ",
  "LABEL ",
  "ARG ",
  "EXPOSE ",
  "ONBUILD ",
  "HEALTHCHECK ",
  "CMD ",
  "SHELL ",
  "x",
  "a=b",
  "=",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n\n",
  "\r\n",
  "\r",
  "\\",
  "\\\n",
  " \\\n   ",
  "\\  \n",
  "`",
  "`\n",
  "#",
  "# c\n",
  "# escape=`\n",
  "# syntax=x\n",
  "<<",
  "<<-",
  "EOF",
  "\nEOF\n",
  "'",
  '"',
  '["a", "b"]',
  "[",
  "]",
  ",",
  "--",
  "--mount=type=cache,target=/x ",
  "$",
  "${",
  "}",
  "\ufeff",
  "\u00a0",
  "é",
);
const dockerishText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));
const options = fc.record(
  {
    indent: fc.oneof(fc.nat({ max: 8 }), fc.constantFrom("\t", "  ")),
    keywordCase: fc.constantFrom("upper" as const, "keep" as const),
    keepIndentation: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("format properties", () => {
  it("keeps what BuildKit reads and is idempotent on random Dockerfile-like text", () => {
    fc.assert(
      fc.property(dockerishText, options, (text, opts) => {
        checkFormat(text, opts);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        checkFormat(text);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps what BuildKit reads on fixtures with random edits", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), dockerishText);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures.map((f) => f.text)),
        fc.array(edit, { maxLength: 3 }),
        (text, edits) => {
          let mutated = text;
          for (const [at, remove, insert] of edits) {
            const i = at % (mutated.length + 1);
            mutated = mutated.slice(0, i) + insert + mutated.slice(i + remove);
          }
          checkFormat(mutated);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
