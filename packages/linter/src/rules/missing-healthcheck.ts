import type { SemanticModel, Stage } from "@hull/parser";
import { defineRule } from "../rule.js";
import { programName } from "../shell/dialect.js";
import { filesOnly } from "./utils/stages.js";

export default defineRule({
  id: "missing-healthcheck",
  title: "Declare a HEALTHCHECK in images that run a service",
  severity: "info",
  recommended: false,
  fixable: false,
  aliases: {
    hadolint: "DL3057",
    trivy: "DS-0026",
    checkov: "CKV_DOCKER_2",
    kics: "b03a748a-542d-44f4-bb86-9199ab4fd2d5",
  },
  docs: {
    rationale:
      'Without a `HEALTHCHECK`, Docker and Swarm only know whether the main process is running, not whether it still answers; a hung server stays "up". ' +
      "Many images do not need one (command-line tools, base images, or services on orchestrators with their own probes, such as Kubernetes), so the rule is off by default, as DL3057 is in hadolint.",
    limitations:
      "Stages that other stages only build on or copy from are not reported, nor a stage without a name before the last (no `--target` can build it alone), nor one built `FROM scratch` that copies files in and has no `CMD` or `ENTRYPOINT` (an image of files, as `--output` exports, runs nothing), and a stage is satisfied by a `HEALTHCHECK` (or `HEALTHCHECK NONE`) in a stage of this file it builds on. " +
      "A `HEALTHCHECK` inherited from the base image counts only when its config is given (`hull lint --resolve` or `--image-config`). " +
      'An image that starts an interactive shell (`CMD ["bash"]`, `CMD ["pwsh"]`) and exposes no port runs no service, and is not reported.',
    bad: [
      `FROM nginx:1.27
COPY site /usr/share/nginx/html
CMD ["nginx", "-g", "daemon off;"]
`,
    ],
    good: [
      `FROM nginx:1.27
COPY site /usr/share/nginx/html
HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
CMD ["nginx", "-g", "daemon off;"]
`,
    ],
  },
  messages: {
    missing: () => "This stage has no HEALTHCHECK, so Docker cannot tell whether the service still responds.",
  },
  state: () => {
    const withHealthcheck = new Set<Stage>();
    // Made per file: someBase memoizes per test function, and the test reads this file's set.
    const hasHealthcheck = (stage: Stage) => withHealthcheck.has(stage);
    return { withHealthcheck, hasHealthcheck };
  },
  visitor: {
    Healthcheck(node, ctx) {
      const stage = ctx.currentStage();
      if (stage && !ctx.isTrigger(node)) ctx.state.withHealthcheck.add(stage);
    },
    "Dockerfile:exit"(ast, ctx) {
      const { withHealthcheck, hasHealthcheck } = ctx.state;
      if (ast.stages.every((s) => withHealthcheck.has(s))) return;
      const last = ast.stages.at(-1);
      for (const stage of ast.stages) {
        if (ctx.semantic.isUsed(stage) || withHealthcheck.has(stage)) continue;
        // `--target` names a stage, so a stage without a name that is not the last is never an image of its own.
        if (stage.name === null && stage !== last) continue;
        if (ctx.semantic.someBase(stage, hasHealthcheck) || ctx.baseImage(stage)?.config.Healthcheck)
          continue;
        // An image of files with nothing to run (FROM scratch, no CMD or ENTRYPOINT) has no service to check.
        if (filesOnly(ctx.semantic, stage)) continue;
        if (startsAShell(ctx.semantic, stage)) continue;
        ctx.report(stage.from.keyword, "missing");
      }
    },
  },
});

/** Shells and REPLs an image starts for someone to type into. */
const interactive = /^(?:sh|bash|ash|dash|zsh|fish|pwsh|powershell|cmd|python[0-9.]*|node|irb|iex)$/;

/**
 * True when a stage's container starts an interactive shell with no arguments (`CMD ["pwsh"]`, `CMD bash`, a
 * development container's) and no stage of its chain exposes a port: it runs no service to check.
 */
function startsAShell(semantic: SemanticModel, stage: Stage): boolean {
  if (semantic.lastOf(stage, "Expose") !== null) return false;
  const entrypoint = semantic.lastOf(stage, "Entrypoint");
  const cmd = semantic.lastOf(stage, "Cmd");
  // An ENTRYPOINT runs with the CMD as its arguments: `["bash"]` with `CMD ["-c", "serve"]` is no shell to type in.
  const command = entrypoint !== null && cmd !== null ? null : (entrypoint ?? cmd);
  if (command === null) return false;
  const argv =
    command.form === "exec"
      ? command.args.map((a) => a.value)
      : (command.args[0]?.value ?? "").trim().split(/\s+/);
  return argv.length === 1 && interactive.test(programName(argv[0] ?? ""));
}
