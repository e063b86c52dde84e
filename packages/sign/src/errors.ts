/**
 * The one error class of @modelproof/sign. Every failure the package reports (a signature that
 * does not verify, a file that changed, a malformed bundle, an unsafe path) is a `SignError` whose
 * `code` says exactly what went wrong. Verification never reports "verified" on bad input, and no
 * error message or detail ever contains private key material.
 */

/** Every `code` a {@link SignError} can carry. */
export type SignErrorCode =
  /** An argument or option has the wrong type or an impossible value. */
  | "INVALID_ARGUMENT"
  /** Text that must be JSON (a bundle, a statement, a JWK, a trusted root) does not parse. */
  | "MALFORMED_JSON"
  /** A field that must be base64 (standard or URL-safe) is not. */
  | "MALFORMED_BASE64"
  /** A PEM document has no block of the expected type, or a broken one. */
  | "MALFORMED_PEM"
  /** A key (DER, PEM or JWK) is structurally invalid, or its point is not on the curve. */
  | "MALFORMED_KEY"
  /** A well-formed key of a type this package does not sign or verify with (RSA, secp256k1, ...). */
  | "UNSUPPORTED_KEY"
  /** An encrypted private key could not be decrypted (wrong or missing password). */
  | "KEY_DECRYPTION_FAILED"
  /** A certificate (PEM or DER) does not parse. */
  | "MALFORMED_CERTIFICATE"
  /** A bundle lacks required parts or has fields of the wrong type. */
  | "MALFORMED_BUNDLE"
  /** A bundle of another media type or content kind (not a Sigstore bundle with a DSSE envelope). */
  | "UNSUPPORTED_BUNDLE"
  /** A DSSE envelope with the wrong payload type or a number of signatures other than one. */
  | "MALFORMED_ENVELOPE"
  /** The payload is not an in-toto Statement v1 (wrong `_type`, subject count, missing predicate). */
  | "MALFORMED_STATEMENT"
  /** The statement's predicate type is not one this verifier accepts. */
  | "UNSUPPORTED_PREDICATE"
  /** The OMS predicate is invalid (no resources, bad serialization, bad digest, bad shard range). */
  | "MALFORMED_MANIFEST"
  /** The same resource (file or shard) is listed twice. */
  | "DUPLICATE_RESOURCE"
  /** A path is absolute, contains `..`, a backslash, an empty component or a NUL, or escapes the model. */
  | "UNSAFE_PATH"
  /** The subject digest does not equal the digest recomputed from the listed resources. */
  | "SUBJECT_DIGEST_MISMATCH"
  /** The signature does not verify with the key. */
  | "SIGNATURE_INVALID"
  /** The bundle names (by hint or embedded key) a different key than the one given: unknown key. */
  | "KEY_MISMATCH"
  /** The bundle's verification material does not fit the method asked for (key vs certificate vs Sigstore). */
  | "VERIFICATION_MATERIAL_MISMATCH"
  /** The certificate chain does not lead to a trusted root, or a link's signature is wrong. */
  | "CERTIFICATE_UNTRUSTED"
  /** A certificate in the chain has expired at the verification time. */
  | "CERTIFICATE_EXPIRED"
  /** A certificate in the chain is not valid yet at the verification time. */
  | "CERTIFICATE_NOT_YET_VALID"
  /** A certificate is used for something its key usage or basic constraints forbid. */
  | "CERTIFICATE_USAGE"
  /** The Sigstore certificate was issued to another identity (SAN). */
  | "IDENTITY_MISMATCH"
  /** The Sigstore certificate names another OIDC issuer. */
  | "ISSUER_MISMATCH"
  /** A transparency log entry is missing, or its inclusion proof, promise or checkpoint does not verify. */
  | "TRANSPARENCY_LOG_INVALID"
  /** Any other Sigstore verification failure (certificate chain, SCT, timestamps). */
  | "SIGSTORE_VERIFICATION_FAILED"
  /** The Sigstore trusted root is not a valid TrustedRoot document. */
  | "MALFORMED_TRUSTED_ROOT"
  /** The model's files differ from the signed manifest; see `added`, `removed` and `changed`. */
  | "MODEL_MISMATCH"
  /** The model path does not exist. */
  | "MODEL_NOT_FOUND"
  /** A path that must be a regular file is a directory, a socket, a FIFO or a device. */
  | "NOT_A_REGULAR_FILE"
  /** A symbolic link was found where symlinks are not allowed (or it leaves the model, or points at a directory). */
  | "SYMLINK_REFUSED"
  /** There is nothing to sign: no file is left after the ignore rules. */
  | "EMPTY_MODEL"
  /** Reading a file failed (permission, I/O error, a file that changed size while being hashed). */
  | "IO_ERROR"
  /** A hash algorithm or serialization method this package does not implement. */
  | "UNSUPPORTED_HASH"
  /** The operation was cancelled through its AbortSignal. */
  | "ABORTED"
  /** Keyless signing was asked for but the optional peer dependency `@sigstore/sign` is not installed. */
  | "KEYLESS_UNAVAILABLE"
  /** Keyless signing failed (OIDC token, Fulcio, Rekor or the timestamp authority). */
  | "KEYLESS_SIGNING_FAILED"
  /** A plugged-in {@link Signer} threw or returned something that is not a signature. */
  | "SIGNER_FAILED"
  /** A signed inference response does not match the request or response it is checked against. */
  | "RESPONSE_MISMATCH";

/** Details attached to a {@link SignError}, when they apply. */
export interface SignErrorDetails {
  /** The file, resource or option concerned (a path relative to the model, never a key). */
  path?: string;
  /** What was expected (a digest, an identity, a media type). */
  expected?: string;
  /** What was found instead. */
  actual?: string;
  /** For `MODEL_MISMATCH`: resources on disk that the signature does not cover. */
  added?: string[];
  /** For `MODEL_MISMATCH`: signed resources that are missing on disk. */
  removed?: string[];
  /** For `MODEL_MISMATCH`: resources whose digest differs. */
  changed?: string[];
  /** The lower-level error, if one caused this (never one that carries key material). */
  cause?: unknown;
}

/** The error thrown by every function of @modelproof/sign. */
export class SignError extends Error {
  override readonly name = "SignError";
  /** What went wrong, as a stable machine-readable code. */
  readonly code: SignErrorCode;
  /** The file, resource or option concerned. */
  readonly path?: string;
  /** What was expected, for mismatches. */
  readonly expected?: string;
  /** What was found, for mismatches. */
  readonly actual?: string;
  /** Resources present on disk but not signed (`MODEL_MISMATCH`). */
  readonly added?: string[];
  /** Signed resources missing on disk (`MODEL_MISMATCH`). */
  readonly removed?: string[];
  /** Resources whose digest changed (`MODEL_MISMATCH`). */
  readonly changed?: string[];

  /**
   * @param code - the stable code of the failure
   * @param message - a human-readable explanation (no secrets)
   * @param details - the path, expected/actual values, changed resources and cause
   */
  constructor(code: SignErrorCode, message: string, details: SignErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.path !== undefined) this.path = details.path;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.added !== undefined) this.added = details.added;
    if (details.removed !== undefined) this.removed = details.removed;
    if (details.changed !== undefined) this.changed = details.changed;
  }
}

/** True when `e` is a {@link SignError}, optionally with the given code. */
export function isSignError(e: unknown, code?: SignErrorCode): e is SignError {
  return e instanceof SignError && (code === undefined || e.code === code);
}
