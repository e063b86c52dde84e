/**
 * Verification of bundles, statements and models (OpenSSF model signing spec v1.0 §8; DSSE
 * v1.0.2; Sigstore bundle v0.3). Order of checks: bundle structure → verification material fits
 * the method asked for → signer trusted (key hint / certificate chain / Sigstore) → signature over
 * the PAE of the payload bytes as received → statement → manifest and subject digest → re-hash of
 * the model and comparison. Every failure is a {@link SignError}; nothing returns "verified" early.
 */

import { sha256 } from "@noble/hashes/sha2.js";
import { type ParsedBundle, parseBundle, type SigstoreBundle } from "./bundle.js";
import { compatPae, IN_TOTO_PAYLOAD_TYPE, pae } from "./dsse.js";
import { decodeUtf8, fromBase64 } from "./encoding.js";
import { isSignError, SignError } from "./errors.js";
import { type HashModelOptions, hashListing, listModel } from "./hash.js";
import {
  importPublicKey,
  type KeyAlgorithm,
  keyHint,
  type PublicKey,
  type PublicKeyInput,
  samePublicKey,
  verifyBytes,
  verifyPrehashed,
} from "./keys.js";
import {
  type ModelManifest,
  manifestFromStatement,
  OMS_LEGACY_PREDICATE_TYPE,
  parseShardName,
  rootDigest,
} from "./manifest.js";
import { DEFAULT_SIGNATURE_FILE } from "./sign.js";
import { type SigstoreVerificationOptions, verifySigstoreBundle } from "./sigstore.js";
import { type InTotoStatement, parseStatement } from "./statement.js";
import { type CertificateInfo, type CertificateInput, verifyCertificateChain } from "./x509.js";

/** Trust for the `certificate` method: the root (or intermediate) CAs to accept, and the time. */
export interface CertificateChainOptions {
  /** Trusted CA certificates (PEM text, possibly several blocks, or DER). */
  trustAnchors: CertificateInput | readonly CertificateInput[];
  /** Verification time (default now). Expired certificates are refused. */
  at?: Date;
}

/** How to trust the signer: exactly one of a public key, a certificate chain or Sigstore. */
export type VerificationOptions =
  | { publicKey: PublicKeyInput; certificateChain?: undefined; sigstore?: undefined }
  | { certificateChain: CertificateChainOptions; publicKey?: undefined; sigstore?: undefined }
  | { sigstore: SigstoreVerificationOptions; publicKey?: undefined; certificateChain?: undefined };

/** The verification method that succeeded. */
export type VerificationMethod = "key" | "certificate" | "sigstore";

/** What {@link verifyBundle} established. */
export interface VerifiedBundle {
  method: VerificationMethod;
  /** The signing key's algorithm. */
  algorithm: KeyAlgorithm;
  /** The key that verified the signature. */
  publicKey: PublicKey;
  /** model_signing-style hint of that key. */
  keyHint: string;
  /** The certificate path, leaf first (certificate method). */
  certificates?: CertificateInfo[];
  /** The certificate identity (Sigstore). */
  identity?: string;
  /** The OIDC issuer (Sigstore). */
  issuer?: string;
  payloadType: string;
  /** The payload bytes exactly as signed. */
  payload: Uint8Array;
  /** True when the signature used model_signing v0.2's legacy PAE. */
  legacyEncoding: boolean;
}

/** What {@link verifyStatement} established. */
export interface VerifiedStatement extends VerifiedBundle {
  statement: InTotoStatement;
}

/** What {@link verifyModel} established. */
export interface VerifiedModel extends VerifiedStatement {
  /** The signed manifest (resources in signed order). */
  manifest: ModelManifest;
  /** The subject (root) digest, hex. */
  rootDigest: string;
  /** The names of the verified resources (files, or `path:start:end` shards). */
  resources: string[];
}

function methodOf(options: VerificationOptions): VerificationMethod {
  if (typeof options !== "object" || options === null)
    throw new SignError("INVALID_ARGUMENT", "verification options are required");
  const given = [
    options.publicKey !== undefined,
    options.certificateChain !== undefined,
    options.sigstore !== undefined,
  ].filter(Boolean).length;
  if (given !== 1) throw new SignError("INVALID_ARGUMENT", "give exactly one of publicKey, certificateChain, sigstore");
  return options.publicKey !== undefined ? "key" : options.certificateChain !== undefined ? "certificate" : "sigstore";
}

const KIND_FOR: Record<VerificationMethod, ParsedBundle["kind"][]> = {
  key: ["publicKey"],
  certificate: ["x509CertificateChain"],
  sigstore: ["certificate", "x509CertificateChain"],
};

function checkHint(parsed: ParsedBundle, key: PublicKey): void {
  const pk = parsed.json.verificationMaterial.publicKey ?? {};
  if (typeof pk.hint === "string" && pk.hint !== "") {
    const accepted = [keyHint(key, "model_signing"), keyHint(key, "sigstore")];
    if (!accepted.includes(pk.hint)) {
      throw new SignError("KEY_MISMATCH", "the bundle was signed by another key (its key hint does not match)", {
        expected: accepted[0],
        actual: pk.hint,
      });
    }
  }
  if (pk.rawBytes !== undefined) {
    // model_signing <= 1.0 embedded the PEM text here; Sigstore embeds DER.
    const raw = fromBase64(pk.rawBytes, "publicKey.rawBytes");
    let embedded: PublicKey;
    try {
      const text = decodeUtf8(raw);
      embedded = importPublicKey(text?.includes("-----BEGIN ") ? text : raw);
    } catch (e) {
      if (isSignError(e) && e.code === "UNSUPPORTED_KEY")
        throw new SignError("KEY_MISMATCH", "the bundle embeds a key of another type", { cause: e });
      throw new SignError("MALFORMED_BUNDLE", "publicKey.rawBytes is not a public key", { cause: e });
    }
    if (!samePublicKey(embedded, key)) throw new SignError("KEY_MISMATCH", "the bundle embeds another public key");
  }
}

function isLegacyPayload(payload: Uint8Array): boolean {
  try {
    return parseStatement(payload).predicateType === OMS_LEGACY_PREDICATE_TYPE;
  } catch {
    return false;
  }
}

function checkSignature(parsed: ParsedBundle, key: PublicKey): boolean {
  if (verifyBytes(key, pae(parsed.payloadType, parsed.payload), parsed.signature)) return false;
  // model_signing v0.2 signed a buggy PAE (SHA-256 whatever the curve). Accepted only for its own legacy predicate.
  if (isLegacyPayload(parsed.payload)) {
    const compat = compatPae(parsed.payloadType, parsed.payload);
    if (verifyPrehashed(key, sha256(compat), parsed.signature) || verifyBytes(key, compat, parsed.signature))
      return true;
  }
  throw new SignError("SIGNATURE_INVALID", "the signature does not verify (payload changed or another key signed it)");
}

/**
 * Verifies a bundle's signature and signer, without interpreting the payload.
 *
 * @param bundle - JSON text, bytes or object
 * @param options - exactly one of `publicKey`, `certificateChain` or `sigstore`
 * @returns the method, key, signer details and the payload bytes
 * @throws SignError `MALFORMED_*`, `UNSUPPORTED_BUNDLE`, `VERIFICATION_MATERIAL_MISMATCH`,
 *   `KEY_MISMATCH`, `SIGNATURE_INVALID`, `CERTIFICATE_*`, `IDENTITY_MISMATCH`, `ISSUER_MISMATCH`,
 *   `TRANSPARENCY_LOG_INVALID`, `SIGSTORE_VERIFICATION_FAILED`
 */
export function verifyBundle(bundle: string | Uint8Array | object, options: VerificationOptions): VerifiedBundle {
  const method = methodOf(options);
  const parsed = parseBundle(bundle);
  if (!KIND_FOR[method].includes(parsed.kind)) {
    throw new SignError(
      "VERIFICATION_MATERIAL_MISMATCH",
      `a bundle with ${parsed.kind} cannot be verified with the ${method} method`,
      {
        expected: KIND_FOR[method].join(" or "),
        actual: parsed.kind,
      },
    );
  }
  const base = { method, payloadType: parsed.payloadType, payload: parsed.payload };
  if (method === "key") {
    const key = importPublicKey(options.publicKey as PublicKeyInput);
    checkHint(parsed, key);
    const legacyEncoding = checkSignature(parsed, key);
    return { ...base, algorithm: key.algorithm, publicKey: key, keyHint: keyHint(key), legacyEncoding };
  }
  if (method === "certificate") {
    const opts = options.certificateChain as CertificateChainOptions;
    if (typeof opts !== "object" || opts === null || opts.trustAnchors === undefined) {
      throw new SignError("INVALID_ARGUMENT", "certificateChain.trustAnchors is required");
    }
    const chain = verifyCertificateChain(parsed.certificates, opts.trustAnchors, opts.at ?? new Date());
    const legacyEncoding = checkSignature(parsed, chain.publicKey);
    return {
      ...base,
      algorithm: chain.publicKey.algorithm,
      publicKey: chain.publicKey,
      keyHint: keyHint(chain.publicKey),
      certificates: chain.path,
      legacyEncoding,
    };
  }
  const info = verifySigstoreBundle(parsed.json as SigstoreBundle, options.sigstore as SigstoreVerificationOptions);
  return {
    ...base,
    algorithm: info.publicKey.algorithm,
    publicKey: info.publicKey,
    keyHint: keyHint(info.publicKey),
    identity: info.identity,
    issuer: info.issuer,
    legacyEncoding: false,
  };
}

/**
 * Verifies a bundle whose payload is an in-toto Statement v1 (e.g. a provenance attestation).
 *
 * @param bundle - JSON text, bytes or object
 * @param options - exactly one of `publicKey`, `certificateChain` or `sigstore`
 * @returns the verified bundle plus the parsed statement
 * @throws SignError the codes of {@link verifyBundle}, `MALFORMED_ENVELOPE`, `MALFORMED_STATEMENT`, `MALFORMED_JSON`
 */
export function verifyStatement(bundle: string | Uint8Array | object, options: VerificationOptions): VerifiedStatement {
  const parsed = parseBundle(bundle);
  if (parsed.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new SignError("MALFORMED_ENVELOPE", `payloadType must be ${IN_TOTO_PAYLOAD_TYPE}`, {
      expected: IN_TOTO_PAYLOAD_TYPE,
      actual: parsed.payloadType,
    });
  }
  const verified = verifyBundle(parsed.json, options);
  return { ...verified, statement: parseStatement(verified.payload) };
}

/** Options of {@link verifyModel}: how to trust the signer, plus how to re-hash the model. */
export type VerifyModelOptions = VerificationOptions &
  Pick<
    HashModelOptions,
    | "ignorePaths"
    | "ignoreGitPaths"
    | "symlinkScope"
    | "concurrency"
    | "chunkSize"
    | "parallelThreshold"
    | "onProgress"
    | "signal"
  > & {
    /** Hash only the files the manifest lists; extra files on disk are then not an error. */
    ignoreUnsignedFiles?: boolean;
    /** The signature file, ignored when re-hashing if inside the model (default `"model.sig"`; `null` for none). */
    signatureFile?: string | null;
  };

/**
 * Verifies a signed model: the bundle's signature and signer, the OMS statement, and that the
 * files on disk are exactly those signed (re-hashed with the signed serialization). Accepts bundles
 * from every model_signing release (0.2 to 1.1), the Go implementation and this package.
 *
 * @param modelPath - the model directory or file
 * @param bundle - the OMS bundle (`model.sig` content: text, bytes or object)
 * @param options - the trust (`publicKey`, `certificateChain` + trust anchors, or `sigstore`) and
 *   re-hashing options (extra `ignorePaths`, `ignoreUnsignedFiles`, progress, concurrency)
 * @returns the signer, algorithm, manifest and verified resource names
 * @throws SignError every code of {@link verifyStatement}, `UNSUPPORTED_PREDICATE`,
 *   `MALFORMED_MANIFEST`, `DUPLICATE_RESOURCE`, `UNSAFE_PATH`, `SUBJECT_DIGEST_MISMATCH`,
 *   `MODEL_MISMATCH` (with `added`, `removed`, `changed`), `MODEL_NOT_FOUND`, `SYMLINK_REFUSED`,
 *   `NOT_A_REGULAR_FILE`, `IO_ERROR`
 * @example
 * const result = await verifyModel("./model", readFileSync("./model/model.sig", "utf8"), { publicKey: pem });
 * console.log(result.method, result.resources);
 */
export async function verifyModel(
  modelPath: string,
  bundle: string | Uint8Array | object,
  options: VerifyModelOptions,
): Promise<VerifiedModel> {
  const verified = verifyStatement(bundle, options);
  const manifest = manifestFromStatement(verified.statement);
  const s = manifest.serialization;
  const signatureFile = options.signatureFile === undefined ? DEFAULT_SIGNATURE_FILE : options.signatureFile;

  const signedPaths = new Set(
    manifest.resources.map((r) => (s.method === "shards" ? parseShardName(r.name).path : r.name)),
  );
  const rehash: HashModelOptions & { only?: Set<string> } = {
    method: s.method,
    hashAlgorithm: s.hashType,
    ...(s.shardSize !== undefined ? { shardSize: s.shardSize } : {}),
    allowSymlinks: s.allowSymlinks,
    symlinkScope: options.symlinkScope ?? "model",
    ignorePaths: [
      ...(options.ignorePaths ?? []),
      ...(s.ignorePaths ?? []),
      ...(signatureFile === null ? [] : [signatureFile]),
    ],
    ignoreGitPaths: options.ignoreGitPaths ?? true,
    convention: "model_signing",
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
    ...(options.parallelThreshold !== undefined ? { parallelThreshold: options.parallelThreshold } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  };
  if (options.ignoreUnsignedFiles) rehash.only = signedPaths;
  const listing = await listModel(modelPath, rehash);
  const local = await hashListing(listing, rehash);

  // A single-file model is named "." by model_signing and by its basename in the spec: accept both.
  const normalize = (name: string): string => {
    if (!listing.singleFile) return name;
    if (s.method === "files") return name === listing.modelName ? "." : name;
    const shard = parseShardName(name);
    return shard.path === listing.modelName ? `.:${shard.start}:${shard.end}` : name;
  };
  const signed = new Map(manifest.resources.map((r) => [normalize(r.name), r.digest]));
  const found = new Map(local.resources.map((r) => [r.name, r.digest]));
  const added = [...found.keys()].filter((n) => !signed.has(n)).sort();
  const removed = [...signed.keys()].filter((n) => !found.has(n)).sort();
  const changed = [...signed.keys()].filter((n) => found.has(n) && found.get(n) !== signed.get(n)).sort();
  if (added.length + removed.length + changed.length > 0) {
    const parts = [
      added.length > 0 ? `${added.length} added (${added.slice(0, 5).join(", ")})` : "",
      removed.length > 0 ? `${removed.length} removed (${removed.slice(0, 5).join(", ")})` : "",
      changed.length > 0 ? `${changed.length} changed (${changed.slice(0, 5).join(", ")})` : "",
    ].filter(Boolean);
    throw new SignError("MODEL_MISMATCH", `the model differs from what was signed: ${parts.join("; ")}`, {
      added,
      removed,
      changed,
    });
  }
  return {
    ...verified,
    manifest,
    rootDigest: rootDigest(manifest.resources),
    resources: manifest.resources.map((r) => r.name),
  };
}
