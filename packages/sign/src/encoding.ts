/**
 * Byte helpers: strict base64 (RFC 4648 §4 and §5; DSSE verifiers must accept both alphabets),
 * hex, UTF-8 and concatenation. Decoders reject anything that is not exactly the encoding, so a
 * hostile bundle cannot smuggle bytes past a lenient decoder.
 */
import { SignError } from "./errors.js";

const B64_STD = /^[A-Za-z0-9+/]*={0,2}$/;
const B64_URL = /^[A-Za-z0-9_-]*={0,2}$/;

/** Decodes standard or URL-safe base64, padded or not; throws `MALFORMED_BASE64` on anything else. */
export function fromBase64(text: unknown, what = "base64 field"): Uint8Array {
  if (typeof text !== "string") throw new SignError("MALFORMED_BASE64", `${what} is not a string`);
  const s = text.trim();
  if (!(B64_STD.test(s) || B64_URL.test(s)) || s.length % 4 === 1) {
    throw new SignError("MALFORMED_BASE64", `${what} is not valid base64`);
  }
  const body = s.replace(/=+$/, "");
  if (s.length % 4 !== 0 && s.length !== body.length) {
    throw new SignError("MALFORMED_BASE64", `${what} has wrong base64 padding`);
  }
  const bytes = Buffer.from(body.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  // Non-canonical trailing bits (e.g. "QR==" instead of "QQ==") are rejected: re-encoding must round-trip.
  if (bytes.toString("base64").replace(/=+$/, "") !== body.replace(/-/g, "+").replace(/_/g, "/")) {
    throw new SignError("MALFORMED_BASE64", `${what} is not canonical base64`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
}

/** Standard base64 with padding (protobuf JSON, DSSE). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** URL-safe base64 without padding (JWK). */
export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/** Lowercase hex. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Decodes hex (either case); throws `code` (default `INVALID_ARGUMENT`) when it is not even-length hex. */
export function fromHex(
  text: string,
  what = "hex value",
  code: "INVALID_ARGUMENT" | "MALFORMED_MANIFEST" = "INVALID_ARGUMENT",
): Uint8Array {
  if (typeof text !== "string" || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
    throw new SignError(code, `${what} is not hex`);
  }
  return new Uint8Array(Buffer.from(text, "hex"));
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 encode. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8 decode; returns undefined on invalid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Concatenates byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Constant-time-ish equality of two byte arrays (length leaks, content does not short-circuit). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Copies any Uint8Array (including a Buffer) into a plain Uint8Array. */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice();
}
