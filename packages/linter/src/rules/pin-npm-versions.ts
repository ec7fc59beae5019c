import { defineRule } from "../rule.js";
import { runShell, scriptCommands, scriptRange } from "../shell/run.js";
import { npmCommands, npmInstallVerbs, yarnCommands } from "../shell/tools/npm.js";

export default defineRule({
  id: "pin-npm-versions",
  title: "Pin the versions of packages installed with npm or yarn",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3016" },
  docs: {
    rationale:
      "`npm install -g typescript` (or `yarn global add typescript`) installs the newest release on the day of the build, so two builds of the same Dockerfile can differ. " +
      "Name a version (`typescript@5.6.3`); for a git dependency, name a ref (`#v1.2.0`).",
    limitations:
      "A bare `npm install`, `npm ci` or `yarn install` installs from `package.json` and its lock file and is not checked; tarballs and local paths are accepted. pnpm is not checked.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives.",
    bad: [
      `FROM node:22
RUN npm install -g typescript
`,
    ],
    good: [
      `FROM node:22
RUN npm install -g typescript@5.6.3
`,
      `FROM node:22
RUN npm ci && npm install ./vendor/lib.tgz
`,
    ],
  },
  messages: {
    unpinned: (pkg: string) =>
      `Package '${pkg}' is installed without a version; pin it with '${pkg}@<version>'.`,
  },
  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      const commands = scriptCommands(shell);
      const installs = npmCommands(commands)
        .filter(({ verb }) => npmInstallVerbs.has(verb?.value ?? ""))
        .map(({ operands }) => operands);
      // `yarn add pkg` and `yarn global add pkg`.
      for (const { verb, operands } of yarnCommands(commands)) {
        if (verb?.value === "add") installs.push(operands);
        else if (verb?.value === "global" && operands[0]?.value === "add") installs.push(operands.slice(1));
      }
      for (const packages of installs)
        for (const pkg of packages)
          if (!pinned(pkg.value)) ctx.report(scriptRange(ctx, shell, pkg), "unpinned", pkg.value);
    },
  },
});

function pinned(spec: string): boolean {
  if (spec.includes("$") || spec === "") return true;
  // Local folders and tarballs.
  if (/^(?:\.|\/|~|file:)/.test(spec) || /\.(?:tgz|tar\.gz|tar)$/.test(spec)) return true;
  // Git and other URLs: a ref after `#` pins them.
  if (
    /^(?:git|git\+\w+|https?|github|gitlab|bitbucket):/.test(spec) ||
    /^[\w-]+\/[\w.-]+(?:#|$)/.test(spec)
  ) {
    return spec.includes("#") || /^https?:.*\.(?:tgz|tar\.gz)$/.test(spec);
  }
  // `name@version` or `@scope/name@version`.
  const at = spec.indexOf("@", 1);
  if (at > 0) return true;
  return !/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(spec);
}
