/**
 * in-toto Statement v1 (in-toto/attestation spec v1): the type, strict parsing of a DSSE payload
 * into a statement, and serialisation. The `"model_signing"` style reproduces byte for byte the JSON
 * that model_signing writes (protobuf `MessageToJson`: 2-space indent, `": "`, ASCII-only escapes,
 * numbers as Python floats such as `8.0`); key order is the object's own insertion order.
 */
import { decodeUtf8, utf8 } from "./encoding.js";
import { SignError } from "./errors.js";

/** The `_type` of every in-toto Statement v1. */
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

/** An in-toto ResourceDescriptor (only the fields used here are typed; others are kept). */
export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  annotations?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An in-toto Statement v1. */
export interface InTotoStatement {
  _type: string;
  subject: ResourceDescriptor[];
  predicateType: string;
  predicate?: Record<string, unknown>;
}

/** How {@link serializeStatement} writes JSON. */
export type StatementStyle = "model_signing" | "compact";

function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += s[i];
  }
  return `${out}"`;
}

// Python repr() of a float: integral values below 1e16 print as "8.0"; others use the shortest
// round-trip form, which JS shares except for the exponent spelling ("1e+16" in both, "1e-07" vs "1e-7").
function pyFloat(n: number): string {
  if (!Number.isFinite(n)) throw new SignError("INVALID_ARGUMENT", "statement contains a non-finite number");
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  const abs = Math.abs(n);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mant, exp] = n.toExponential().split("e") as [string, string];
    const e = Number(exp);
    return `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(n);
}

function pyJson(value: unknown, indent: string): string {
  if (value === null) return "null";
  if (typeof value === "string") return pyString(value);
  if (typeof value === "number") return pyFloat(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + pyJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${pyString(k)}: ${pyJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  throw new SignError("INVALID_ARGUMENT", `statement contains a value of type ${typeof value}`);
}

/**
 * Serialises a statement to the bytes that get signed.
 *
 * @param statement - the statement (key order is kept)
 * @param style - `"model_signing"` (default; byte-identical to model_signing's payloads) or
 *   `"compact"` (`JSON.stringify`)
 * @returns UTF-8 JSON bytes
 */
export function serializeStatement(statement: InTotoStatement, style: StatementStyle = "model_signing"): Uint8Array {
  if (style === "compact") return utf8(JSON.stringify(statement));
  if (style === "model_signing") return utf8(pyJson(statement, ""));
  throw new SignError("INVALID_ARGUMENT", `unknown statement style ${String(style)}`);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * Parses and checks a DSSE payload as an in-toto Statement v1: valid UTF-8 JSON object,
 * `_type` exactly {@link IN_TOTO_STATEMENT_TYPE}, a non-empty `subject` array whose entries each
 * have a `digest` object of hex strings, a string `predicateType`, and an object `predicate` if present.
 *
 * @param payload - the payload bytes exactly as signed
 * @throws SignError `MALFORMED_JSON` or `MALFORMED_STATEMENT`
 */
export function parseStatement(payload: Uint8Array): InTotoStatement {
  const text = decodeUtf8(payload);
  if (text === undefined) throw new SignError("MALFORMED_JSON", "the statement is not valid UTF-8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SignError("MALFORMED_JSON", "the statement is not valid JSON");
  }
  const bad = (why: string): never => {
    throw new SignError("MALFORMED_STATEMENT", `not an in-toto Statement v1: ${why}`);
  };
  if (!isPlainObject(value)) return bad("not a JSON object");
  if (value._type !== IN_TOTO_STATEMENT_TYPE) return bad(`_type is ${JSON.stringify(value._type)}`);
  if (!Array.isArray(value.subject) || value.subject.length === 0) return bad("subject must be a non-empty array");
  for (const s of value.subject) {
    if (!isPlainObject(s)) return bad("a subject is not an object");
    if (!isPlainObject(s.digest) || Object.keys(s.digest).length === 0) return bad("a subject has no digest");
    for (const [alg, d] of Object.entries(s.digest)) {
      if (typeof d !== "string" || !/^[0-9a-fA-F]+$/.test(d)) return bad(`subject digest ${alg} is not hex`);
    }
    if (s.name !== undefined && typeof s.name !== "string") return bad("a subject name is not a string");
  }
  if (typeof value.predicateType !== "string" || value.predicateType.length === 0)
    return bad("predicateType is missing");
  if (value.predicate !== undefined && !isPlainObject(value.predicate)) return bad("predicate is not an object");
  return value as unknown as InTotoStatement;
}
