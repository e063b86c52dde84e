/**
 * The one error class of @modelproof/card. Every failure the package reports (a card that does not
 * match its schema, a document that cannot be parsed, a rendering that would break a standard's
 * rules) is a `CardError` whose `code` says what went wrong and whose `issues` list every problem at
 * once, each with a JSON-pointer path.
 */

/** Every `code` a {@link CardError} can carry. */
export type CardErrorCode =
  /** A model card does not match the card schema or its semantic rules (licence, dates, hashes). */
  | "INVALID_CARD"
  /** A YAML document is malformed, uses anchors/aliases/tags/merge keys, or is not a mapping. */
  | "INVALID_YAML"
  /** A JSON document is malformed. */
  | "INVALID_JSON"
  /** An input is larger (bytes, nesting, items) than the configured limit. */
  | "INPUT_TOO_LARGE"
  /** A foreign document (HF README, CycloneDX BOM, MCT JSON) has the wrong shape to become a card. */
  | "INVALID_DOCUMENT"
  /** A foreign document declares a format version this package does not read. */
  | "UNSUPPORTED_VERSION"
  /** An SPDX document lacks fields that the SPDX 3.0.1 AI or Dataset profile requires. */
  | "PROFILE_VIOLATION"
  /** A package.json, lockfile or requirements.txt cannot be read as such. */
  | "INVALID_MANIFEST"
  /** An argument has the wrong type or value (e.g. an option out of range). */
  | "INVALID_ARGUMENT";

/** One problem found in an input, located by a JSON pointer (RFC 6901) or `line:N` for text inputs. */
export interface CardIssue {
  /** Where the problem is, e.g. `/training/datasets/0/hashes/0/value`, or `""` for the root. */
  path: string;
  /** What is wrong there, in words. */
  message: string;
}

/** Details attached to a {@link CardError}, when they apply. */
export interface CardErrorDetails {
  /** Every problem found, all at once, each with its path. */
  issues?: CardIssue[];
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/card. */
export class CardError extends Error {
  override readonly name = "CardError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: CardErrorCode;
  /** Every problem found, with its path; empty when the error is not about particular fields. */
  readonly issues: CardIssue[];

  /**
   * @param code - the stable error code
   * @param message - a human-readable summary
   * @param details - the issues and the underlying cause, when there are any
   */
  constructor(code: CardErrorCode, message: string, details: CardErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.issues = details.issues ?? [];
  }
}

/** Builds the message of an error from its issues (first few, then a count). */
export function summarizeIssues(prefix: string, issues: CardIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path || "/"}: ${i.message}`);
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : "";
  return `${prefix}: ${shown.join("; ")}${more}`;
}
