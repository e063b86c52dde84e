/**
 * Signing: any payload or in-toto statement into a Sigstore bundle v0.3 with a DSSE envelope, and
 * a model directory into an OMS signature (`model.sig`, OpenSSF model signing spec v1.0 §4–§8).
 */
import { buildBundle, type SigstoreBundle } from "./bundle.js";
import { IN_TOTO_PAYLOAD_TYPE, pae } from "./dsse.js";
import { isSignError, SignError } from "./errors.js";
import { type HashModelOptions, hashListing, listModel } from "./hash.js";
import { keyHint, verifyBytes } from "./keys.js";
import { modelStatement } from "./manifest.js";
import type { Signer, SignerOutput } from "./signer.js";
import { keylessBundler } from "./sigstore.js";
import { type InTotoStatement, type StatementStyle, serializeStatement } from "./statement.js";
import { leafPublicKey } from "./x509.js";

/** The signature file name model_signing's CLI writes, and ignores when hashing. */
export const DEFAULT_SIGNATURE_FILE = "model.sig";

async function callSigner(signer: Signer, data: Uint8Array): Promise<SignerOutput> {
  let out: SignerOutput;
  try {
    out = await signer.sign(data);
  } catch (e) {
    if (isSignError(e)) throw e;
    throw new SignError("SIGNER_FAILED", "the signer failed", { cause: e });
  }
  if (typeof out !== "object" || out === null || !(out.signature instanceof Uint8Array) || out.signature.length === 0) {
    throw new SignError("SIGNER_FAILED", "the signer returned no signature");
  }
  const m = out.material;
  if (m?.type !== "publicKey" && m?.type !== "certificateChain")
    throw new SignError("SIGNER_FAILED", "the signer returned no key material");
  return out;
}

/**
 * Signs a payload into a Sigstore bundle v0.3 with a DSSE envelope. The signature is checked
 * against the signer's own key (or certificate) before the bundle is returned, so a faulty KMS
 * cannot produce a bundle that does not verify.
 *
 * @param payload - the bytes to sign, kept exactly
 * @param payloadType - the DSSE payload type
 * @param signer - a {@link Signer} (local key, certificate, KMS, or {@link keylessSigner})
 * @returns the bundle; write it with `JSON.stringify`
 * @throws SignError `SIGNER_FAILED`, `KEYLESS_UNAVAILABLE`, `KEYLESS_SIGNING_FAILED`
 */
export async function signDsse(payload: Uint8Array, payloadType: string, signer: Signer): Promise<SigstoreBundle> {
  if (!(payload instanceof Uint8Array)) throw new SignError("INVALID_ARGUMENT", "payload must be a Uint8Array");
  if (typeof payloadType !== "string" || payloadType === "")
    throw new SignError("INVALID_ARGUMENT", "payloadType must be a non-empty string");
  const keyless = keylessBundler(signer);
  if (keyless !== undefined) return keyless(payload, payloadType);
  const data = pae(payloadType, payload);
  const out = await callSigner(signer, data);
  const key = out.material.type === "publicKey" ? out.material.publicKey : leafPublicKey(out.material.certificates);
  if (!verifyBytes(key, data, out.signature))
    throw new SignError("SIGNER_FAILED", "the signer's signature does not verify with its own key");
  const hint = out.material.type === "publicKey" ? (out.material.hint ?? keyHint(out.material.publicKey)) : "";
  return buildBundle(payload, payloadType, out.signature, out.material, hint);
}

/** Options of {@link signStatement}. */
export interface SignStatementOptions {
  /** Payload JSON style: `"compact"` (default for statements) or `"model_signing"` (2-space indent). */
  style?: StatementStyle;
}

/**
 * Signs an in-toto Statement v1 (for example a provenance attestation) into a Sigstore bundle.
 *
 * @param statement - the statement; `_type` must be `https://in-toto.io/Statement/v1`
 * @param signer - the signer
 * @param options - payload JSON style
 * @returns the bundle
 * @throws SignError `MALFORMED_STATEMENT`, `SIGNER_FAILED`, ...
 * @example
 * const bundle = await signStatement({ _type: "https://in-toto.io/Statement/v1", subject, predicateType, predicate }, keySigner(key));
 */
export async function signStatement(
  statement: InTotoStatement,
  signer: Signer,
  options: SignStatementOptions = {},
): Promise<SigstoreBundle> {
  if (typeof statement !== "object" || statement === null || statement._type !== "https://in-toto.io/Statement/v1") {
    throw new SignError("MALFORMED_STATEMENT", "not an in-toto Statement v1");
  }
  if (
    !Array.isArray(statement.subject) ||
    statement.subject.length === 0 ||
    typeof statement.predicateType !== "string"
  ) {
    throw new SignError("MALFORMED_STATEMENT", "a statement needs a subject and a predicateType");
  }
  return signDsse(serializeStatement(statement, options.style ?? "compact"), IN_TOTO_PAYLOAD_TYPE, signer);
}

/** Options of {@link signModel}. */
export interface SignModelOptions extends HashModelOptions {
  /** Who signs: {@link keySigner}, {@link certificateSigner}, {@link keylessSigner} or your own. */
  signer: Signer;
  /**
   * Where the signature will be written, relative to the model root (or absolute). If it is inside
   * the model it is ignored and recorded in `ignore_paths`. Default `"model.sig"`; `null` for none.
   */
  signatureFile?: string | null;
  /** Refuse a model with no files (default true; the OMS spec requires at least one file). */
  rejectEmpty?: boolean;
}

/**
 * Signs a model directory or file: hashes it ({@link hashModel}), builds the OMS statement
 * (predicate `https://model_signing/signature/v1.0`) and signs it into a Sigstore bundle, byte
 * compatible with what `model_signing sign` writes to `model.sig`.
 *
 * @param modelPath - the model directory or file
 * @param options - the signer plus every {@link HashModelOptions} option
 * @returns the bundle; `JSON.stringify(bundle)` is the content of `model.sig`
 * @throws SignError `EMPTY_MODEL`, the codes of {@link hashModel}, `SIGNER_FAILED`, ...
 * @example
 * const bundle = await signModel("./model", { signer: keySigner(privateKey) });
 * writeFileSync("./model/model.sig", JSON.stringify(bundle));
 */
export async function signModel(modelPath: string, options: SignModelOptions): Promise<SigstoreBundle> {
  if (typeof options !== "object" || options === null || typeof options.signer?.sign !== "function") {
    throw new SignError("INVALID_ARGUMENT", "signModel needs options.signer");
  }
  const signatureFile = options.signatureFile === undefined ? DEFAULT_SIGNATURE_FILE : options.signatureFile;
  const ignorePaths = [...(options.ignorePaths ?? []), ...(signatureFile === null ? [] : [signatureFile])];
  const hashOptions: HashModelOptions = { ...options, ignorePaths };
  const listing = await listModel(modelPath, hashOptions);
  // Record only the ignore paths that exist in the model's namespace (model_signing drops the rest).
  const manifest = await hashListing(listing, hashOptions);
  if ((options.rejectEmpty ?? true) && manifest.resources.length === 0) {
    throw new SignError("EMPTY_MODEL", "the model has no file to sign after the ignore rules");
  }
  return signDsse(serializeStatement(modelStatement(manifest), "model_signing"), IN_TOTO_PAYLOAD_TYPE, options.signer);
}
