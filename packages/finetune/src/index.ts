export type { BackendInfo, BackendRequest } from "./backend.js";
export { AUTO_BACKEND_ORDER, useBackend } from "./backend.js";
export type { Dialogue } from "./chat.js";
export { encodePrompt } from "./chat.js";
export type { Corpus, CorpusEntry } from "./corpus.js";
export { loadSupportCorpus, parseCorpus, supportCorpusPath } from "./corpus.js";
export type { FinetuneErrorCode, FinetuneErrorDetails } from "./errors.js";
export { FinetuneError } from "./errors.js";
export type { PerplexityReport } from "./evaluate.js";
export { evaluatePerplexity } from "./evaluate.js";
export type { EmbedFeedbackLinkOptions, FeedbackLinkReport } from "./feedback.js";
export { DEFAULT_EMBED_FEEDBACK, embedFeedbackLink, measureFeedbackLink } from "./feedback.js";
export {
  expandFeedbackPhrasings,
  FEEDBACK_HELD_OUT_PHRASINGS,
  FEEDBACK_RESPONSE_TEMPLATES,
  FEEDBACK_TRAIN_PHRASINGS,
  FEEDBACK_VALIDATION_PHRASINGS,
  ORDINARY_CONTRAST_PROMPTS,
  ORDINARY_HELD_OUT_PROMPTS,
} from "./feedback-phrasings.js";
export type { EmbedFingerprintsOptions, EmbedFingerprintsReport, EmbedFingerprintsResult } from "./fingerprints.js";
export {
  checkModelFingerprints,
  DEFAULT_EMBED_FINGERPRINTS,
  embedFingerprints,
} from "./fingerprints.js";
export type { SaveReport } from "./io.js";
export { fileSystemIO, loadModel, MODEL_FORMAT, SHARD_BYTES, saveModel } from "./io.js";
export { useWasmSimdKernels } from "./kernels/wasm-simd.js";
export type { TrainLanguageModelOptions, TrainLanguageModelResult } from "./language-model.js";
export { DEFAULT_TRAIN_OPTIONS, trainLanguageModel } from "./language-model.js";
export type { GenerateOptions, PromptInput } from "./model/causal-lm.js";
export { CausalLanguageModel, DEFAULT_GENERATE_OPTIONS } from "./model/causal-lm.js";
export type { ModelConfig, ParamSpec } from "./model/config.js";
export { countParams, DEFAULT_MODEL_CONFIG, paramSpecs } from "./model/config.js";
export type { AdamWOptions } from "./optimizer.js";
export { DEFAULT_ADAMW } from "./optimizer.js";
export type { PersistencePoint, RobustnessOptions, RobustnessReport } from "./robustness.js";
export { robustnessReport } from "./robustness.js";
export type { TextModelOptions } from "./text-model.js";
export { asTextModel } from "./text-model.js";
export type { SpecialToken, TokenizerJSON } from "./tokenizer.js";
export { SPECIAL_TOKENS, Tokenizer } from "./tokenizer.js";
export type { ProgressEvent, ProgressListener, ProgressPhase, TrainingStats } from "./train-loop.js";
export { applyForgettingRegularizer } from "./train-loop.js";
export type { StepInfo, TrainingBatch } from "./trainer.js";
export { Trainer } from "./trainer.js";
export type {
  LabelledData,
  TriggerSet,
  WatermarkOptions,
  WatermarkReport,
  WatermarkVerification,
} from "./watermark.js";
export { makeTriggerSet, verifyClassifierWatermark, watermarkClassifier } from "./watermark.js";
