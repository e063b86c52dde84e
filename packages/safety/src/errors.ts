/**
 * The one error class of @modelproof/safety. Checks never throw for unsafe text: they return a
 * result whose failed checks say why. `SafetyError` is for misuse and malformed values (a config
 * with an unknown category, metrics that do not add up, a non-string text), and it always carries
 * a stable `code`.
 */

/** Every `code` a {@link SafetyError} can carry. */
export type SafetyErrorCode =
  /** A safety config does not match the schema (wrong type, missing or extra field, bad range). */
  | "INVALID_CONFIG"
  /** A safety config names a category, topic or rating this version does not know (fails closed). */
  | "UNKNOWN_CATEGORY"
  /** A text to check is not a string. */
  | "INVALID_TEXT"
  /** A synchronous check was asked of a classifier that returned a Promise; use `checkAsync`. */
  | "ASYNC_CLASSIFIER"
  /** A lexicon passed to the lexicon classifier is malformed. */
  | "INVALID_LEXICON"
  /** Safety metrics are malformed or internally inconsistent (e.g. passed + failed != total). */
  | "INVALID_METRICS"
  /** A deployment policy is malformed (e.g. a pass rate outside [0, 1]). */
  | "INVALID_POLICY"
  /** `assertDeployable` found violated deployment rules; `issues` lists every one. */
  | "DEPLOYMENT_REJECTED"
  /** An option or argument is out of range (window size, thresholds, evaluation items). */
  | "INVALID_ARGUMENT"
  /** A value cannot be written as RFC 8785 canonical JSON (NaN, undefined, lone surrogate, ...). */
  | "NON_CANONICAL_JSON";

/** One problem found while validating a value: where (JSON-pointer-like path) and what. */
export interface SafetyIssue {
  /** Path of the offending value, e.g. `$.contentFilters[2]`. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** Details attached to a {@link SafetyError}, when they apply. */
export interface SafetyErrorDetails {
  /** Every problem found, all at once (validation errors, violated deployment rules). */
  issues?: SafetyIssue[];
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/safety. */
export class SafetyError extends Error {
  override readonly name = "SafetyError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: SafetyErrorCode;
  /** Every problem found, for validation errors and rejected deployments. */
  readonly issues?: SafetyIssue[];

  /**
   * @param code - the machine-readable reason
   * @param message - a human-readable explanation (never contains checked text)
   * @param details - issues and cause, when they apply
   */
  constructor(code: SafetyErrorCode, message: string, details: SafetyErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.issues !== undefined) this.issues = details.issues;
  }
}
