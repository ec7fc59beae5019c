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
      `FROM debian:12
ARG VERSION
RUN apt-get update && apt-get install -y curl
RUN curl -fsSLO https://example.com/tool-$VERSION.tgz
`,
    ],
    good: [
      `FROM debian:12
RUN apt-get update && apt-get install -y curl
ARG VERSION
RUN curl -fsSLO https://example.com/tool-$VERSION.tgz
`,
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

/**
 * An ARG declared before RUNs that come before its first use. One backward pass keeps, for each name, the next
 * instruction that uses or redeclares it, so the check is linear in the stage's length.
 */
function checkEarlyArgs(
  stage: Stage,
  report: (word: Word, name: string, line: number, runs: number) => void,
): void {
  const nodes = stage.instructions;
  // runsBefore[i] is the number of RUNs among nodes[0..i-1].
  const runsBefore = [0];
  for (const node of nodes) runsBefore.push(runsBefore.at(-1)! + (node.type === "Run" ? 1 : 0));
  const next = new Map<string, { index: number; redeclares: boolean }>();
  const found: [Word, string, number, number][][] = [];
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!;
    const declared = node.type === "Arg" ? node.declarations.map((d) => unquote(d.name.value)) : [];
    if (node.type === "Arg") {
      const here: [Word, string, number, number][] = [];
      node.declarations.forEach((declaration, d) => {
        const name = declared[d]!;
        if (!/^\w+$/.test(name) || ENVIRONMENT_ARG.test(name)) return;
        const event = next.get(name);
        if (!event || event.redeclares) return;
        const runs = runsBefore[event.index]! - runsBefore[index + 1]!;
        if (runs > 0) here.push([declaration.name, name, nodes[event.index]!.range.start.line, runs]);
      });
      found.push(here);
    }
    for (const match of textOf(node).matchAll(/\$\{?(\w+)/g))
      next.set(match[1]!, { index, redeclares: false });
    for (const name of declared) next.set(name, { index, redeclares: true });
  }
  for (const here of found.reverse()) for (const args of here) report(...args);
}
