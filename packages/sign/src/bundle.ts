/**
 * Sigstore bundles (sigstore/protobuf-specs `sigstore_bundle.proto`, media type
 * `application/vnd.dev.sigstore.bundle.v0.3+json`) carrying a DSSE envelope, in their protobuf-JSON
 * form. {@link parseBundle} checks the structure strictly and fails closed with a coded error.
 */
import type { DsseEnvelope } from "./dsse.js";
import { decodeUtf8, fromBase64, toBase64 } from "./encoding.js";
import { SignError } from "./errors.js";
import type { SignerMaterial } from "./signer.js";

/** The media type of the bundles this package writes. */
export const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

/** Media types accepted when reading (v0.1 to v0.3, both spellings). */
export const ACCEPTED_BUNDLE_MEDIA_TYPES: readonly string[] = [
  "application/vnd.dev.sigstore.bundle.v0.3+json",
  "application/vnd.dev.sigstore.bundle+json;version=0.3",
  "application/vnd.dev.sigstore.bundle+json;version=0.2",
  "application/vnd.dev.sigstore.bundle+json;version=0.1",
];

/** `verificationMaterial` of a bundle (protobuf JSON). */
export interface BundleVerificationMaterial {
  publicKey?: { hint?: string; rawBytes?: string; [k: string]: unknown };
  x509CertificateChain?: { certificates: { rawBytes: string }[] };
  certificate?: { rawBytes: string };
  tlogEntries?: unknown[];
  timestampVerificationData?: unknown;
  [k: string]: unknown;
}

/** A Sigstore bundle with a DSSE envelope, as JSON (write it with `JSON.stringify`). */
export interface SigstoreBundle {
  mediaType: string;
  verificationMaterial: BundleVerificationMaterial;
  dsseEnvelope: DsseEnvelope;
}

/** Which verification material a bundle carries. */
export type BundleMaterialKind = "publicKey" | "x509CertificateChain" | "certificate";

/** A bundle after {@link parseBundle}: the JSON plus the decoded parts. */
export interface ParsedBundle {
  json: SigstoreBundle;
  kind: BundleMaterialKind;
  payload: Uint8Array;
  payloadType: string;
  signature: Uint8Array;
  /** DER certificates (chain or single certificate). */
  certificates: Uint8Array[];
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * Reads and checks a bundle.
 *
 * @param input - the bundle as JSON text, UTF-8 bytes or an already parsed object
 * @returns the bundle and its decoded payload, signature and certificates
 * @throws SignError `MALFORMED_JSON`, `MALFORMED_BUNDLE`, `UNSUPPORTED_BUNDLE`, `MALFORMED_ENVELOPE`, `MALFORMED_BASE64`
 */
export function parseBundle(input: string | Uint8Array | object): ParsedBundle {
  let value: unknown = input;
  if (input instanceof Uint8Array) {
    const text = decodeUtf8(input);
    if (text === undefined) throw new SignError("MALFORMED_JSON", "the bundle is not valid UTF-8");
    value = text;
  }
  if (typeof value === "string") {
    if (value.trim() === "") throw new SignError("MALFORMED_JSON", "the bundle is empty");
    try {
      value = JSON.parse(value);
    } catch {
      throw new SignError("MALFORMED_JSON", "the bundle is not valid JSON (truncated or corrupted?)");
    }
  }
  if (!isObj(value)) throw new SignError("MALFORMED_BUNDLE", "the bundle is not a JSON object");
  const mediaType = value.mediaType;
  if (typeof mediaType !== "string" || !ACCEPTED_BUNDLE_MEDIA_TYPES.includes(mediaType)) {
    throw new SignError("UNSUPPORTED_BUNDLE", `mediaType ${JSON.stringify(mediaType)} is not a Sigstore bundle`, {
      expected: BUNDLE_MEDIA_TYPE,
      actual: String(mediaType),
    });
  }
  const vm = value.verificationMaterial;
  if (!isObj(vm)) throw new SignError("MALFORMED_BUNDLE", "the bundle has no verificationMaterial");
  if (value.messageSignature !== undefined)
    throw new SignError("UNSUPPORTED_BUNDLE", "message-signature bundles are not supported (DSSE only)");
  const env = value.dsseEnvelope;
  if (!isObj(env)) throw new SignError("MALFORMED_BUNDLE", "the bundle has no dsseEnvelope");

  const kinds = (["publicKey", "x509CertificateChain", "certificate"] as const).filter(
    (k) => vm[k] !== undefined && vm[k] !== null,
  );
  if (kinds.length !== 1)
    throw new SignError(
      "MALFORMED_BUNDLE",
      "verificationMaterial must hold exactly one of publicKey, x509CertificateChain, certificate",
    );
  const kind = kinds[0]!;
  const certificates: Uint8Array[] = [];
  if (kind === "publicKey") {
    const pk = vm.publicKey;
    if (!isObj(pk)) throw new SignError("MALFORMED_BUNDLE", "publicKey must be an object");
    if (pk.hint !== undefined && typeof pk.hint !== "string")
      throw new SignError("MALFORMED_BUNDLE", "publicKey.hint must be a string");
    if (pk.rawBytes !== undefined) fromBase64(pk.rawBytes, "publicKey.rawBytes");
  } else if (kind === "x509CertificateChain") {
    const chain = vm.x509CertificateChain;
    if (!isObj(chain) || !Array.isArray(chain.certificates) || chain.certificates.length === 0) {
      throw new SignError("MALFORMED_BUNDLE", "x509CertificateChain.certificates must be a non-empty array");
    }
    for (const c of chain.certificates) {
      if (!isObj(c)) throw new SignError("MALFORMED_BUNDLE", "a certificate entry is not an object");
      certificates.push(fromBase64(c.rawBytes, "certificate rawBytes"));
    }
  } else {
    const c = vm.certificate;
    if (!isObj(c)) throw new SignError("MALFORMED_BUNDLE", "certificate must be an object");
    certificates.push(fromBase64(c.rawBytes, "certificate rawBytes"));
  }
  if (vm.tlogEntries !== undefined && !Array.isArray(vm.tlogEntries))
    throw new SignError("MALFORMED_BUNDLE", "tlogEntries must be an array");

  if (typeof env.payloadType !== "string") throw new SignError("MALFORMED_ENVELOPE", "the envelope has no payloadType");
  if (typeof env.payload !== "string" || env.payload.length === 0)
    throw new SignError("MALFORMED_ENVELOPE", "the envelope has no payload");
  if (!Array.isArray(env.signatures) || env.signatures.length === 0)
    throw new SignError("MALFORMED_ENVELOPE", "the envelope has no signature");
  if (env.signatures.length !== 1)
    throw new SignError("MALFORMED_ENVELOPE", "the envelope must have exactly one signature");
  const sig = env.signatures[0];
  if (!isObj(sig)) throw new SignError("MALFORMED_ENVELOPE", "the signature entry is not an object");
  const payload = fromBase64(env.payload, "dsseEnvelope.payload");
  const signature = fromBase64(sig.sig, "dsseEnvelope signature");
  if (signature.length === 0) throw new SignError("MALFORMED_ENVELOPE", "the signature is empty");
  return {
    json: value as unknown as SigstoreBundle,
    kind,
    payload,
    payloadType: env.payloadType,
    signature,
    certificates,
  };
}

/** @internal Builds a bundle from a signature and its material (key hint or certificate chain). */
export function buildBundle(
  payload: Uint8Array,
  payloadType: string,
  signature: Uint8Array,
  material: SignerMaterial,
  hint: string,
): SigstoreBundle {
  const verificationMaterial: BundleVerificationMaterial =
    material.type === "publicKey"
      ? { publicKey: { hint }, tlogEntries: [] }
      : {
          x509CertificateChain: { certificates: material.certificates.map((c) => ({ rawBytes: toBase64(c) })) },
          tlogEntries: [],
        };
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial,
    dsseEnvelope: {
      payload: toBase64(payload),
      payloadType,
      // keyid equals the hint, as protobuf-specs asks for key-hint bundles (model_signing writes "").
      signatures: [{ sig: toBase64(signature), keyid: material.type === "publicKey" ? hint : "" }],
    },
  };
}
