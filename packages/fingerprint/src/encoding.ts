/**
 * Strict hex and base64 (RFC 4648 §4, padded) codecs for the package's JSON formats. Decoders
 * reject anything that is not the canonical encoding, so a value has exactly one spelling.
 * @internal
 */

const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const HEX_RE = /^(?:[0-9a-f]{2})*$/;

/** Lowercase hex of bytes. @internal */
export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!]!;
  return out;
}

/** Bytes of lowercase hex; `undefined` when the text is not canonical lowercase hex. @internal */
export function hexToBytes(hex: unknown): Uint8Array | undefined {
  if (typeof hex !== "string" || !HEX_RE.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Padded standard base64 of bytes. @internal */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    chunk += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    chunk += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    chunk += c === undefined ? "=" : B64[c & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

/** Bytes of padded standard base64; `undefined` when not canonical (bad characters, padding or trailing bits). @internal */
export function base64ToBytes(text: unknown): Uint8Array | undefined {
  if (typeof text !== "string" || !B64_RE.test(text)) return undefined;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = B64_INDEX[text.charCodeAt(i)]!;
    const b = B64_INDEX[text.charCodeAt(i + 1)]!;
    const c = text[i + 2] === "=" ? 0 : B64_INDEX[text.charCodeAt(i + 2)]!;
    const d = text[i + 3] === "=" ? 0 : B64_INDEX[text.charCodeAt(i + 3)]!;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
    // Non-zero bits hidden under the padding would give a second spelling of the same bytes.
    if (i + 4 === text.length && ((padding === 2 && (n & 0xffff) !== 0) || (padding === 1 && (n & 0xff) !== 0))) {
      return undefined;
    }
  }
  return out;
}
