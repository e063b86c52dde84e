/**
 * The one error class of @modelproof/schema. Every failure the package reports (data it cannot type,
 * a schema that breaks MLflow's rules, a request that does not match a signature, a malformed MLmodel
 * file) is a `SchemaError` whose `code` says what went wrong. Messages follow MLflow's wording where
 * MLflow has one (e.g. "Model is missing inputs ['c']."), so logs read the same on both sides.
 */

/** Every `code` a {@link SchemaError} can carry. */
export type SchemaErrorCode =
  /** The value is of a kind the operation does not accept (a class instance, a function, a `Set`, a tensor input for a column schema, ...). */
  | "INVALID_INPUT"
  /** A value (or dtype) has no MLflow type, e.g. `uint64`, a symbol, an empty object where a type is needed. */
  | "UNSUPPORTED_TYPE"
  /** Values of different types in one list or column ("Expected all values in the list to be of the same type"). */
  | "MULTIPLE_TYPES"
  /** A caller's number hint contradicts the data (e.g. `integer` for 2.5, or for 2^40). */
  | "HINT_MISMATCH"
  /** Nesting deeper than `maxDepth` (also what a cyclic structure runs into). */
  | "MAX_DEPTH_EXCEEDED"
  /** A schema or spec that breaks MLflow's rules (unknown type, mixed named/unnamed inputs, duplicate names, ...). */
  | "INVALID_SCHEMA"
  /** A model signature with no part, or a signature dict of the wrong shape. */
  | "INVALID_SIGNATURE"
  /** A signature string that is not JSON. */
  | "INVALID_JSON"
  /** An MLmodel document that is not YAML, or whose `signature:` block is malformed. */
  | "INVALID_MLMODEL"
  /** A parameter value or default that does not match its spec (type or shape), or params that cannot be typed. */
  | "INVALID_PARAM"
  /** Required columns or tensors absent from the input ("Model is missing inputs [...]"). */
  | "MISSING_INPUTS"
  /** A null/undefined value where the schema requires one (a required column, property or element). */
  | "MISSING_VALUE"
  /** An object property that the schema does not define (MLflow rejects these inside `object` types). */
  | "UNKNOWN_PROPERTY"
  /** A value or column that cannot be converted safely to the declared type ("Incompatible input types ..."). */
  | "INCOMPATIBLE_TYPE"
  /** A tensor whose shape does not match its spec. */
  | "SHAPE_MISMATCH"
  /** A tensor whose dtype does not match its spec (tensors are never cast). */
  | "DTYPE_MISMATCH";

/** Details attached to a {@link SchemaError}, when they apply. */
export interface SchemaErrorDetails {
  /** Where in the input or document the problem is, e.g. `/3/messages/0/role` or `signature.inputs[2]`. */
  path?: string;
  /** The column, tensor or parameter concerned. */
  name?: string;
  /** The lower-level error, if one caused this. */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/schema. */
export class SchemaError extends Error {
  override readonly name = "SchemaError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: SchemaErrorCode;
  /** Where in the input or document the problem is, when known. */
  readonly path?: string;
  /** The column, tensor or parameter concerned, when there is one. */
  readonly column?: string;

  /**
   * @param code - the stable error code
   * @param message - a human-readable explanation (MLflow's wording where it has one)
   * @param details - optional path, column name and cause
   */
  constructor(code: SchemaErrorCode, message: string, details: SchemaErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.name !== undefined) this.column = details.name;
  }
}
