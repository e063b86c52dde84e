/** Hash algorithm names as CycloneDX 1.6 (`hash-alg`) and SPDX 3.0.1 (`HashAlgorithm`) spell them. */
import type { HashAlgorithm } from "./types.js";

/** Card algorithm → CycloneDX 1.6 `hash-alg`. */
export const CYCLONEDX_HASH_ALG: Readonly<Record<HashAlgorithm, string>> = {
  sha256: "SHA-256",
  sha384: "SHA-384",
  sha512: "SHA-512",
  "sha3-256": "SHA3-256",
  "sha3-384": "SHA3-384",
  "sha3-512": "SHA3-512",
  "blake2b-256": "BLAKE2b-256",
  "blake2b-384": "BLAKE2b-384",
  "blake2b-512": "BLAKE2b-512",
  blake3: "BLAKE3",
  sha1: "SHA-1",
  md5: "MD5",
};

/** Card algorithm → SPDX 3.0.1 `HashAlgorithm`. */
export const SPDX_HASH_ALG: Readonly<Record<HashAlgorithm, string>> = {
  sha256: "sha256",
  sha384: "sha384",
  sha512: "sha512",
  "sha3-256": "sha3_256",
  "sha3-384": "sha3_384",
  "sha3-512": "sha3_512",
  "blake2b-256": "blake2b256",
  "blake2b-384": "blake2b384",
  "blake2b-512": "blake2b512",
  blake3: "blake3",
  sha1: "sha1",
  md5: "md5",
};

/** CycloneDX `hash-alg` → card algorithm. */
export function fromCycloneDxAlg(alg: string): HashAlgorithm | undefined {
  for (const [k, v] of Object.entries(CYCLONEDX_HASH_ALG)) if (v === alg) return k as HashAlgorithm;
  return undefined;
}
