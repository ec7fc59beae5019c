import { format, isDockerfileName } from "@hull/parser";
import type { Parser, Plugin, Printer, SupportLanguage, SupportOptions } from "prettier";

/** The whole file: the formatter works on text, so the "AST" Prettier passes around is the source itself. */
export interface DockerfileRoot {
  type: "Dockerfile";
  text: string;
  start: number;
  end: number;
}

/**
 * Dockerfiles by name, the names `hull lint DIR` takes (the parser's `isDockerfileName`): `filenames` and
 * `extensions` let `prettier .` find the usual ones, `isSupported` takes the rest (`Dockerfile.dev`,
 * `Dockerfile-windows`) when a file is named.
 */
export const languages: SupportLanguage[] = [
  {
    name: "Dockerfile",
    parsers: ["dockerfile"],
    filenames: ["Dockerfile", "Containerfile"],
    extensions: [".dockerfile"],
    linguistLanguageId: 89,
    vscodeLanguageIds: ["dockerfile"],
    isSupported: ({ filepath }) => isDockerfileName(filepath.split(/[/\\]/).pop() ?? ""),
  },
];

/** The `dockerfile` parser: keeps the text; hull's formatter parses it itself. */
export const parsers: Record<string, Parser<DockerfileRoot>> = {
  dockerfile: {
    parse: (text) => ({ type: "Dockerfile", text, start: 0, end: text.length }),
    astFormat: "dockerfile-ast",
    locStart: (node) => node.start,
    locEnd: (node) => node.end,
  },
};

/** Options of the Dockerfile printer beside Prettier's `tabWidth` and `useTabs`. */
interface DockerfileOptions {
  dockerfileKeywordCase?: "upper" | "keep";
  dockerfileKeepIndentation?: boolean;
}

/** Prints the whole file as one string: hull's `format` output, continuation lines indented by the tab width. */
export const printers: Record<string, Printer<DockerfileRoot>> = {
  "dockerfile-ast": {
    print(path, options) {
      const own = options as typeof options & DockerfileOptions;
      return format(path.node.text, {
        indent: options.useTabs ? "\t" : options.tabWidth,
        keywordCase: own.dockerfileKeywordCase ?? "upper",
        keepIndentation: own.dockerfileKeepIndentation === true,
      }).output;
    },
  },
};

/** Plugin options, shown by `prettier --help` once the plugin is loaded. */
export const options: SupportOptions = {
  dockerfileKeywordCase: {
    category: "Dockerfile",
    type: "choice",
    default: "upper",
    description: "Case of instruction keywords.",
    choices: [
      { value: "upper", description: "Upper-case them (FROM, RUN)." },
      { value: "keep", description: "Keep them as written." },
    ],
  },
  dockerfileKeepIndentation: {
    category: "Dockerfile",
    type: "boolean",
    default: false,
    description: "Leave the indentation of continuation lines as written.",
  },
};

/** hull indents continuation lines by four spaces; a `tabWidth` in the user's config still wins. */
export const defaultOptions: Plugin["defaultOptions"] = { tabWidth: 4 };

const plugin: Plugin<DockerfileRoot> = { languages, parsers, printers, options, defaultOptions };
export default plugin;
