import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-security-insecure",
  title: "Do not run build steps with --security=insecure",
  severity: "warning",
  fixable: false,
  security: "high",
  docs: {
    rationale:
      "`RUN --security=insecure` runs the command without the build sandbox, like `docker run --privileged`: it gets every capability, the host's devices and no seccomp or AppArmor profile, so the command (and anything it downloads) can take over the build host. " +
      "BuildKit allows it only when the builder was started with the `security.insecure` entitlement and the build asks for it, but a Dockerfile that needs it cannot be built safely on a shared builder. " +
      "Move the step that needs privileges out of the image build, or give it the one capability it needs at run time.",
    limitations: "Semgrep's `run-security-insecure` rule reports the same.",
    bad: [
      `# syntax=docker/dockerfile:1-labs
FROM debian:12
RUN --security=insecure mount -t tmpfs none /mnt
`,
    ],
    good: [
      `FROM debian:12
RUN --security=sandbox make
`,
      `FROM debian:12
RUN make
`,
    ],
    seeAlso: [
      "https://github.com/semgrep/semgrep-rules/blob/develop/dockerfile/security/run-security-insecure.yaml",
    ],
  },
  messages: {
    insecure: () => "This step runs outside the build sandbox with full privileges on the build host.",
  },
  visitor: {
    Run(node, ctx) {
      for (const flag of node.flags) {
        if (flag.name === "security" && flag.value === "insecure") ctx.report(flag, "insecure");
      }
    },
  },
});
