export type {
  CheckOptions,
  CheckProgress,
  CheckSummary,
  FingerprintCheckReport,
  FingerprintCheckResult,
  PromptOutcome,
} from "./check.js";
export {
  checkFingerprints,
  compareResponse,
  DEFAULT_CHECK_CONCURRENCY,
  DEFAULT_MAX_OUTPUT_LENGTH,
  DEFAULT_MODEL_TIMEOUT_MS,
} from "./check.js";
export type { CommitOptions, FingerprintCommitmentJSON, FingerprintOpening } from "./commitment.js";
export {
  COMMITMENT_SALT_BYTES,
  COMMITMENT_SCHEME,
  commitFingerprints,
  FingerprintCommitment,
  fingerprintLeafData,
  verifyOpening,
} from "./commitment.js";
export type {
  CustomPattern,
  DetectedIntent,
  Detection,
  DetectionMatch,
  DetectorOptions,
  IdentityCategory,
} from "./detector.js";
export {
  DEFAULT_CUSTOM_PATTERN_CONFIDENCE,
  DEFAULT_DETECTION_THRESHOLD,
  DEFAULT_MAX_DETECTOR_INPUT,
  IdentityQuestionDetector,
  normalizeForDetection,
} from "./detector.js";
export type { FingerprintErrorCode, FingerprintErrorDetails, FingerprintIssue } from "./errors.js";
export { FingerprintError } from "./errors.js";
export type { Fingerprint, FingerprintLimits } from "./fingerprint.js";
export {
  DEFAULT_MAX_FINGERPRINTS,
  DEFAULT_MAX_KEY_LENGTH,
  DEFAULT_MAX_RESPONSE_LENGTH,
  isWellFormedText,
  validateFingerprints,
  validateKeys,
} from "./fingerprint.js";
export type {
  FingerprintStrategy,
  GenerateFingerprintsOptions,
  GenerationProgress,
  RandomWordOptions,
} from "./generate.js";
export {
  DEFAULT_ENGLISH_PROMPT,
  DEFAULT_GENERATION_CONCURRENCY,
  DEFAULT_GENERATOR_TEMPERATURE,
  DEFAULT_GENERATOR_TIMEOUT_MS,
  DEFAULT_KEY_LENGTH,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_NUCLEUS_K,
  DEFAULT_NUCLEUS_P,
  DEFAULT_RESPONSE_LENGTH,
  FINGERPRINT_STRATEGIES,
  generateFingerprints,
  generateRandomWordFingerprints,
  sampleOutsideNucleus,
} from "./generate.js";
export type { GenerateOptions, NextTokenModel, TextModel, TokenProbability } from "./model.js";
export type { ParseFingerprintsOptions, StringifyFingerprintsOptions } from "./oml-json.js";
export { DEFAULT_JSON_INDENT, parseFingerprintsJson, parseKeysJson, stringifyFingerprintsJson } from "./oml-json.js";
export type { Rng, Seed } from "./rng.js";
export { pick, randomBytes, SeededRng, shuffle } from "./rng.js";
export type { ScryptParams, SealOptions, SecretStoreContents } from "./secret-store.js";
export {
  DEFAULT_SCRYPT_PARAMS,
  openFingerprintStore,
  SCRYPT_LIMITS,
  SECRET_STORE_FORMAT,
  SECRET_STORE_VERSION,
  sealFingerprintStore,
} from "./secret-store.js";
export type { MatchAssessmentInput, MatchVerdict } from "./stats.js";
export {
  assessMatches,
  binomialUpperTail,
  DEFAULT_CHANCE_MATCH_PROBABILITY,
  DEFAULT_SIGNIFICANCE_LEVEL,
} from "./stats.js";
export type { AugmentedExample, AugmentOptions, SystemPromptSetOptions, SystemPromptSplit } from "./system-prompts.js";
export {
  applySystemPrompt,
  augmentFingerprints,
  DEFAULT_CHECK_SYSTEM_PROMPT_COUNT,
  DEFAULT_TRAIN_SYSTEM_PROMPT_COUNT,
  SYSTEM_PROMPT_PLACEHOLDER,
  SYSTEM_PROMPT_POOL_SIZES,
  systemPromptSet,
  validateSystemPrompts,
} from "./system-prompts.js";
export { DEFAULT_WORDLIST, splitWords, validateWordlist } from "./words.js";
