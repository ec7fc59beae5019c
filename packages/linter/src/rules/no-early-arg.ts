import type { Stage, Word } from "@hull/parser";
import { defineRule } from "../rule.js";
import { textOf, unquote } from "./utils/instruction-text.js";

/** ARG names whose value tools read from the environment, so the RUNs before the first `$NAME` may use them too. */
const ENVIRONMENT_ARG =
  /^(?:DEBIAN_FRONTEND|NODE_ENV|NODE_OPTIONS|[A-Za-z]+_PROXY|[a-z]+_proxy|PIP_\w+|PYTHON\w*|UV_\w+|POETRY_\w+|NPM_\w+|npm_config_\w+|YARN_\w+|PNPM_\w+|GO\w+|CGO_\w+|CARGO_\w+|RUST\w+|MAVEN_\w+|MVN_\w+|GRADLE_\w+|JAVA_\w+|JDK_\w+|BUNDLE_\w+|GEM_\w+|COMPOSER_\w+|LANG|LANGUAGE|LC_\w+|TZ|HOME|PATH|USER|SHELL|CC|CXX|CFLAGS|CXXFLAGS|CPPFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH|LD_LIBRARY_PATH|SOURCE_DATE_EPOCH|CI|TARGET\w*|BUILD\w*|DOCKER_\w+|BUILDKIT_\w+|\w*TOKEN\w*|\w*SECRET\w*|\w*PASSWORD\w*|\w*_KEY)$/;

export default defineRule({
  id: "no-early-arg",
  title: "Declare an ARG just before its first use",
  severity: "warning",
  fixable: false,
  group: "cache-busting-order",
  docs: {
    rationale:
      "Every RUN's cache key includes every ARG in scope, so an ARG declared long before its use re-runs all the RUNs in between when its value changes. " +
      "Declare it just before the first instruction that uses it.",
    bad: [
      "FROM debian:12\nARG VERSION\nRUN apt-get update && apt-get install -y curl\nRUN curl -fsSLO https://example.com/tool-$VERSION.tgz\n",
    ],
    good: [
      "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nARG VERSION\nRUN curl -fsSLO https://example.com/tool-$VERSION.tgz\n",
    ],
    seeAlso: ["no-broad-copy-before-install", "no-early-remote-add"],
  },
  messages: {
    earlyArg: (name: string, line: number, runs: number) =>
      `ARG ${name} is first used on line ${line}, and the ${runs === 1 ? "RUN" : `${runs} RUNs`} in between ${runs === 1 ? "is" : "are"} rebuilt whenever its value changes; declare it just before its use.`,
  },
  create(ctx) {
    return {
      "Stage:exit"(stage) {
        checkEarlyArgs(stage, (word, name, line, runs) => ctx.report(word, "earlyArg", name, line, runs));
      },
    };
  },
});

/** An ARG declared before RUNs that come before its first use. */
function checkEarlyArgs(
  stage: Stage,
  report: (word: Word, name: string, line: number, runs: number) => void,
): void {
  stage.instructions.forEach((node, index) => {
    if (node.type !== "Arg") return;
    for (const declaration of node.declarations) {
      const name = unquote(declaration.name.value);
      if (!/^\w+$/.test(name) || ENVIRONMENT_ARG.test(name)) continue;
      const use = new RegExp(`\\$(?:${name}|\\{${name})(?!\\w)`);
      let runs = 0;
      for (const later of stage.instructions.slice(index + 1)) {
        // Redeclaring the ARG starts a new declaration, checked on its own.
        if (later.type === "Arg" && later.declarations.some((d) => unquote(d.name.value) === name)) break;
        if (use.test(textOf(later))) {
          if (runs > 0) report(declaration.name, name, later.range.start.line, runs);
          break;
        }
        if (later.type === "Run") runs++;
      }
    }
  });
}
