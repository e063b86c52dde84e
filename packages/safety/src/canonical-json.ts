/**
 * JSON Canonicalization Scheme, RFC 8785 (June 2020), and the SHA-256 digests computed over it.
 *
 * Provenance records each component as SHA-256 of its canonical JSON (DESIGN.md, data-flow step
 * 5). @modelproof/provenance has the same serialisation, but a pure package may not depend on a
 * workspace package, so this small writer lives here too; both follow the RFC, so their bytes agree.
 * Rules: object members sorted by the UTF-16 code units of their names, no whitespace, numbers in
 * the ECMAScript shortest round-trip form (RFC 8785 §3.2.2.3; -0 is written as 0), strings escaped
 * as ECMAScript `JSON.stringify` does. Values JSON cannot carry exactly (NaN, Infinity, undefined,
 * functions, BigInt, lone surrogates, cycles, non-plain objects) are rejected, not changed.
 *
 * Hashing uses `@noble/hashes` (audited, pure JS, synchronous, same result in Node and browsers;
 * WebCrypto would make every digest asynchronous and is missing in insecure browser contexts).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { SafetyError } from "./errors.js";

/** Nesting deeper than this is refused (guards the recursion against hostile input). */
export const MAX_CANONICAL_DEPTH = 256;

/**
 * The RFC 8785 canonical JSON text of `value`.
 * @param value - null, booleans, finite numbers, strings, arrays and plain objects
 * @returns the canonical text
 * @throws {SafetyError} `NON_CANONICAL_JSON` for values JSON cannot represent exactly, naming the
 *   path of the offending value (e.g. `$.thresholds[1]`)
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, "$", 0, [], parts);
  return parts.join("");
}

/**
 * The lowercase hex SHA-256 of the UTF-8 bytes of {@link canonicalJson}(value): the digest a
 * provenance component records.
 * @throws {SafetyError} `NON_CANONICAL_JSON` as {@link canonicalJson}
 * @example canonicalSha256({}) // "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
 */
export function canonicalSha256(value: unknown): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalJson(value))));
}

function fail(path: string, reason: string): never {
  throw new SafetyError("NON_CANONICAL_JSON", `${path}: ${reason}`);
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

function writeString(s: string, path: string, parts: string[]): void {
  if (hasLoneSurrogate(s)) fail(path, "string contains a lone UTF-16 surrogate");
  parts.push(JSON.stringify(s));
}

function write(value: unknown, path: string, depth: number, stack: object[], parts: string[]): void {
  if (value === null) {
    parts.push("null");
    return;
  }
  switch (typeof value) {
    case "boolean":
      parts.push(value ? "true" : "false");
      return;
    case "number":
      if (!Number.isFinite(value)) fail(path, `${value} is not a JSON number`);
      // ECMAScript Number-to-String is exactly RFC 8785's number form; -0 becomes "0".
      parts.push(Object.is(value, -0) ? "0" : String(value));
      return;
    case "string":
      writeString(value, path, parts);
      return;
    case "object":
      break;
    default:
      fail(path, `a ${typeof value} is not a JSON value`);
  }
  const obj = value as object;
  if (depth >= MAX_CANONICAL_DEPTH) fail(path, `nesting deeper than ${MAX_CANONICAL_DEPTH}`);
  if (stack.includes(obj)) fail(path, "cyclic reference");
  stack.push(obj);
  if (Array.isArray(obj)) {
    parts.push("[");
    for (let i = 0; i < obj.length; i++) {
      if (i > 0) parts.push(",");
      write(obj[i], `${path}[${i}]`, depth + 1, stack, parts);
    }
    parts.push("]");
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) fail(path, "only plain objects are JSON objects");
    const record = obj as Record<string, unknown>;
    // Default sort compares UTF-16 code units, which is what RFC 8785 §3.2.3 asks for.
    const keys = Object.keys(record).sort();
    parts.push("{");
    keys.forEach((key, i) => {
      if (i > 0) parts.push(",");
      const childPath = `${path}.${key}`;
      writeString(key, childPath, parts);
      parts.push(":");
      write(record[key], childPath, depth + 1, stack, parts);
    });
    parts.push("}");
  }
  stack.pop();
}
