/**
 * DSSE, the Dead Simple Signing Envelope (secure-systems-lab/dsse protocol v1.0.2): the
 * pre-authentication encoding (PAE) that is actually signed, and the envelope JSON. Signatures are
 * always over the payload bytes exactly as transmitted; nothing is re-serialised.
 */
import { concatBytes, utf8 } from "./encoding.js";

/** The in-toto payload type (in-toto attestation spec v1, envelope.md). */
export const IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

/** A DSSE envelope as JSON (protobuf JSON: `payload` and `sig` are standard base64). */
export interface DsseEnvelope {
  payload: string;
  payloadType: string;
  signatures: { sig: string; keyid?: string | null }[];
}

/**
 * The DSSE v1 pre-authentication encoding: `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`.
 *
 * @param payloadType - the payload type, e.g. {@link IN_TOTO_PAYLOAD_TYPE}
 * @param payload - the payload bytes
 * @returns the bytes a DSSE signature covers
 * @example
 * pae("http://example.com/HelloWorld", utf8("hello world")) // "DSSEv1 29 http://example.com/HelloWorld 11 hello world"
 */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8(payloadType);
  return concatBytes(utf8(`DSSEv1 ${type.length} `), type, utf8(` ${payload.length} `), payload);
}

// Python's repr() of a bytes object, which model_signing <= 0.2 put into its (buggy) PAE.
function pythonBytesRepr(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    if (b === 0x5c) out += "\\\\";
    else if (b === quote.charCodeAt(0)) out += `\\${quote}`;
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(b);
  }
  return `${out}${quote}`;
}

/**
 * @internal The "compat" PAE of model_signing v0.2 (`DSSEV1 … b'…'`), needed only to verify
 * signatures made by those releases. Never used for signing.
 */
export function compatPae(payloadType: string, payload: Uint8Array): Uint8Array {
  return utf8(`DSSEV1 ${payloadType.length} ${payloadType} ${payload.length} ${pythonBytesRepr(payload)}`);
}
