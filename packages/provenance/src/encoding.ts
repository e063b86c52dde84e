/** Hex and base64 helpers for hashes and proofs (RFC 4648; both base64 alphabets accepted). */
import { ProvenanceError } from "./errors.js";
import { HASH_SIZE } from "./hash.js";

const HEX = "0123456789abcdef";
const HEX_PAIRS: string[] = Array.from({ length: 256 }, (_, i) => HEX[i >> 4]! + HEX[i & 15]!);

/**
 * Lowercase hex of `bytes`.
 * @example toHex(new Uint8Array([0, 255])) // "00ff"
 */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!];
  return out;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/**
 * Bytes of a hex string (either case, no prefix, even length).
 * @throws {ProvenanceError} `INVALID_ENCODING` on odd length or a non-hex character
 */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== "string" || hex.length % 2 !== 0) {
    throw new ProvenanceError("INVALID_ENCODING", "hex: expected a string of even length");
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(hex.charCodeAt(2 * i));
    const lo = hexValue(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new ProvenanceError("INVALID_ENCODING", `hex: invalid character at offset ${2 * i}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUES = /* @__PURE__ */ (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  t["-".charCodeAt(0)] = 62; // URL-safe alphabet
  t["_".charCodeAt(0)] = 63;
  return t;
})();

/** Standard base64 (with padding) of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + "=";
  }
  return out;
}

/**
 * Bytes of a base64 string: standard or URL-safe alphabet, padding optional.
 * @throws {ProvenanceError} `INVALID_ENCODING` on a character outside the alphabet or a bad length
 */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== "string") throw new ProvenanceError("INVALID_ENCODING", "base64: expected a string");
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */ && text.length - end < 2) end--;
  if (end % 4 === 1) throw new ProvenanceError("INVALID_ENCODING", "base64: invalid length");
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUES[c]! : -1;
    if (v < 0) throw new ProvenanceError("INVALID_ENCODING", `base64: invalid character at offset ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new ProvenanceError("INVALID_ENCODING", "base64: non-zero trailing bits");
  }
  return out;
}

/** Constant-time equality of two byte arrays of the same length (false if lengths differ). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Checks that `value` is a 32-byte hash.
 * @throws {ProvenanceError} `INVALID_HASH` naming the argument
 */
export function assertHash(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new ProvenanceError("INVALID_HASH", `${name}: expected a Uint8Array, got ${describe(value)}`);
  }
  if (value.length !== HASH_SIZE) {
    throw new ProvenanceError("INVALID_HASH", `${name}: expected ${HASH_SIZE} bytes, got ${value.length}`);
  }
}

/** Parses a 64-character hex SHA-256 digest. @throws {ProvenanceError} `INVALID_HASH` */
export function hashFromHex(hex: unknown, name: string): Uint8Array {
  if (typeof hex !== "string" || !/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new ProvenanceError("INVALID_HASH", `${name}: expected 64 hex characters, got ${describe(hex)}`);
  }
  return fromHex(hex);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return `a string of length ${value.length}`;
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value;
}
