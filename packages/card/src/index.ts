export type { BuildCardOptions, CardInput } from "./builder.js";
export { buildCard, DEFAULT_CARD_VERSION } from "./builder.js";
export type { ParseCycloneDxOptions, RenderCycloneDxOptions } from "./cyclonedx.js";
export { CYCLONEDX_PROPERTY_PREFIX, parseCycloneDx, renderCycloneDx } from "./cyclonedx.js";
export { isCardDate } from "./dates.js";
export type { CardErrorCode, CardErrorDetails, CardIssue } from "./errors.js";
export { CardError } from "./errors.js";
export { escapeHtml, renderHtml } from "./html.js";
export type { ParseHuggingFaceOptions } from "./huggingface.js";
export { GENERATED_MARKER, HUGGING_FACE_KEYS, parseHuggingFaceReadme, renderHuggingFaceReadme } from "./huggingface.js";
export type { HuggingFaceLicense } from "./license.js";
export { checkSpdxExpression, HUGGING_FACE_LICENSES, huggingFaceToSpdx, spdxToHuggingFace } from "./license.js";
export type { InputLimits } from "./limits.js";
export { DEFAULT_INPUT_LIMITS, parseYamlBounded } from "./limits.js";
export type { ParseModelCardToolkitOptions } from "./mct.js";
export { MCT_SCHEMA_VERSION, parseModelCardToolkit, renderModelCardToolkit } from "./mct.js";
export { normalizePythonName, toPurl } from "./purl.js";
export type { NpmSbomInput, RequirementsOptions, SbomResult, UnresolvedEntry } from "./sbom.js";
export { integrityToHashes, mergeSboms, sbomFromNpm, sbomFromRequirements } from "./sbom.js";
export { MODEL_CARD_JSON_SCHEMA } from "./schema.js";
export type { RenderSpdxOptions } from "./spdx.js";
export { AI_PACKAGE_REQUIRED, checkSpdxProfiles, DATASET_PACKAGE_REQUIRED, renderSpdx, SPDX_CONTEXT } from "./spdx.js";
export type {
  AdditionalSection,
  Artifact,
  Creator,
  Dataset,
  DatasetType,
  Ecosystem,
  EthicalConsideration,
  Evaluation,
  Hash,
  HashAlgorithm,
  IntendedUse,
  IOField,
  IOSignature,
  LearningApproach,
  Lineage,
  LineageRelation,
  Maintenance,
  Metric,
  ModelCard,
  ModelReference,
  ProvenanceReference,
  SafetyRiskAssessment,
  SignatureReference,
  SoftwareBom,
  SoftwareDependency,
  Training,
  Vulnerability,
} from "./types.js";
export { CARD_SCHEMA_VERSION, DATASET_TYPES, HASH_ALGORITHMS } from "./types.js";
export type { CardValidation } from "./validate.js";
export { assertCard, HASH_HEX_LENGTH, validateCard } from "./validate.js";
