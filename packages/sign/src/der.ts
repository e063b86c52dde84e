/**
 * A minimal, strict ASN.1 DER reader and writer (ITU-T X.690 §10): just enough for SPKI
 * (RFC 5280 §4.1.2.7), PKCS#8 (RFC 5958), SEC1 EC private keys (RFC 5915) and the X.509 extensions
 * this package checks. The reader rejects indefinite lengths, non-minimal lengths, trailing bytes
 * and reads past the end, so hostile input fails with a coded error instead of a crash.
 */
import { SignError, type SignErrorCode } from "./errors.js";

/** One decoded TLV. `content` is a view into the input. */
export interface DerNode {
  tag: number;
  content: Uint8Array;
  /** The whole encoding (tag, length and content). */
  raw: Uint8Array;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
  BOOLEAN: 0x01,
} as const;

/** Reads one TLV at `offset`; returns the node and the offset after it. */
export function readTlv(buf: Uint8Array, offset: number, code: SignErrorCode): { node: DerNode; next: number } {
  const fail = (why: string): never => {
    throw new SignError(code, `invalid DER: ${why}`);
  };
  if (offset + 2 > buf.length) fail("truncated");
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) fail("multi-byte tags are not supported");
  let len = buf[offset + 1]!;
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0) fail("indefinite length");
    if (n > 4) fail("length too large");
    if (p + n > buf.length) fail("truncated length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    if (buf[p] === 0 || len < 0x80) fail("non-minimal length");
    p += n;
  }
  if (p + len > buf.length) fail("content runs past the end");
  return { node: { tag, content: buf.subarray(p, p + len), raw: buf.subarray(offset, p + len) }, next: p + len };
}

/** Parses exactly one TLV spanning all of `buf`. */
export function parseDer(buf: Uint8Array, code: SignErrorCode): DerNode {
  const { node, next } = readTlv(buf, 0, code);
  if (next !== buf.length) throw new SignError(code, "invalid DER: trailing bytes");
  return node;
}

/** The children of a constructed node (SEQUENCE, SET, context tags). */
export function children(node: DerNode, code: SignErrorCode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new SignError(code, "invalid DER: expected a constructed value");
  const out: DerNode[] = [];
  let p = 0;
  while (p < node.content.length) {
    const { node: child, next } = readTlv(node.content, p, code);
    out.push(child);
    p = next;
  }
  return out;
}

/** Asserts a node's tag. */
export function expectTag(node: DerNode | undefined, tag: number, code: SignErrorCode, what: string): DerNode {
  if (node === undefined || node.tag !== tag) throw new SignError(code, `invalid DER: expected ${what}`);
  return node;
}

/** Decodes an OBJECT IDENTIFIER to dotted form. */
export function decodeOid(node: DerNode, code: SignErrorCode): string {
  expectTag(node, TAG.OID, code, "an OID");
  const b = node.content;
  if (b.length === 0) throw new SignError(code, "invalid DER: empty OID");
  const parts: number[] = [];
  let v = 0;
  for (let i = 0; i < b.length; i++) {
    const byte = b[i]!;
    if (v === 0 && byte === 0x80) throw new SignError(code, "invalid DER: non-minimal OID");
    v = v * 128 + (byte & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) throw new SignError(code, "invalid DER: OID arc too large");
    if ((byte & 0x80) === 0) {
      parts.push(v);
      v = 0;
    } else if (i === b.length - 1) {
      throw new SignError(code, "invalid DER: truncated OID");
    }
  }
  const first = parts[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts.slice(1)].join(".");
}

/** The unused-bits-free payload of a BIT STRING. */
export function bitStringBytes(node: DerNode, code: SignErrorCode): Uint8Array {
  expectTag(node, TAG.BIT_STRING, code, "a BIT STRING");
  if (node.content.length < 1 || node.content[0] !== 0)
    throw new SignError(code, "invalid DER: BIT STRING with unused bits");
  return node.content.subarray(1);
}

// ---- writer ----

function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  while (n > 0) {
    bytes.unshift(n & 0xff);
    n = Math.floor(n / 256);
  }
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Encodes one TLV. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of content) n += c.length;
  const len = encodeLength(n);
  const out = new Uint8Array(1 + len.length + n);
  out[0] = tag;
  out.set(len, 1);
  let o = 1 + len.length;
  for (const c of content) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Encodes a dotted OID. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map(Number);
  const out: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const stack = [arc & 0x7f];
    let v = Math.floor(arc / 128);
    while (v > 0) {
      stack.unshift((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(...stack);
  }
  return tlv(TAG.OID, Uint8Array.from(out));
}

/** Encodes a small non-negative INTEGER. */
export function smallInt(n: number): Uint8Array {
  return tlv(TAG.INTEGER, Uint8Array.of(n));
}
