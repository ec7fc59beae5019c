export { parse } from "./ast/build.js";
export { parseWork } from "./work.js";
export { firstIndex } from "./first-index.js";
export { print } from "./print/print.js";
export { dump, goQuote } from "./print/dump.js";
export { visitorKeys, walk, type WalkHandlers, type WalkNode } from "./ast/walk.js";
export { PositionMap } from "./ast/positions.js";
export { positionMapOf } from "./ast/node-classes.js";
export { flagNamed, parseDuration, instructionFlags, type FlagKind } from "./syntax/flags.js";
export { checkedMountOptions, parseMount } from "./syntax/mount.js";
export {
  expandWord,
  expandWords,
  heredocBodyOptions,
  type ExpandEnv,
  type ExpandOptions,
  type ExpandWordResult,
  type ExpandWordsResult,
} from "./expand/expand.js";
export { nameEnd } from "./expand/chars.js";
export * from "./ast/nodes.js";
export { format, type FormatOptions, type FormatResult } from "./print/format.js";
export {
  semanticModel,
  type SemanticModel,
  semanticWork,
  type Definition,
  type GlobalArgs,
  type SemanticOptions,
  type StageScope,
  type ValueOptions,
} from "./semantics/model.js";
export {
  defaultPath,
  defaultPredefinedArgs,
  nonEnvArgs,
  predefinedArgDocs,
  predefinedArgs,
  proxyArgs,
} from "./semantics/predefined.js";
export {
  defaultPlatform,
  formatPlatform,
  knownArch,
  parsePlatform,
  type ParsedPlatform,
  type Platform,
} from "./semantics/platform.js";
export { PersistentMap, PersistentSet } from "./semantics/persistent-map.js";
export {
  imageReferenceProblem,
  namedContextKey,
  normalizeImageReference,
  splitImageReference,
  type ImageReference,
} from "./semantics/image-reference.js";
export { cleanContextPath, parseDockerignore, type Dockerignore } from "./semantics/dockerignore.js";
export { globCovers, globTest, isGlob, type GlobDialect } from "./semantics/glob.js";
export { dockerfileNamePattern, isDockerfileName } from "./semantics/file-names.js";
export { pathMax } from "./semantics/limits.js";
export { cleanPath, cleanSegments, workdirAfter } from "./semantics/path.js";
export { isOfficialImage } from "./semantics/official-images.js";
export { foreignFrontend, mayBeForeignStage } from "./semantics/frontend.js";
export { sourceKind, type SourceKind } from "./semantics/sources.js";
export { spellingWork, suggestSpelling, type SuggestOptions } from "./syntax/suggest.js";
export {
  firstMarkupOutsideComments,
  hasControlLines,
  maskTemplate,
  templateMarkup,
  type TemplateSpan,
} from "./syntax/template.js";
