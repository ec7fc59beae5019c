import type { Add, Copy, Run, SemanticModel } from "@hull/parser";
import { defineRule } from "../rule.js";
import { runShell, scriptCommands, scriptRange } from "../shell/run.js";
import { goCommands } from "../shell/tools/go.js";

export default defineRule({
  id: "pin-go-versions",
  title: "Pin the versions of Go packages installed with go install",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3062" },
  docs: {
    rationale:
      "`go install example.com/tool@latest` (or `go get` without a version) fetches whatever the module's newest release is on the day of the build, so two builds of the same Dockerfile can differ. " +
      "Name a version: `go install example.com/tool@v1.4.2`.",
    limitations:
      "Packages of the current module (`./cmd/app`, `.`) are built from your sources and are not checked.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives. " +
      "Inside a Go module, `go install` and `go run` without a version are not reported, since Go takes the version `go.mod` pins (and refuses them outside a module). " +
      "Only remote module paths are checked, those whose first element has a dot (`github.com/…`, `golang.org/x/…`), as Go itself tells them from the standard library and local packages; hadolint checks any name (`go get -tool foobar`). " +
      "Nothing is reported in GOPATH mode, where Go refuses a version (`golang:1.10` and older, `GO111MODULE=off`).",
    bad: [
      `FROM golang:1.23
RUN go install golang.org/x/tools/cmd/goimports@latest
`,
    ],
    good: [
      `FROM golang:1.23
RUN go install golang.org/x/tools/cmd/goimports@v0.24.0
`,
      `FROM golang:1.23
RUN go install ./cmd/app && go run .
`,
    ],
  },
  messages: {
    unpinned: (pkg: string) => `Package '${pkg}' is installed without a version; pin it with '@<version>'.`,
    latest: (pkg: string) => `Package '${pkg}' asks for '@latest'; pin it with '@<version>'.`,
  },
  state: () => ({
    // Whether the stage has a Go module by now: a COPY of go.mod or of the whole context.
    module: false,
  }),
  visitor: {
    Stage(_stage, ctx) {
      ctx.state.module = false;
    },
    Copy: copied,
    Add: copied,
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      // Inside a module, `go install path` and `go run path` without a version take the version go.mod pins
      // (Go refuses them outside one); `go install tool` installs go.mod's tools. `go get` still moves go.mod.
      const inModule =
        ctx.state.module ||
        node.mounts.some((m) => m.mountType === "bind" && m.from === null && (m.source ?? ".") === ".");
      // In GOPATH mode (Go before 1.11, or GO111MODULE=off) a path takes no version: `path@v1` is refused. The
      // stage's scope is read only for the few RUNs that install with go.
      let gopath: boolean | undefined;
      for (const { command, verb, operands: packages } of goCommands(scriptCommands(shell))) {
        if (verb?.value !== "install" && verb?.value !== "get" && verb?.value !== "run") continue;
        if (
          (gopath ??= gopathStage(node, ctx.semantic)) ||
          command.words.some((w) => w.value === "GO111MODULE=off")
        )
          continue;
        const pinnedByModule = verb.value !== "get" && (inModule || packages.some((p) => p.value === "tool"));
        // `go run pkg args…`: only the first operand is a package.
        for (const pkg of verb.value === "run" ? packages.slice(0, 1) : packages) {
          const [path, version] = pkg.value.split("@") as [string, string | undefined];
          // Only remote module paths: the first element has a dot (`github.com/…`); local and std packages do not.
          if (
            !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/|$)/i.test(path) ||
            path.endsWith(".go") ||
            pkg.value.includes("$")
          )
            continue;
          if (version !== undefined && version !== "latest" && version !== "none" && version !== "") continue;
          if (version === undefined && pinnedByModule) continue;
          const range = scriptRange(ctx, shell, pkg);
          if (version === "latest") ctx.report(range, "latest", path);
          else ctx.report(range, "unpinned", path);
        }
      }
    },
  },
});

/** A COPY or ADD of go.mod or of the whole context gives the stage a Go module. */
function copied(node: Copy | Add, ctx: { readonly state: { module: boolean } }): void {
  if (node.sources.some((s) => /^(?:\.\/?|(?:.*\/)?go\.mod)$/.test(s.value.replace(/^["']|["']$/g, ""))))
    ctx.state.module = true;
}

/** True when the RUN's Go works in GOPATH mode: the stage sets `GO111MODULE=off`, or its image's Go predates 1.11. */
function gopathStage(node: Run, semantic: SemanticModel): boolean {
  const scope = semantic.scopeBefore(node);
  if (!scope) return false;
  if (scope.env.get("GO111MODULE") === "off") return true;
  const minor = /^(?:docker\.io\/)?(?:library\/)?golang:1\.(\d+)(?:[.-]|$)/.exec(scope.baseImage ?? "")?.[1];
  return minor !== undefined && Number(minor) < 11;
}
