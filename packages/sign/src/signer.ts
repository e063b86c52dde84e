/**
 * The `Signer` plug-in point: one method that signs bytes (the DSSE PAE) and says which key or
 * certificate chain verifies the signature. {@link keySigner} and {@link certificateSigner} wrap
 * local keys; a KMS or HSM implements the same interface (mirrors @sigstore/sign's `Signer`).
 */
import { isSignError, SignError } from "./errors.js";
import {
  importPublicKey,
  type KeyHintStyle,
  keyHint,
  type PrivateKey,
  type PublicKey,
  samePublicKey,
  signBytes,
} from "./keys.js";
import { type CertificateInput, parseCertificates } from "./x509.js";

/** How the signature is to be verified: a public key (with its hint) or a certificate chain. */
export type SignerMaterial =
  | {
      type: "publicKey";
      /** The verifying key. It is not embedded in the bundle; only its hint is. */
      publicKey: PublicKey;
      /** The hint written to the bundle; default model_signing's hex(SHA-256(PEM)). */
      hint?: string;
    }
  | {
      type: "certificateChain";
      /** DER certificates, signing certificate first, then intermediates. */
      certificates: Uint8Array[];
    };

/** What a {@link Signer} returns. */
export interface SignerOutput {
  /** Ed25519: 64 bytes; ECDSA: DER. */
  signature: Uint8Array;
  material: SignerMaterial;
}

/**
 * Signs bytes. Implement this to plug in a KMS, an HSM or a remote signer. `data` is the DSSE
 * PAE; ECDSA signers hash it with the curve's hash (P-256: SHA-256, P-384: SHA-384, P-521: SHA-512).
 */
export interface Signer {
  sign(data: Uint8Array): Promise<SignerOutput>;
}

/**
 * A signer for a local private key; bundles carry a public-key hint.
 *
 * @param privateKey - the key
 * @param options - `hintStyle`: `"model_signing"` (default) or `"sigstore"`
 * @example
 * const bundle = await signModel("./model", { signer: keySigner(importPrivateKey(pem)) });
 */
export function keySigner(privateKey: PrivateKey, options: { hintStyle?: KeyHintStyle } = {}): Signer {
  const hint = keyHint(privateKey.publicKey, options.hintStyle ?? "model_signing");
  return {
    sign: async (data) => ({
      signature: signBytes(privateKey, data),
      material: { type: "publicKey", publicKey: privateKey.publicKey, hint },
    }),
  };
}

/**
 * A signer for a local private key with its certificate; bundles carry the chain
 * (`x509CertificateChain`), as model_signing's `certificate` method writes it.
 *
 * @param privateKey - the key certified by the signing certificate
 * @param certificates - the signing certificate first, then any intermediates (PEM text or DER)
 * @throws SignError `KEY_MISMATCH` when the certificate is for another key; `MALFORMED_CERTIFICATE`, `MALFORMED_PEM`
 */
export function certificateSigner(
  privateKey: PrivateKey,
  certificates: CertificateInput | readonly CertificateInput[],
): Signer {
  const parsed = parseCertificates(certificates);
  const leaf = parsed[0];
  if (leaf === undefined) throw new SignError("INVALID_ARGUMENT", "certificateSigner needs the signing certificate");
  let leafKey: PublicKey;
  try {
    leafKey = importPublicKey(leaf.spki);
  } catch (e) {
    if (isSignError(e)) throw e;
    throw new SignError("UNSUPPORTED_KEY", "the signing certificate's key is not supported", { cause: e });
  }
  if (!samePublicKey(leafKey, privateKey.publicKey)) {
    throw new SignError("KEY_MISMATCH", "the signing certificate does not certify this private key");
  }
  const ders = parsed.map((c) => c.der);
  return {
    sign: async (data) => ({
      signature: signBytes(privateKey, data),
      material: { type: "certificateChain", certificates: ders.map((d) => d.slice()) },
    }),
  };
}
