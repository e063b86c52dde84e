/**
 * The one error class of @modelproof/fingerprint. Every failure the package reports is a
 * `FingerprintError` whose `code` says what went wrong. Messages and details never contain a
 * fingerprint's key or response (they are secrets): they name positions (`fingerprints[3].key`)
 * instead.
 */

/** Every `code` a {@link FingerprintError} can carry. */
export type FingerprintErrorCode =
  /** A fingerprint set (or key list) has no entries. */
  | "EMPTY_SET"
  /** A key is empty or only whitespace. */
  | "EMPTY_KEY"
  /** A response is empty or only whitespace. */
  | "EMPTY_RESPONSE"
  /** Two fingerprints share the same key. */
  | "DUPLICATE_KEY"
  /** A key is longer than the configured limit. */
  | "KEY_TOO_LONG"
  /** A response is longer than the configured limit. */
  | "RESPONSE_TOO_LONG"
  /** The set has more fingerprints than the configured limit. */
  | "TOO_MANY_FINGERPRINTS"
  /** A key or response is not a string, or is not well-formed Unicode (a lone surrogate). */
  | "INVALID_TEXT"
  /** A file's contents are not JSON, or not the expected shape. */
  | "INVALID_FORMAT"
  /** An option is out of range or inconsistent with the others. */
  | "INVALID_OPTION"
  /** A system-prompt template does not contain exactly one `{}` placeholder. */
  | "INVALID_TEMPLATE"
  /** A custom detector pattern is empty or malformed. */
  | "INVALID_PATTERN"
  /** A generator model (english / inverse_nucleus strategies) threw, timed out or returned unusable output. */
  | "GENERATOR_ERROR"
  /** A strategy could not produce enough distinct fingerprints within its attempt budget. */
  | "GENERATION_FAILED"
  /** The model under test threw while answering a fingerprint key. */
  | "MODEL_ERROR"
  /** The model under test did not answer within the timeout. */
  | "MODEL_TIMEOUT"
  /** The operation was cancelled through its `AbortSignal`. */
  | "ABORTED"
  /** An opening does not prove membership in the given commitment root. */
  | "OPENING_INVALID"
  /** A secret store could not be decrypted: wrong passphrase, or the store was altered. */
  | "WRONG_PASSPHRASE"
  /** A secret store has a format name or version this library does not read. */
  | "UNSUPPORTED_VERSION"
  /** A secret store is malformed (missing fields, bad encoding, parameters out of range). */
  | "INVALID_STORE";

/** One problem found while validating input; {@link FingerprintError.issues} lists all of them. */
export interface FingerprintIssue {
  /** Where the problem is, e.g. `fingerprints[3].key` (never the secret text itself). */
  path: string;
  /** The code of this problem. */
  code: FingerprintErrorCode;
  /** A human-readable description (contains no key or response text). */
  message: string;
}

/** Details attached to a {@link FingerprintError}, when they apply. */
export interface FingerprintErrorDetails {
  /** Every problem found, when the input was validated as a whole. */
  issues?: FingerprintIssue[];
  /** The position of the fingerprint concerned, when there is one. */
  index?: number;
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/fingerprint. */
export class FingerprintError extends Error {
  override readonly name = "FingerprintError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: FingerprintErrorCode;
  /** Every problem found, when the input was validated as a whole (the first one gives `code`). */
  readonly issues?: FingerprintIssue[];
  /** The position of the fingerprint concerned, when there is one. */
  readonly index?: number;

  /**
   * @param code - the machine-readable reason
   * @param message - a description that must not contain secrets
   * @param details - issues, fingerprint index and cause
   */
  constructor(code: FingerprintErrorCode, message: string, details: FingerprintErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.issues !== undefined) this.issues = details.issues;
    if (details.index !== undefined) this.index = details.index;
  }
}

/** Throws an `INVALID_OPTION` error naming the option. @internal */
export function invalidOption(name: string, requirement: string): never {
  throw new FingerprintError("INVALID_OPTION", `${name} ${requirement}`);
}

/** Asserts that `value` is an integer in [min, max]. @internal */
export function assertInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    invalidOption(name, `must be an integer in [${min}, ${max}]`);
  }
  return value;
}
