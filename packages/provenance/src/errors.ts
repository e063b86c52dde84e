/**
 * The one error class of @modelproof/provenance. Every failure the package reports (a proof that
 * does not verify, a malformed record, a component whose digest changed) is a `ProvenanceError`
 * whose `code` says exactly what went wrong; verification never reports "valid" on bad input.
 */

/** Every `code` a {@link ProvenanceError} can carry. */
export type ProvenanceErrorCode =
  /** A hash argument is not a 32-byte Uint8Array (or not valid hex / base64). */
  | "INVALID_HASH"
  /** Hex or base64 text that does not decode. */
  | "INVALID_ENCODING"
  /** An index or tree size is negative, not an integer, or outside the tree. */
  | "INDEX_OUT_OF_RANGE"
  /** A proof array has the wrong number of elements for the given index and sizes. */
  | "INVALID_PROOF_LENGTH"
  /** An inclusion proof does not lead to the given root. */
  | "INCLUSION_PROOF_INVALID"
  /** A consistency proof does not connect the two roots. */
  | "CONSISTENCY_PROOF_INVALID"
  /** A component's digest differs from the one recorded. */
  | "HASH_MISMATCH"
  /** A component named in the record was not supplied (or the reverse). */
  | "MISSING_COMPONENT"
  /** A component name is neither canonical nor a custom `x-` name. */
  | "UNKNOWN_COMPONENT"
  /** A record, log or proof is malformed or internally inconsistent. */
  | "CORRUPTED_DATA"
  /** JSON that must be canonical (RFC 8785) is not, or a value cannot be canonicalised. */
  | "NON_CANONICAL_JSON"
  /** A lineage operation refers to a version that is not in the log or breaks its rules. */
  | "LINEAGE_ERROR";

/** Details attached to a {@link ProvenanceError}, when they apply. */
export interface ProvenanceErrorDetails {
  /** The component concerned, e.g. `"safety_metrics"`. */
  component?: string;
  /** The expected hash (lowercase hex). */
  expected?: string;
  /** The hash actually computed (lowercase hex). */
  actual?: string;
  /** JSON-pointer-like paths and messages of every schema violation, all at once. */
  issues?: { path: string; message: string }[];
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/provenance. */
export class ProvenanceError extends Error {
  override readonly name = "ProvenanceError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: ProvenanceErrorCode;
  /** The component concerned, when there is one. */
  readonly component?: string;
  /** The expected hash (hex), for mismatches. */
  readonly expected?: string;
  /** The computed hash (hex), for mismatches. */
  readonly actual?: string;
  /** Every schema violation, with its path, for malformed records. */
  readonly issues?: { path: string; message: string }[];

  constructor(code: ProvenanceErrorCode, message: string, details: ProvenanceErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.component !== undefined) this.component = details.component;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.issues !== undefined) this.issues = details.issues;
  }
}
