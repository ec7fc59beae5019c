import { defineRule, type RuleContext } from "../rule.js";
import { runShell, scriptCommands, scriptRange } from "../shell/run.js";
import type { ShellRedirect, ShellWord } from "../shell/lexer.js";
import type { RunShell } from "../shell/run.js";
import { pipCommands, pipxInstall } from "../shell/tools/pip.js";

/** A VCS requirement (`git+https://host/repo.git@ref#egg=x`, or `name @ git+…`): the URL after the `+`. */
const VCS = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*@\s*)?(?:git|hg|svn|bzr)\+[a-z]+:\/\/(.*)$/;

/** True when a VCS URL names a ref: an `@` in its path (the `@` of `git@host` comes before the path). */
function vcsPinned(url: string): boolean {
  const path = url.replace(/#.*$/, "");
  const slash = path.indexOf("/");
  return slash >= 0 && path.slice(slash).includes("@");
}

const messages = {
  unpinned: (pkg: string) =>
    `Package '${pkg}' is installed without a version; pin it, e.g. '${pkg}==<version>'.`,
  redirected: (pkg: string, op: string, target: string) =>
    `The shell reads the '${op}' of ${pkg}${op}${target} as a redirection (of the file '${target}'), so '${pkg}' is installed without a version; quote the requirement: '${pkg}${op}${target}'.`,
  vcsUnpinned: (url: string) =>
    `'${url}' installs whatever the repository's default branch holds on the day of the build; pin a tag or commit with '@<ref>'.`,
};

type Context = RuleContext<typeof messages>;

export default defineRule({
  id: "pin-pip-versions",
  title: "Pin the versions of packages installed with pip",
  severity: "warning",
  fixable: false,
  aliases: { hadolint: "DL3013" },
  docs: {
    rationale:
      "`pip install flask` installs the newest release on the day of the build, so rebuilding the same Dockerfile can bring in a release that breaks your code. " +
      "Pin each package (`flask==3.0.3`, or a range such as `flask>=3,<4`), or install from a requirements or constraints file.",
    limitations:
      "Paths, wheels, archives, plain URLs and packages given by a variable are accepted. A VCS URL (`git+https://…`) is pinned by a ref: `…/repo.git@v1.2#egg=x`. " +
      "The applications `pipx install` installs are read the same way.",
    hadolintDifferences:
      "packages given by a variable (`$PKGS`) are not reported, since their value is not in the Dockerfile and may well be pinned; hadolint's users report those findings as false positives.",
    bad: [
      `FROM python:3.12
RUN pip install flask
`,
      `FROM python:3.12
RUN pip install git+https://github.com/psf/requests.git#egg=requests
`,
    ],
    good: [
      `FROM python:3.12
RUN pip install flask==3.0.3 'gunicorn>=22,<23'
`,
      `FROM python:3.12
RUN pip install -r requirements.txt
`,
      `FROM python:3.12
RUN python -m pip install ./dist/app-1.0-py3-none-any.whl
`,
      `FROM python:3.12
RUN pip install git+https://github.com/psf/requests.git@v2.32.3#egg=requests
`,
    ],
  },
  messages,

  visitor: {
    Run(node, ctx) {
      const shell = runShell(node, ctx);
      for (const { args, verb, operands: packages, command } of pipCommands(scriptCommands(shell))) {
        const values = args.map((a) => a.value);
        if (values.some((v) => /^(?:-r|-c|--requirement|--constraint)(?:=|$)/.test(v) || /^-[rc]\S/.test(v)))
          continue;
        if (verb?.value === "install") check(ctx, shell, packages, command.redirects);
      }
      for (const command of scriptCommands(shell)) {
        const packages = pipxInstall(command);
        if (packages) check(ctx, shell, packages, command.redirects);
      }
    },
  },
});

/** Reports the packages of an install that name no version. */
function check(
  ctx: Context,
  shell: RunShell,
  packages: readonly ShellWord[],
  redirects: readonly ShellRedirect[],
): void {
  for (const pkg of packages) {
    const vcs = VCS.exec(pkg.value);
    if (vcs) {
      if (!vcsPinned(vcs[1]!)) ctx.report(scriptRange(ctx, shell, pkg), "vcsUnpinned", pkg.value);
      continue;
    }
    // Only a bare distribution name (extras allowed) is unpinned; operators, URLs, paths and files are not.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,\s-]*\])?$/.test(pkg.value)) continue;
    if (/\.(?:whl|tar\.gz|tgz|zip)$/.test(pkg.value)) continue;
    // `pip install setuptools>=41` unquoted: the shell writes pip's output to a file named `=41`.
    const redirect = redirects.find(
      (r) => r.start === pkg.end && (r.op === ">" || r.op === "<") && r.fd === null,
    );
    if (redirect?.target)
      ctx.report(scriptRange(ctx, shell, pkg), "redirected", pkg.value, redirect.op, redirect.target.raw);
    else ctx.report(scriptRange(ctx, shell, pkg), "unpinned", pkg.value);
  }
}
