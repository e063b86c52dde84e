/**
 * Signing keys: Ed25519 (RFC 8032) and ECDSA over NIST P-256, P-384 and P-521 (FIPS 186-5) with
 * the hash tied to the curve (SHA-256, SHA-384, SHA-512), as model_signing and Sigstore use them.
 * Keys are generated and used with @noble/curves; they are imported and exported as PEM (SPKI,
 * RFC 5280; PKCS#8, RFC 5958; SEC1 `EC PRIVATE KEY`, RFC 5915), DER and JWK (RFC 7517/8037).
 *
 * A {@link PrivateKey} never shows its secret: `JSON.stringify`, `console.log` and error messages
 * print `[PrivateKey ecdsa-p256]`. Only the explicit `exportPrivateKey` functions reveal it.
 */
import { createPrivateKey } from "node:crypto";
import { inspect } from "node:util";
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256, p384, p521 } from "@noble/curves/nist.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bitStringBytes, children, decodeOid, expectTag, oid, parseDer, smallInt, TAG, tlv } from "./der.js";
import { fromBase64, plainBytes, toBase64Url, toHex, utf8 } from "./encoding.js";
import { isSignError, SignError } from "./errors.js";
import { encodePem, parsePem } from "./pem.js";

/** The key types this package signs and verifies with. ECDSA hashes are tied to the curve. */
export type KeyAlgorithm = "ed25519" | "ecdsa-p256" | "ecdsa-p384" | "ecdsa-p521";

/** Every supported {@link KeyAlgorithm}. */
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ["ed25519", "ecdsa-p256", "ecdsa-p384", "ecdsa-p521"];

/** The algorithm {@link generateKeyPair} uses when none is given (what the model_signing docs suggest). */
export const DEFAULT_KEY_ALGORITHM: KeyAlgorithm = "ecdsa-p256";

/** A public key: its algorithm and its raw bytes (Ed25519: 32 bytes; ECDSA: the uncompressed SEC1 point). */
export interface PublicKey {
  readonly algorithm: KeyAlgorithm;
  readonly bytes: Uint8Array;
}

/** A JSON Web Key for the supported curves (RFC 7518 §6.2, RFC 8037). */
export interface Jwk {
  kty: "EC" | "OKP";
  crv: "P-256" | "P-384" | "P-521" | "Ed25519";
  x: string;
  y?: string;
  /** The private scalar or seed; only present in private JWKs. */
  d?: string;
}

/** A key pair from {@link generateKeyPair}. */
export interface KeyPair {
  privateKey: PrivateKey;
  publicKey: PublicKey;
}

const secrets = new WeakMap<PrivateKey, Uint8Array>();

/**
 * A private key. Its secret is held out of reach of logging and serialisation; use
 * {@link exportPrivateKey} to write it out deliberately.
 */
export class PrivateKey {
  /** The key's algorithm. */
  readonly algorithm: KeyAlgorithm;
  /** The matching public key. */
  readonly publicKey: PublicKey;

  /** @internal Use {@link generateKeyPair} or {@link importPrivateKey}. */
  constructor(algorithm: KeyAlgorithm, secret: Uint8Array) {
    this.algorithm = algorithm;
    const curve = CURVES[algorithm];
    let pub: Uint8Array;
    try {
      pub = curve.publicKey(secret);
    } catch (e) {
      throw new SignError("MALFORMED_KEY", `invalid ${algorithm} private key`, { cause: redact(e) });
    }
    secrets.set(this, plainBytes(secret));
    this.publicKey = Object.freeze({ algorithm, bytes: pub });
    Object.freeze(this);
  }

  /** Redacted: a private key never serialises its secret. */
  toJSON(): string {
    return `[PrivateKey ${this.algorithm}]`;
  }

  /** Redacted. */
  toString(): string {
    return `[PrivateKey ${this.algorithm}]`;
  }

  [inspect.custom](): string {
    return `[PrivateKey ${this.algorithm}]`;
  }
}

/** @internal The secret bytes of a private key (never exported from the package). */
export function secretOf(key: PrivateKey): Uint8Array {
  const s = secrets.get(key);
  if (s === undefined) throw new SignError("INVALID_ARGUMENT", "not a PrivateKey created by @modelproof/sign");
  return s;
}

// Low-level errors from a library could echo their inputs; keep only the message's first line and
// never the value. Used wherever a secret was an input.
function redact(e: unknown): Error {
  return new Error(e instanceof Error ? (e.message.split("\n")[0] ?? "error").slice(0, 120) : "error");
}

interface CurveOps {
  oid?: string;
  jwkCrv: Jwk["crv"];
  size: number;
  publicKey(secret: Uint8Array): Uint8Array;
  random(): Uint8Array;
  sign(msg: Uint8Array, secret: Uint8Array): Uint8Array;
  verify(sig: Uint8Array, msg: Uint8Array, pub: Uint8Array): boolean;
  normalizePoint(bytes: Uint8Array): Uint8Array;
}

type NistCurve = typeof p256;

function ecdsa(curve: NistCurve, curveOid: string, jwkCrv: Jwk["crv"], size: number): CurveOps {
  return {
    oid: curveOid,
    jwkCrv,
    size,
    publicKey: (secret) => {
      if (secret.length !== size) throw new Error("wrong private scalar length");
      return curve.getPublicKey(secret, false);
    },
    random: () => curve.utils.randomSecretKey(),
    // prehash with the curve's hash (SHA-256/384/512); DER as Sigstore and model_signing use.
    sign: (msg, secret) => curve.sign(msg, secret, { format: "der" }),
    // lowS:false: OpenSSL (Python, Go, Node) does not normalise s.
    verify: (sig, msg, pub) => {
      try {
        return curve.verify(sig, msg, pub, { format: "der", lowS: false });
      } catch {
        return false;
      }
    },
    normalizePoint: (bytes) => curve.Point.fromBytes(bytes).toBytes(false),
  };
}

const CURVES: Record<KeyAlgorithm, CurveOps> = {
  "ecdsa-p256": ecdsa(p256, "1.2.840.10045.3.1.7", "P-256", 32),
  "ecdsa-p384": ecdsa(p384, "1.3.132.0.34", "P-384", 48),
  "ecdsa-p521": ecdsa(p521, "1.3.132.0.35", "P-521", 66),
  ed25519: {
    jwkCrv: "Ed25519",
    size: 32,
    publicKey: (secret) => {
      if (secret.length !== 32) throw new Error("wrong seed length");
      return ed25519.getPublicKey(secret);
    },
    random: () => ed25519.utils.randomSecretKey(),
    sign: (msg, secret) => ed25519.sign(msg, secret),
    // zip215:false = RFC 8032 / FIPS 186-5 strict verification (what OpenSSL does).
    verify: (sig, msg, pub) => {
      try {
        return ed25519.verify(sig, msg, pub, { zip215: false });
      } catch {
        return false;
      }
    },
    normalizePoint: (bytes) => {
      if (bytes.length !== 32) throw new Error("Ed25519 public key must be 32 bytes");
      ed25519.Point.fromBytes(bytes);
      return plainBytes(bytes);
    },
  },
};

const OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1";
const OID_ED25519 = "1.3.101.112";
const KNOWN_UNSUPPORTED: Record<string, string> = {
  "1.2.840.113549.1.1.1": "RSA",
  "1.2.840.113549.1.1.10": "RSA-PSS",
  "1.3.101.113": "Ed448",
  "1.3.132.0.10": "secp256k1",
};

function algorithmForCurveOid(curveOid: string): KeyAlgorithm {
  for (const alg of KEY_ALGORITHMS) if (CURVES[alg].oid === curveOid) return alg;
  const name = KNOWN_UNSUPPORTED[curveOid] ?? curveOid;
  throw new SignError("UNSUPPORTED_KEY", `EC curve ${name} is not supported (use P-256, P-384, P-521 or Ed25519)`);
}

function algorithmForJwk(jwk: Partial<Jwk>): KeyAlgorithm {
  for (const alg of KEY_ALGORITHMS) if (CURVES[alg].jwkCrv === jwk.crv) return alg;
  throw new SignError("UNSUPPORTED_KEY", `JWK ${String(jwk.kty)}/${String(jwk.crv)} is not supported`);
}

/**
 * Generates a new key pair with a cryptographically secure random source.
 *
 * @param algorithm - the key type; default {@link DEFAULT_KEY_ALGORITHM}
 * @returns the private key and its public key
 * @throws SignError `INVALID_ARGUMENT` for an unknown algorithm
 * @example
 * const { privateKey, publicKey } = generateKeyPair("ecdsa-p384");
 */
export function generateKeyPair(algorithm: KeyAlgorithm = DEFAULT_KEY_ALGORITHM): KeyPair {
  const curve = CURVES[algorithm];
  if (curve === undefined) throw new SignError("INVALID_ARGUMENT", `unknown key algorithm ${String(algorithm)}`);
  const privateKey = new PrivateKey(algorithm, curve.random());
  return { privateKey, publicKey: privateKey.publicKey };
}

/**
 * Creates a public key from raw bytes, checking that the point is valid.
 *
 * @param algorithm - the key type
 * @param bytes - Ed25519: 32 bytes; ECDSA: a SEC1 point (compressed or uncompressed)
 * @throws SignError `MALFORMED_KEY` when the bytes are not a valid point
 */
export function publicKeyFromBytes(algorithm: KeyAlgorithm, bytes: Uint8Array): PublicKey {
  const curve = CURVES[algorithm];
  if (curve === undefined) throw new SignError("INVALID_ARGUMENT", `unknown key algorithm ${String(algorithm)}`);
  if (!(bytes instanceof Uint8Array)) throw new SignError("INVALID_ARGUMENT", "public key bytes must be a Uint8Array");
  try {
    return Object.freeze({ algorithm, bytes: curve.normalizePoint(bytes) });
  } catch (e) {
    throw new SignError("MALFORMED_KEY", `invalid ${algorithm} public key`, { cause: redact(e) });
  }
}

// ---- SPKI ----

function spkiAlgorithm(alg: KeyAlgorithm): Uint8Array {
  if (alg === "ed25519") return tlv(TAG.SEQUENCE, oid(OID_ED25519));
  return tlv(TAG.SEQUENCE, oid(OID_EC_PUBLIC_KEY), oid(CURVES[alg].oid!));
}

function encodeSpki(key: PublicKey): Uint8Array {
  return tlv(TAG.SEQUENCE, spkiAlgorithm(key.algorithm), tlv(TAG.BIT_STRING, Uint8Array.of(0), key.bytes));
}

function parseAlgorithmIdentifier(node: ReturnType<typeof parseDer>): KeyAlgorithm {
  const parts = children(expectTag(node, TAG.SEQUENCE, "MALFORMED_KEY", "AlgorithmIdentifier"), "MALFORMED_KEY");
  const algOid = decodeOid(expectTag(parts[0], TAG.OID, "MALFORMED_KEY", "algorithm OID"), "MALFORMED_KEY");
  if (algOid === OID_ED25519) {
    if (parts.length !== 1) throw new SignError("MALFORMED_KEY", "Ed25519 AlgorithmIdentifier must have no parameters");
    return "ed25519";
  }
  if (algOid === OID_EC_PUBLIC_KEY) {
    const param = parts[1];
    if (param === undefined || param.tag !== TAG.OID || parts.length !== 2) {
      throw new SignError(
        "UNSUPPORTED_KEY",
        "EC keys must name their curve (explicit curve parameters are not supported)",
      );
    }
    return algorithmForCurveOid(decodeOid(param, "MALFORMED_KEY"));
  }
  const name = KNOWN_UNSUPPORTED[algOid] ?? `OID ${algOid}`;
  throw new SignError("UNSUPPORTED_KEY", `${name} keys are not supported (use P-256, P-384, P-521 or Ed25519)`);
}

function parseSpki(der: Uint8Array): PublicKey {
  const top = parseDer(der, "MALFORMED_KEY");
  const parts = children(expectTag(top, TAG.SEQUENCE, "MALFORMED_KEY", "SubjectPublicKeyInfo"), "MALFORMED_KEY");
  if (parts.length !== 2) throw new SignError("MALFORMED_KEY", "SubjectPublicKeyInfo must have 2 elements");
  const algorithm = parseAlgorithmIdentifier(parts[0]!);
  return publicKeyFromBytes(algorithm, bitStringBytes(parts[1]!, "MALFORMED_KEY"));
}

// ---- PKCS#8 / SEC1 ----

function encodePkcs8(key: PrivateKey): Uint8Array {
  const secret = secretOf(key);
  const inner =
    key.algorithm === "ed25519"
      ? tlv(TAG.OCTET_STRING, secret)
      : tlv(
          TAG.SEQUENCE,
          smallInt(1),
          tlv(TAG.OCTET_STRING, secret),
          tlv(0xa1, tlv(TAG.BIT_STRING, Uint8Array.of(0), key.publicKey.bytes)),
        );
  return tlv(TAG.SEQUENCE, smallInt(0), spkiAlgorithm(key.algorithm), tlv(TAG.OCTET_STRING, inner));
}

// SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING d, [0] curve OID OPTIONAL, [1] BIT STRING pub OPTIONAL }
function parseSec1(der: Uint8Array, known?: KeyAlgorithm): PrivateKey {
  const parts = children(
    expectTag(parseDer(der, "MALFORMED_KEY"), TAG.SEQUENCE, "MALFORMED_KEY", "ECPrivateKey"),
    "MALFORMED_KEY",
  );
  const version = expectTag(parts[0], TAG.INTEGER, "MALFORMED_KEY", "ECPrivateKey version");
  if (version.content.length !== 1 || version.content[0] !== 1)
    throw new SignError("MALFORMED_KEY", "ECPrivateKey version must be 1");
  const d = expectTag(parts[1], TAG.OCTET_STRING, "MALFORMED_KEY", "private scalar").content;
  let algorithm = known;
  let embeddedPub: Uint8Array | undefined;
  for (const p of parts.slice(2)) {
    if (p.tag === 0xa0) {
      const curveOid = decodeOid(children(p, "MALFORMED_KEY")[0] ?? p, "MALFORMED_KEY");
      const named = algorithmForCurveOid(curveOid);
      if (algorithm !== undefined && algorithm !== named)
        throw new SignError("MALFORMED_KEY", "ECPrivateKey curve disagrees with its AlgorithmIdentifier");
      algorithm = named;
    } else if (p.tag === 0xa1) {
      embeddedPub = bitStringBytes(children(p, "MALFORMED_KEY")[0] ?? p, "MALFORMED_KEY");
    } else {
      throw new SignError("MALFORMED_KEY", "unexpected element in ECPrivateKey");
    }
  }
  if (algorithm === undefined) throw new SignError("UNSUPPORTED_KEY", "EC private key does not name its curve");
  const size = CURVES[algorithm].size;
  if (d.length > size) throw new SignError("MALFORMED_KEY", "EC private scalar is too long");
  const padded = new Uint8Array(size);
  padded.set(d, size - d.length);
  const key = new PrivateKey(algorithm, padded);
  padded.fill(0);
  if (embeddedPub !== undefined) {
    const pub = publicKeyFromBytes(algorithm, embeddedPub);
    if (toHex(pub.bytes) !== toHex(key.publicKey.bytes))
      throw new SignError("MALFORMED_KEY", "embedded public key does not match the private key");
  }
  return key;
}

function parsePkcs8(der: Uint8Array): PrivateKey {
  const parts = children(
    expectTag(parseDer(der, "MALFORMED_KEY"), TAG.SEQUENCE, "MALFORMED_KEY", "PrivateKeyInfo"),
    "MALFORMED_KEY",
  );
  const version = expectTag(parts[0], TAG.INTEGER, "MALFORMED_KEY", "PrivateKeyInfo version");
  if (version.content.length !== 1 || version.content[0]! > 1)
    throw new SignError("MALFORMED_KEY", "unsupported PrivateKeyInfo version");
  const algorithm = parseAlgorithmIdentifier(expectTag(parts[1], TAG.SEQUENCE, "MALFORMED_KEY", "AlgorithmIdentifier"));
  const inner = expectTag(parts[2], TAG.OCTET_STRING, "MALFORMED_KEY", "privateKey").content;
  if (algorithm === "ed25519") {
    const seed = expectTag(parseDer(inner, "MALFORMED_KEY"), TAG.OCTET_STRING, "MALFORMED_KEY", "Ed25519 seed").content;
    return new PrivateKey("ed25519", seed);
  }
  return parseSec1(inner, algorithm);
}

// ---- JWK ----

function jwkField(jwk: Record<string, unknown>, name: string, len: number): Uint8Array {
  const b = fromBase64(jwk[name], `JWK "${name}"`);
  if (b.length !== len) throw new SignError("MALFORMED_KEY", `JWK "${name}" must be ${len} bytes`);
  return b;
}

function jwkPublic(jwk: Record<string, unknown>, algorithm: KeyAlgorithm): PublicKey {
  const size = algorithm === "ed25519" ? 32 : CURVES[algorithm].size;
  if (algorithm === "ed25519") return publicKeyFromBytes(algorithm, jwkField(jwk, "x", size));
  const point = new Uint8Array(1 + 2 * size);
  point[0] = 4;
  point.set(jwkField(jwk, "x", size), 1);
  point.set(jwkField(jwk, "y", size), 1 + size);
  return publicKeyFromBytes(algorithm, point);
}

function parseJwkInput(input: unknown): Record<string, unknown> {
  let obj = input;
  if (typeof input === "string") {
    try {
      obj = JSON.parse(input);
    } catch {
      throw new SignError("MALFORMED_JSON", "JWK is not valid JSON");
    }
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj))
    throw new SignError("MALFORMED_KEY", "JWK must be an object");
  const jwk = obj as Record<string, unknown>;
  const expectedKty = jwk.crv === "Ed25519" ? "OKP" : "EC";
  if (jwk.kty !== expectedKty)
    throw new SignError("UNSUPPORTED_KEY", `JWK kty ${String(jwk.kty)} / crv ${String(jwk.crv)} is not supported`);
  return jwk;
}

// ---- public import / export ----

/** Input accepted for a public key: PEM text (`PUBLIC KEY`), a JWK (object or JSON text), SPKI DER bytes, or a key. */
export type PublicKeyInput = string | Uint8Array | Jwk | PublicKey;

/** Options for {@link importPrivateKey}. */
export interface ImportPrivateKeyOptions {
  /** Password of an encrypted PEM (`ENCRYPTED PRIVATE KEY`, or legacy OpenSSL `Proc-Type: 4,ENCRYPTED`). */
  password?: string | Uint8Array;
}

function isPublicKey(x: unknown): x is PublicKey {
  return (
    typeof x === "object" &&
    x !== null &&
    "algorithm" in x &&
    "bytes" in x &&
    (x as PublicKey).bytes instanceof Uint8Array
  );
}

/**
 * Imports a public key.
 *
 * @param input - PEM text with a `PUBLIC KEY` block (other text around it is ignored), a JWK, SPKI DER bytes
 * @returns the key, its point validated
 * @throws SignError `MALFORMED_PEM`, `MALFORMED_KEY`, `MALFORMED_JSON` or `UNSUPPORTED_KEY`
 * @example
 * const key = importPublicKey(readFileSync("signing-key-pub.pem", "utf8"));
 */
export function importPublicKey(input: PublicKeyInput): PublicKey {
  if (isPublicKey(input)) return publicKeyFromBytes(input.algorithm, input.bytes);
  if (input instanceof Uint8Array) return parseSpki(input);
  if (typeof input === "string" && input.includes("-----BEGIN ")) {
    const blocks = parsePem(input);
    const block = blocks.find((b) => b.label === "PUBLIC KEY");
    if (block === undefined) {
      const labels = blocks.map((b) => b.label).join(", ") || "none";
      throw new SignError("MALFORMED_PEM", `no "PUBLIC KEY" PEM block (found: ${labels})`);
    }
    return parseSpki(block.der);
  }
  if (typeof input === "string" && !input.trim().startsWith("{"))
    throw new SignError("MALFORMED_PEM", "public key text is neither PEM nor a JWK");
  const jwk = parseJwkInput(input);
  return jwkPublic(jwk, algorithmForJwk(jwk as Partial<Jwk>));
}

function decryptWithNode(pem: string, password: ImportPrivateKeyOptions["password"]): Uint8Array {
  if (password === undefined)
    throw new SignError("KEY_DECRYPTION_FAILED", "the private key is encrypted and no password was given");
  try {
    const key = createPrivateKey({
      key: pem,
      format: "pem",
      passphrase: typeof password === "string" ? password : Buffer.from(password),
    });
    return new Uint8Array(key.export({ type: "pkcs8", format: "der" }));
  } catch (e) {
    throw new SignError(
      "KEY_DECRYPTION_FAILED",
      "the private key could not be decrypted (wrong password or unsupported encryption)",
      {
        cause: redact(e),
      },
    );
  }
}

/**
 * Imports a private key.
 *
 * @param input - PEM text (`PRIVATE KEY`, `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`; other blocks such
 *   as `EC PARAMETERS` are skipped), a private JWK, or PKCS#8 DER bytes
 * @param options - `password` for encrypted PEM
 * @returns the key; its public half is derived and checked against any embedded public key
 * @throws SignError `MALFORMED_PEM`, `MALFORMED_KEY`, `UNSUPPORTED_KEY` or `KEY_DECRYPTION_FAILED`
 * @example
 * const key = importPrivateKey(readFileSync("signing-key.pem", "utf8"));
 */
export function importPrivateKey(input: string | Uint8Array | Jwk, options: ImportPrivateKeyOptions = {}): PrivateKey {
  try {
    if (input instanceof Uint8Array) return parsePkcs8(input);
    if (typeof input === "string" && input.includes("-----BEGIN ")) {
      const blocks = parsePem(input).filter((b) => b.label.endsWith("PRIVATE KEY"));
      const block = blocks[0];
      if (block === undefined) throw new SignError("MALFORMED_PEM", "no private key PEM block found");
      if (blocks.length > 1) throw new SignError("MALFORMED_PEM", "more than one private key PEM block");
      if (block.label === "ENCRYPTED PRIVATE KEY" || block.hasHeaders)
        return parsePkcs8(decryptWithNode(input, options.password));
      if (block.label === "PRIVATE KEY") return parsePkcs8(block.der);
      if (block.label === "EC PRIVATE KEY") return parseSec1(block.der);
      throw new SignError("UNSUPPORTED_KEY", `"${block.label}" keys are not supported`);
    }
    if (typeof input === "string" && !input.trim().startsWith("{"))
      throw new SignError("MALFORMED_PEM", "private key text is neither PEM nor a JWK");
    const jwk = parseJwkInput(input);
    const algorithm = algorithmForJwk(jwk as Partial<Jwk>);
    const d = jwkField(jwk, "d", CURVES[algorithm].size);
    const key = new PrivateKey(algorithm, d);
    d.fill(0);
    const pub = jwkPublic(jwk, algorithm);
    if (toHex(pub.bytes) !== toHex(key.publicKey.bytes))
      throw new SignError("MALFORMED_KEY", "JWK public coordinates do not match its private key");
    return key;
  } catch (e) {
    // Never let a low-level error that saw the secret escape: keep our coded errors, redact the rest.
    if (isSignError(e)) throw e;
    throw new SignError("MALFORMED_KEY", "invalid private key", { cause: redact(e) });
  }
}

/** Output formats of {@link exportPublicKey}. */
export type PublicKeyFormat = "pem" | "der" | "jwk";

/**
 * Exports a public key.
 *
 * @param key - the key
 * @param format - `"pem"` (SPKI PEM text, the exact bytes OpenSSL writes), `"der"` (SPKI bytes) or `"jwk"`
 * @example
 * writeFileSync("key.pub.pem", exportPublicKey(publicKey, "pem"));
 */
export function exportPublicKey(key: PublicKey, format: "pem"): string;
export function exportPublicKey(key: PublicKey, format: "der"): Uint8Array;
export function exportPublicKey(key: PublicKey, format: "jwk"): Jwk;
export function exportPublicKey(key: PublicKey, format: PublicKeyFormat): string | Uint8Array | Jwk {
  const k = importPublicKey(key);
  if (format === "der") return encodeSpki(k);
  if (format === "pem") return encodePem("PUBLIC KEY", encodeSpki(k));
  if (format === "jwk") {
    const crv = CURVES[k.algorithm].jwkCrv;
    if (k.algorithm === "ed25519") return { kty: "OKP", crv, x: toBase64Url(k.bytes) };
    const size = CURVES[k.algorithm].size;
    return {
      kty: "EC",
      crv,
      x: toBase64Url(k.bytes.subarray(1, 1 + size)),
      y: toBase64Url(k.bytes.subarray(1 + size)),
    };
  }
  throw new SignError("INVALID_ARGUMENT", `unknown public key format ${String(format)}`);
}

/**
 * Exports a private key. This is the only way the secret leaves a {@link PrivateKey}.
 *
 * @param key - the key
 * @param format - `"pem"` (unencrypted PKCS#8 PEM), `"der"` (PKCS#8 bytes) or `"jwk"`
 */
export function exportPrivateKey(key: PrivateKey, format: "pem"): string;
export function exportPrivateKey(key: PrivateKey, format: "der"): Uint8Array;
export function exportPrivateKey(key: PrivateKey, format: "jwk"): Jwk;
export function exportPrivateKey(key: PrivateKey, format: PublicKeyFormat): string | Uint8Array | Jwk {
  const secret = secretOf(key);
  if (format === "der") return encodePkcs8(key);
  if (format === "pem") return encodePem("PRIVATE KEY", encodePkcs8(key));
  if (format === "jwk") return { ...exportPublicKey(key.publicKey, "jwk"), d: toBase64Url(secret) };
  throw new SignError("INVALID_ARGUMENT", `unknown private key format ${String(format)}`);
}

/** How a key hint is computed: model_signing's hex(SHA-256(SPKI PEM text)), or cosign/Sigstore's base64(SHA-256(SPKI DER)). */
export type KeyHintStyle = "model_signing" | "sigstore";

/**
 * The key hint written into `verificationMaterial.publicKey.hint`.
 *
 * @param key - the public key
 * @param style - `"model_signing"` (default): lowercase hex of SHA-256 of the PEM text, as the OMS
 *   reference implementation computes it; `"sigstore"`: standard base64 of SHA-256 of the SPKI DER
 */
export function keyHint(key: PublicKey, style: KeyHintStyle = "model_signing"): string {
  if (style === "sigstore") return Buffer.from(sha256(exportPublicKey(key, "der"))).toString("base64");
  if (style === "model_signing") return toHex(sha256(utf8(exportPublicKey(key, "pem"))));
  throw new SignError("INVALID_ARGUMENT", `unknown key hint style ${String(style)}`);
}

/** True when two public keys are the same key. */
export function samePublicKey(a: PublicKey, b: PublicKey): boolean {
  return a.algorithm === b.algorithm && toHex(a.bytes) === toHex(b.bytes);
}

/**
 * Signs bytes: Ed25519 (64-byte signature) or ECDSA with the curve's hash (DER signature,
 * deterministic per RFC 6979).
 *
 * @param key - the private key
 * @param data - the bytes to sign (for DSSE: the PAE)
 * @returns the signature
 */
export function signBytes(key: PrivateKey, data: Uint8Array): Uint8Array {
  return CURVES[key.algorithm].sign(data, secretOf(key));
}

/**
 * Verifies a signature made by {@link signBytes} or any standard implementation (OpenSSL DER
 * signatures with high S included). Never throws on malformed signatures: returns false.
 *
 * @param key - the public key
 * @param data - the signed bytes
 * @param signature - Ed25519: 64 bytes; ECDSA: DER
 * @returns true when the signature is valid
 */
export function verifyBytes(key: PublicKey, data: Uint8Array, signature: Uint8Array): boolean {
  const curve = CURVES[key.algorithm];
  if (curve === undefined || !(signature instanceof Uint8Array) || !(data instanceof Uint8Array)) return false;
  return curve.verify(signature, data, key.bytes);
}

/** @internal ECDSA verification over a caller-supplied digest (model_signing v0.2 compat: SHA-256 on any curve). */
export function verifyPrehashed(key: PublicKey, digest: Uint8Array, signature: Uint8Array): boolean {
  if (key.algorithm === "ed25519") return false;
  const curve = key.algorithm === "ecdsa-p256" ? p256 : key.algorithm === "ecdsa-p384" ? p384 : p521;
  try {
    return curve.verify(signature, digest, key.bytes, { format: "der", lowS: false, prehash: false });
  } catch {
    return false;
  }
}
