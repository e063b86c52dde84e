/**
 * An encrypted secret-store format for fingerprint sets, so the secrets never sit in clear next
 * to the model. Version 1, a UTF-8 JSON document:
 *
 * ```json
 * {
 *   "format": "modelproof-fingerprint-store",
 *   "version": 1,
 *   "kdf": { "name": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": "<base64, 32 bytes>" },
 *   "cipher": { "name": "xchacha20-poly1305", "nonce": "<base64, 24 bytes>" },
 *   "ciphertext": "<base64>"
 * }
 * ```
 *
 * The key is scrypt (RFC 7914) of the passphrase (a string is NFC-normalised, then UTF-8) with a
 * random 32-byte salt; the payload is sealed with XChaCha20-Poly1305 (random 24-byte nonce) and
 * the header (every field but `ciphertext`, serialised in the order above) as associated data, so
 * any change to the parameters fails authentication. Both primitives come from the audited
 * `@noble/hashes` and `@noble/ciphers`. The plaintext is JSON:
 * `{ "fingerprints": [{key, response}], "salts"?: [hex], "metadata"?: {...} }`.
 */
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { base64ToBytes, bytesToBase64, bytesToHex, hexToBytes } from "./encoding.js";
import { FingerprintError } from "./errors.js";
import { type Fingerprint, validateFingerprints } from "./fingerprint.js";
import { parseJsonContents } from "./oml-json.js";
import { randomBytes } from "./rng.js";

/** The `format` field of a store. */
export const SECRET_STORE_FORMAT = "modelproof-fingerprint-store";
/** The store version this library writes (and the only one it reads). */
export const SECRET_STORE_VERSION = 1;
/** Default scrypt parameters: N = 2^17, r = 8, p = 1 (128 MiB; the OWASP-recommended minimum for scrypt). */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
/** Bounds on scrypt parameters accepted when sealing or opening (a store cannot demand more than 1 GiB). */
export const SCRYPT_LIMITS = Object.freeze({
  minN: 2 ** 10,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  maxMemoryBytes: 2 ** 30,
});

const SALT_BYTES = 32;
const NONCE_BYTES = 24;
const KEY_BYTES = 32;
/** Length of a commitment salt (see `commitFingerprints`). */
const FINGERPRINT_SALT_BYTES = 32;
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** scrypt cost parameters. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** What a store holds. */
export interface SecretStoreContents {
  /** The secret fingerprints. */
  fingerprints: Fingerprint[];
  /** The commitment salts (one 32-byte salt per fingerprint), so the commitment can be reopened later. */
  salts?: Uint8Array[];
  /** Any JSON-serialisable, non-secret notes (model name, commitment root, dates). */
  metadata?: Record<string, unknown>;
}

/** Options of {@link sealFingerprintStore}. */
export interface SealOptions {
  /** scrypt parameters. Default {@link DEFAULT_SCRYPT_PARAMS}. Lower values are for tests only. */
  scrypt?: ScryptParams;
}

function checkScrypt(params: unknown, code: "INVALID_OPTION" | "INVALID_STORE"): ScryptParams {
  const { N, r, p } = (params ?? {}) as Partial<ScryptParams>;
  const ok =
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N! >= SCRYPT_LIMITS.minN &&
    N! <= SCRYPT_LIMITS.maxN &&
    (N! & (N! - 1)) === 0 &&
    r! >= 1 &&
    r! <= SCRYPT_LIMITS.maxR &&
    p! >= 1 &&
    p! <= SCRYPT_LIMITS.maxP &&
    128 * r! * (N! + p!) <= SCRYPT_LIMITS.maxMemoryBytes;
  if (!ok) {
    throw new FingerprintError(
      code,
      `scrypt parameters out of range (N a power of two in [2^10, 2^20], r in [1, 32], p in [1, 16], at most 1 GiB)`,
    );
  }
  return { N: N!, r: r!, p: p! };
}

function passphraseBytes(passphrase: string | Uint8Array): Uint8Array {
  const bytes =
    typeof passphrase === "string"
      ? encoder.encode(passphrase.normalize("NFC"))
      : passphrase instanceof Uint8Array
        ? passphrase
        : undefined;
  if (bytes === undefined) throw new FingerprintError("INVALID_OPTION", "passphrase must be a string or a Uint8Array");
  if (bytes.length === 0) throw new FingerprintError("INVALID_OPTION", "passphrase must not be empty");
  return bytes;
}

function headerBytes(params: ScryptParams, salt: string, nonce: string): Uint8Array {
  // Fixed field order and only integers and base64 strings: one serialisation, the same everywhere.
  return encoder.encode(
    JSON.stringify({
      format: SECRET_STORE_FORMAT,
      version: SECRET_STORE_VERSION,
      kdf: { name: "scrypt", N: params.N, r: params.r, p: params.p, salt },
      cipher: { name: "xchacha20-poly1305", nonce },
    }),
  );
}

async function deriveKey(passphrase: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  return scryptAsync(passphrase, salt, { ...params, dkLen: KEY_BYTES, maxmem: SCRYPT_LIMITS.maxMemoryBytes + 4096 });
}

function checkContents(contents: SecretStoreContents): {
  fingerprints: Fingerprint[];
  salts?: string[];
  metadata?: Record<string, unknown>;
} {
  if (typeof contents !== "object" || contents === null) {
    throw new FingerprintError("INVALID_OPTION", "contents must be an object with a fingerprints array");
  }
  const fingerprints = validateFingerprints(contents.fingerprints);
  const out: { fingerprints: Fingerprint[]; salts?: string[]; metadata?: Record<string, unknown> } = { fingerprints };
  if (contents.salts !== undefined) {
    const salts = contents.salts;
    if (
      !Array.isArray(salts) ||
      salts.length !== fingerprints.length ||
      !salts.every((s) => s instanceof Uint8Array && s.length === FINGERPRINT_SALT_BYTES)
    ) {
      throw new FingerprintError("INVALID_OPTION", "salts must hold one 32-byte Uint8Array per fingerprint");
    }
    out.salts = salts.map(bytesToHex);
  }
  if (contents.metadata !== undefined) {
    if (typeof contents.metadata !== "object" || contents.metadata === null || Array.isArray(contents.metadata)) {
      throw new FingerprintError("INVALID_OPTION", "metadata must be a plain object");
    }
    out.metadata = contents.metadata;
  }
  return out;
}

/**
 * Encrypts a fingerprint set (and optionally its commitment salts and metadata) under a passphrase.
 *
 * @param contents - the fingerprints, salts and metadata (validated first)
 * @param passphrase - a non-empty string (NFC-normalised) or bytes
 * @param options - scrypt parameters (default {@link DEFAULT_SCRYPT_PARAMS})
 * @returns the store, as JSON text ready to write to a file
 * @throws {FingerprintError} `INVALID_OPTION` (empty passphrase, bad salts, metadata or scrypt
 *   parameters), and the codes of {@link validateFingerprints}
 * @example
 * ```ts
 * const text = await sealFingerprintStore({ fingerprints: set }, passphrase);
 * const { fingerprints } = await openFingerprintStore(text, passphrase);
 * ```
 */
export async function sealFingerprintStore(
  contents: SecretStoreContents,
  passphrase: string | Uint8Array,
  options: SealOptions = {},
): Promise<string> {
  const payload = checkContents(contents);
  const params = checkScrypt(options.scrypt ?? DEFAULT_SCRYPT_PARAMS, "INVALID_OPTION");
  const secret = passphraseBytes(passphrase);
  let plaintext: Uint8Array;
  try {
    plaintext = encoder.encode(JSON.stringify(payload));
  } catch (cause) {
    throw new FingerprintError("INVALID_OPTION", "metadata must be JSON-serialisable", { cause });
  }
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const saltB64 = bytesToBase64(salt);
  const nonceB64 = bytesToBase64(nonce);
  const key = await deriveKey(secret, salt, params);
  try {
    const ciphertext = xchacha20poly1305(key, nonce, headerBytes(params, saltB64, nonceB64)).encrypt(plaintext);
    plaintext.fill(0);
    return `${JSON.stringify(
      {
        format: SECRET_STORE_FORMAT,
        version: SECRET_STORE_VERSION,
        kdf: { name: "scrypt", ...params, salt: saltB64 },
        cipher: { name: "xchacha20-poly1305", nonce: nonceB64 },
        ciphertext: bytesToBase64(ciphertext),
      },
      null,
      2,
    )}\n`;
  } finally {
    key.fill(0);
  }
}

/**
 * Decrypts a store written by {@link sealFingerprintStore}.
 *
 * @param store - the store's contents (JSON text or its UTF-8 bytes)
 * @param passphrase - the passphrase it was sealed with
 * @returns the fingerprints, salts (when stored) and metadata
 * @throws {FingerprintError} `WRONG_PASSPHRASE` (wrong passphrase or altered store: the two cannot
 *   be told apart), `UNSUPPORTED_VERSION` (another format or version), `INVALID_STORE` (malformed
 *   fields or scrypt parameters out of {@link SCRYPT_LIMITS}), `INVALID_FORMAT` (not JSON),
 *   `INVALID_OPTION` (empty passphrase)
 */
export async function openFingerprintStore(
  store: string | Uint8Array,
  passphrase: string | Uint8Array,
): Promise<SecretStoreContents> {
  const secret = passphraseBytes(passphrase);
  const doc = parseJsonContents(store, "the secret store");
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new FingerprintError("INVALID_STORE", "the secret store must be a JSON object");
  }
  const { format, version, kdf, cipher, ciphertext } = doc as Record<string, unknown>;
  if (format !== SECRET_STORE_FORMAT) {
    throw new FingerprintError("UNSUPPORTED_VERSION", `not a ${SECRET_STORE_FORMAT} document`);
  }
  if (version !== SECRET_STORE_VERSION) {
    throw new FingerprintError("UNSUPPORTED_VERSION", `store version ${String(version)} is not supported (expected 1)`);
  }
  const k = (kdf ?? {}) as Record<string, unknown>;
  const c = (cipher ?? {}) as Record<string, unknown>;
  if (k.name !== "scrypt" || c.name !== "xchacha20-poly1305") {
    throw new FingerprintError("UNSUPPORTED_VERSION", "unsupported kdf or cipher");
  }
  const params = checkScrypt(k, "INVALID_STORE");
  const salt = base64ToBytes(k.salt);
  const nonce = base64ToBytes(c.nonce);
  const sealed = base64ToBytes(ciphertext);
  if (salt?.length !== SALT_BYTES || nonce?.length !== NONCE_BYTES || sealed === undefined || sealed.length < 16) {
    throw new FingerprintError("INVALID_STORE", "salt, nonce or ciphertext is missing or malformed");
  }
  const key = await deriveKey(secret, salt, params);
  let plaintext: Uint8Array;
  try {
    plaintext = xchacha20poly1305(key, nonce, headerBytes(params, k.salt as string, c.nonce as string)).decrypt(sealed);
  } catch (cause) {
    throw new FingerprintError(
      "WRONG_PASSPHRASE",
      "cannot decrypt the store: wrong passphrase, or the store was altered",
      {
        cause,
      },
    );
  } finally {
    key.fill(0);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(decoder.decode(plaintext));
  } catch (cause) {
    throw new FingerprintError("INVALID_STORE", "the decrypted payload is not JSON", { cause });
  } finally {
    plaintext.fill(0);
  }
  const p = (payload ?? {}) as Record<string, unknown>;
  const fingerprints = validateFingerprints(p.fingerprints);
  const out: SecretStoreContents = { fingerprints };
  if (p.salts !== undefined) {
    const salts = Array.isArray(p.salts) ? p.salts.map(hexToBytes) : [];
    if (salts.length !== fingerprints.length || !salts.every((s) => s?.length === FINGERPRINT_SALT_BYTES)) {
      throw new FingerprintError("INVALID_STORE", "salts must hold one 32-byte hex salt per fingerprint");
    }
    out.salts = salts as Uint8Array[];
  }
  if (p.metadata !== undefined) {
    if (typeof p.metadata !== "object" || p.metadata === null || Array.isArray(p.metadata)) {
      throw new FingerprintError("INVALID_STORE", "metadata must be an object");
    }
    out.metadata = p.metadata as Record<string, unknown>;
  }
  return out;
}
