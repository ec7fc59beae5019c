import type { Rule } from "../rule.js";
import aptGetNonInteractive from "./apt-get-non-interactive.js";
import copyIgnoredFile from "./copy-ignored-file.js";
import invalidDefaultArgInFrom from "./invalid-default-arg-in-from.js";
import invalidDefinitionDescription from "./invalid-definition-description.js";
import legacyKeyValueFormat from "./legacy-key-value-format.js";
import maintainerDeprecated from "./maintainer-deprecated.js";
import noAptInstallRecommends from "./no-apt-install-recommends.js";
import noLatestTag from "./no-latest-tag.js";
import noLeftoverAptLists from "./no-leftover-apt-lists.js";
import noRootUser from "./no-root-user.js";
import noUntaggedImage from "./no-untagged-image.js";
import noUntrustedRegistry from "./no-untrusted-registry.js";
import pinAptVersions from "./pin-apt-versions.js";
import preferAptGet from "./prefer-apt-get.js";
import syntaxError from "./syntax-error.js";
import undefinedArgInFrom from "./undefined-arg-in-from.js";
import undefinedVar from "./undefined-var.js";
import unknownIgnoreId from "./unknown-ignore-id.js";

/** Every rule hull knows, in alphabetical order of id (one line per rule). */
export const rules = [
  aptGetNonInteractive,
  copyIgnoredFile,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  legacyKeyValueFormat,
  maintainerDeprecated,
  noAptInstallRecommends,
  noLatestTag,
  noLeftoverAptLists,
  noRootUser,
  noUntaggedImage,
  noUntrustedRegistry,
  pinAptVersions,
  preferAptGet,
  syntaxError,
  undefinedArgInFrom,
  undefinedVar,
  unknownIgnoreId,
] as const satisfies readonly Rule[];
