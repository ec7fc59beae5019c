import { describe, expect, it } from "vitest";
import { parse, walk, type WalkNode } from "../src/index.js";

const label = (node: WalkNode | null): string =>
  node === null ? "-" : node.type === "Stage" ? `Stage${node.index}` : node.type;

describe("walk", () => {
  it("visits directives, comments, stages and ONBUILD triggers in source order, with their parents", () => {
    const { ast } = parse(
      "# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine AS a\n# note\nONBUILD RUN x\nFROM a\nRUN y\n",
    );
    const events: string[] = [];
    walk(ast, {
      enter: (node, parent) => events.push(`> ${label(node)} in ${label(parent)}`),
      exit: (node) => events.push(`< ${label(node)}`),
    });
    expect(events).toEqual([
      "> Dockerfile in -",
      "> Directive in Dockerfile",
      "< Directive",
      "> Arg in Dockerfile",
      "< Arg",
      "> Stage0 in Dockerfile",
      "> From in Stage0",
      "< From",
      "> Comment in Dockerfile",
      "< Comment",
      "> Onbuild in Stage0",
      "> Run in Onbuild",
      "< Run",
      "< Onbuild",
      "< Stage0",
      "> Stage1 in Dockerfile",
      "> From in Stage1",
      "< From",
      "> Run in Stage1",
      "< Run",
      "< Stage1",
      "< Dockerfile",
    ]);
  });
});
