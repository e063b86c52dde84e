/**
 * The one error class of @modelproof/finetune. Every failure the package reports carries a stable
 * `code`; messages are for people and may change, codes do not.
 */

/** Every `code` a {@link FinetuneError} can carry. */
export type FinetuneErrorCode =
  /** The training corpus (or a split of it) has no usable text. */
  | "EMPTY_CORPUS"
  /** A model, training or embedding configuration value is out of range or inconsistent. */
  | "INVALID_CONFIG"
  /** An argument is malformed (bad fingerprint list, bad URL, wrong tensor shape, ...). */
  | "INVALID_INPUT"
  /** A prompt plus response (a fingerprint, a feedback example) does not fit the context window. */
  | "SEQUENCE_TOO_LONG"
  /** A token id is outside the vocabulary, or a serialised tokenizer refers to a token it lacks. */
  | "UNKNOWN_TOKEN"
  /** The loss (or a gradient) became NaN or infinite; the model keeps the last good weights. */
  | "NAN_LOSS"
  /** The requested tfjs backend cannot be loaded here (e.g. tfjs-node-gpu not installed). */
  | "BACKEND_UNAVAILABLE"
  /** The output directory cannot be created or written; nothing was left half-written. */
  | "OUTPUT_NOT_WRITABLE"
  /** Saved model files are missing, malformed, or do not match their recorded digest. */
  | "INVALID_MODEL_FILES"
  /** A classifier cannot be watermarked (not a LayersModel classifier, no softmax output, ...). */
  | "UNSUPPORTED_MODEL"
  /** The caller aborted the run through its `AbortSignal`; the model keeps the last good weights. */
  | "ABORTED";

import type { CausalLanguageModel } from "./model/causal-lm.js";

/** Details attached to a {@link FinetuneError}, when they apply. */
export interface FinetuneErrorDetails {
  /** Training steps completed when the error happened. */
  step?: number;
  /** Index of the offending item (fingerprint, example, token position). */
  index?: number;
  /** For `NAN_LOSS` and `ABORTED` during training: the model holding the last good weights. */
  lastGoodModel?: CausalLanguageModel;
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/finetune. */
export class FinetuneError extends Error {
  override readonly name = "FinetuneError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: FinetuneErrorCode;
  /** Training steps completed when the error happened, when it happened in training. */
  readonly step?: number;
  /** Index of the offending item, when there is one. */
  readonly index?: number;
  /**
   * For `NAN_LOSS` and `ABORTED` during training: the model being trained, holding the weights of
   * the last step whose loss was finite.
   */
  readonly lastGoodModel?: CausalLanguageModel;

  /**
   * @param code - stable machine-readable code
   * @param message - human-readable explanation (never contains secrets such as fingerprint keys)
   * @param details - step, index and cause, when they apply
   */
  constructor(code: FinetuneErrorCode, message: string, details: FinetuneErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.step !== undefined) this.step = details.step;
    if (details.index !== undefined) this.index = details.index;
    if (details.lastGoodModel !== undefined) this.lastGoodModel = details.lastGoodModel;
  }
}
