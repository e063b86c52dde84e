/**
 * PEM (RFC 7468) reading and writing. Text outside the blocks is ignored, as OpenSSL does (the
 * model_signing test PKI files start with certtool output); a block whose body is not strict base64
 * fails with `MALFORMED_PEM`. Writing uses 64-character lines and a final newline, byte for byte what
 * OpenSSL and Python `cryptography` write, which matters because model_signing's key hint is the
 * SHA-256 of the PEM text.
 */
import { fromBase64, toBase64 } from "./encoding.js";
import { isSignError, SignError } from "./errors.js";

/** One PEM block. */
export interface PemBlock {
  /** The label, e.g. `PUBLIC KEY`, `CERTIFICATE`, `EC PRIVATE KEY`. */
  label: string;
  /** The decoded DER bytes. */
  der: Uint8Array;
  /** True when the block has RFC 1421 headers (legacy OpenSSL encryption: `Proc-Type`, `DEK-Info`). */
  hasHeaders: boolean;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

/** Every PEM block in `text`, in order; throws `MALFORMED_PEM` when a block body is not base64. */
export function parsePem(text: string): PemBlock[] {
  if (typeof text !== "string") throw new SignError("MALFORMED_PEM", "PEM input is not text");
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const label = m[1]!;
    let body = m[2]!;
    const hasHeaders = /^[A-Za-z-]+:/m.test(body);
    if (hasHeaders) body = body.slice(body.search(/\r?\n\r?\n/) + 1);
    const b64 = body.replace(/[\r\n\t ]/g, "");
    try {
      blocks.push({ label, der: fromBase64(b64, `PEM block "${label}"`), hasHeaders });
    } catch (e) {
      if (isSignError(e)) throw new SignError("MALFORMED_PEM", `PEM block "${label}" is not valid base64`);
      throw e;
    }
  }
  return blocks;
}

/** The blocks of `text` whose label is one of `labels`; throws `MALFORMED_PEM` when there is none. */
export function pemBlocks(text: string, labels: readonly string[]): PemBlock[] {
  const found = parsePem(text).filter((b) => labels.includes(b.label));
  if (found.length === 0) throw new SignError("MALFORMED_PEM", `no PEM block of type ${labels.join(" or ")} found`);
  return found;
}

/** Encodes DER as PEM with 64-character lines and a trailing newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/** True when the text contains a PEM armour line. */
export function looksLikePem(text: string): boolean {
  return text.includes("-----BEGIN ");
}
