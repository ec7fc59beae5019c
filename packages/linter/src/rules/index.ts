import type { Rule } from "../rule.js";
import aptGetNonInteractive from "./apt-get-non-interactive.js";
import cmdOverridden from "./cmd-overridden.js";
import consistentInstructionCasing from "./consistent-instruction-casing.js";
import copyDestTrailingSlash from "./copy-dest-trailing-slash.js";
import copyFromUndefinedStage from "./copy-from-undefined-stage.js";
import copyIgnoredFile from "./copy-ignored-file.js";
import copyRelativeWithoutWorkdir from "./copy-relative-without-workdir.js";
import exposeInvalidFormat from "./expose-invalid-format.js";
import exposeInvalidPort from "./expose-invalid-port.js";
import exposeProtoCasing from "./expose-proto-casing.js";
import fromAsCasing from "./from-as-casing.js";
import fromFirst from "./from-first.js";
import heredocExpandedEarly from "./heredoc-expanded-early.js";
import heredocWithoutSetE from "./heredoc-without-set-e.js";
import invalidBaseImagePlatform from "./invalid-base-image-platform.js";
import invalidDefaultArgInFrom from "./invalid-default-arg-in-from.js";
import invalidDefinitionDescription from "./invalid-definition-description.js";
import invalidExpansion from "./invalid-expansion.js";
import invalidImageReference from "./invalid-image-reference.js";
import invalidLabelKey from "./invalid-label-key.js";
import labelSchema from "./label-schema.js";
import layerCleanup from "./layer-cleanup.js";
import legacyKeyValueFormat from "./legacy-key-value-format.js";
import maintainerDeprecated from "./maintainer-deprecated.js";
import missingHealthcheck from "./missing-healthcheck.js";
import noAptInstallRecommends from "./no-apt-install-recommends.js";
import noAptKey from "./no-apt-key.js";
import noBroadCopyBeforeInstall from "./no-broad-copy-before-install.js";
import noConsecutiveRun from "./no-consecutive-run.js";
import noConstantPlatform from "./no-constant-platform.js";
import noCopyFromOwnStage from "./no-copy-from-own-stage.js";
import noCopyWholeStage from "./no-copy-whole-stage.js";
import noCurlAndWget from "./no-curl-and-wget.js";
import noCurlPipeShell from "./no-curl-pipe-shell.js";
import noDockerSocket from "./no-docker-socket.js";
import noDuplicateStageName from "./no-duplicate-stage-name.js";
import noEarlyArg from "./no-early-arg.js";
import noEarlyRemoteAdd from "./no-early-remote-add.js";
import noEmptyContinuation from "./no-empty-continuation.js";
import noHardcodedPassword from "./no-hardcoded-password.js";
import noHardcodedSecret from "./no-hardcoded-secret.js";
import noImplicitRootUser from "./no-implicit-root-user.js";
import noInlineCredentials from "./no-inline-credentials.js";
import noInlineIgnore from "./no-inline-ignore.js";
import noInsecureTlsEnv from "./no-insecure-tls-env.js";
import noInsecureTls from "./no-insecure-tls.js";
import noLatestTag from "./no-latest-tag.js";
import noLeftoverApkCache from "./no-leftover-apk-cache.js";
import noLeftoverAptLists from "./no-leftover-apt-lists.js";
import noLeftoverPipCache from "./no-leftover-pip-cache.js";
import noLeftoverYarnCache from "./no-leftover-yarn-cache.js";
import noLeftoverYumDnfCache from "./no-leftover-yum-dnf-cache.js";
import noLeftoverZypperCache from "./no-leftover-zypper-cache.js";
import noLonePackageUpdate from "./no-lone-package-update.js";
import noMultipleInstructions from "./no-multiple-instructions.js";
import noPackageUpgrade from "./no-package-upgrade.js";
import noPipeWithoutPipefail from "./no-pipe-without-pipefail.js";
import noPointlessCommand from "./no-pointless-command.js";
import noRedundantTargetPlatform from "./no-redundant-target-platform.js";
import noReservedStageName from "./no-reserved-stage-name.js";
import noRootUser from "./no-root-user.js";
import noSameEnvReference from "./no-same-env-reference.js";
import noSecretFileCopy from "./no-secret-file-copy.js";
import noSecretsInArgOrEnv from "./no-secrets-in-arg-or-env.js";
import noSecurityInsecure from "./no-security-insecure.js";
import noShellFormWithoutShell from "./no-shell-form-without-shell.js";
import noSshServer from "./no-ssh-server.js";
import noSudo from "./no-sudo.js";
import noSystemWorkdir from "./no-system-workdir.js";
import noUntaggedImage from "./no-untagged-image.js";
import noUntrustedRegistry from "./no-untrusted-registry.js";
import noUnverifiedPackages from "./no-unverified-packages.js";
import noUnverifiedRemoteAdd from "./no-unverified-remote-add.js";
import noWgetProgressBar from "./no-wget-progress-bar.js";
import noWorldWritable from "./no-world-writable.js";
import noZypperDistUpgrade from "./no-zypper-dist-upgrade.js";
import onbuildInvalidTrigger from "./onbuild-invalid-trigger.js";
import pinApkVersions from "./pin-apk-versions.js";
import pinAptVersions from "./pin-apt-versions.js";
import pinGemVersions from "./pin-gem-versions.js";
import pinImageDigest from "./pin-image-digest.js";
import pinGoVersions from "./pin-go-versions.js";
import pinNpmVersions from "./pin-npm-versions.js";
import pinPipVersions from "./pin-pip-versions.js";
import pinYumDnfVersions from "./pin-yum-dnf-versions.js";
import pinZypperVersions from "./pin-zypper-versions.js";
import preferAddForArchives from "./prefer-add-for-archives.js";
import preferAptGet from "./prefer-apt-get.js";
import preferCopyOverAdd from "./prefer-copy-over-add.js";
import preferJsonArgs from "./prefer-json-args.js";
import preferNumericUser from "./prefer-numeric-user.js";
import preferShellInstruction from "./prefer-shell-instruction.js";
import preferWorkdirOverCd from "./prefer-workdir-over-cd.js";
import stageNameCasing from "./stage-name-casing.js";
import syntaxError from "./syntax-error.js";
import templateSyntax from "./template-syntax.js";
import undefinedArgInFrom from "./undefined-arg-in-from.js";
import undefinedVar from "./undefined-var.js";
import unknownIgnoreId from "./unknown-ignore-id.js";
import useraddNoLogInit from "./useradd-no-log-init.js";
import workdirRelativePath from "./workdir-relative-path.js";
import yumDnfNonInteractive from "./yum-dnf-non-interactive.js";
import zypperNonInteractive from "./zypper-non-interactive.js";

/** Every rule hull knows, in alphabetical order of id (one line per rule). */
export const rules: readonly Rule[] = [
  aptGetNonInteractive,
  cmdOverridden,
  consistentInstructionCasing,
  copyDestTrailingSlash,
  copyFromUndefinedStage,
  copyIgnoredFile,
  copyRelativeWithoutWorkdir,
  exposeInvalidFormat,
  exposeInvalidPort,
  exposeProtoCasing,
  fromAsCasing,
  fromFirst,
  heredocExpandedEarly,
  heredocWithoutSetE,
  invalidBaseImagePlatform,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  invalidExpansion,
  invalidImageReference,
  invalidLabelKey,
  labelSchema,
  layerCleanup,
  legacyKeyValueFormat,
  maintainerDeprecated,
  missingHealthcheck,
  noAptInstallRecommends,
  noAptKey,
  noBroadCopyBeforeInstall,
  noConsecutiveRun,
  noConstantPlatform,
  noCopyFromOwnStage,
  noCopyWholeStage,
  noCurlAndWget,
  noCurlPipeShell,
  noDockerSocket,
  noDuplicateStageName,
  noEarlyArg,
  noEarlyRemoteAdd,
  noEmptyContinuation,
  noHardcodedPassword,
  noHardcodedSecret,
  noImplicitRootUser,
  noInlineCredentials,
  noInlineIgnore,
  noInsecureTlsEnv,
  noInsecureTls,
  noLatestTag,
  noLeftoverApkCache,
  noLeftoverAptLists,
  noLeftoverPipCache,
  noLeftoverYarnCache,
  noLeftoverYumDnfCache,
  noLeftoverZypperCache,
  noLonePackageUpdate,
  noMultipleInstructions,
  noPackageUpgrade,
  noPipeWithoutPipefail,
  noPointlessCommand,
  noRedundantTargetPlatform,
  noReservedStageName,
  noRootUser,
  noSameEnvReference,
  noSecretFileCopy,
  noSecretsInArgOrEnv,
  noSecurityInsecure,
  noShellFormWithoutShell,
  noSshServer,
  noSudo,
  noSystemWorkdir,
  noUntaggedImage,
  noUntrustedRegistry,
  noUnverifiedPackages,
  noUnverifiedRemoteAdd,
  noWgetProgressBar,
  noWorldWritable,
  noZypperDistUpgrade,
  onbuildInvalidTrigger,
  pinApkVersions,
  pinAptVersions,
  pinGemVersions,
  pinImageDigest,
  pinGoVersions,
  pinNpmVersions,
  pinPipVersions,
  pinYumDnfVersions,
  pinZypperVersions,
  preferAddForArchives,
  preferAptGet,
  preferCopyOverAdd,
  preferJsonArgs,
  preferNumericUser,
  preferShellInstruction,
  preferWorkdirOverCd,
  stageNameCasing,
  syntaxError,
  templateSyntax,
  undefinedArgInFrom,
  undefinedVar,
  unknownIgnoreId,
  useraddNoLogInit,
  workdirRelativePath,
  yumDnfNonInteractive,
  zypperNonInteractive,
];
