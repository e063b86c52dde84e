/**
 * JSON Canonicalization Scheme, RFC 8785: object members sorted by the UTF-16 code units of their
 * names, no whitespace, numbers in the ECMAScript shortest round-trip form, strings escaped as
 * ECMAScript JSON.stringify does. Values that JSON cannot carry exactly (NaN, Infinity, -0 is
 * written as 0 per the RFC, undefined, functions, BigInt, lone surrogates, cycles, non-plain
 * objects) are rejected rather than silently changed.
 */
import { ProvenanceError } from "./errors.js";

/** Nesting deeper than this is refused (guards the recursion against hostile input). */
export const MAX_CANONICAL_DEPTH = 256;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The RFC 8785 canonical JSON text of `value`.
 * @throws {ProvenanceError} `NON_CANONICAL_JSON` for values JSON cannot represent exactly, with
 *   the path of the offending value (e.g. `$.metrics.loss`)
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, "$", 0, new Set(), parts);
  return parts.join("");
}

/** The UTF-8 bytes of {@link canonicalJson}(value): what component digests are computed over. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

/**
 * Parses JSON text and checks that it is already canonical (RFC 8785), byte for byte.
 * @returns the parsed value
 * @throws {ProvenanceError} `NON_CANONICAL_JSON` when the text does not parse or is not canonical
 */
export function parseCanonicalJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ProvenanceError("NON_CANONICAL_JSON", "text is not valid JSON", { cause });
  }
  const canonical = canonicalJson(value);
  if (canonical !== text) {
    let at = 0;
    while (at < text.length && text[at] === canonical[at]) at++;
    throw new ProvenanceError(
      "NON_CANONICAL_JSON",
      `JSON is not in RFC 8785 canonical form (first difference at offset ${at})`,
    );
  }
  return value;
}

function fail(path: string, reason: string): never {
  throw new ProvenanceError("NON_CANONICAL_JSON", `${path}: ${reason}`);
}

function writeString(s: string, path: string, parts: string[]): void {
  if (LONE_SURROGATE.test(s)) fail(path, "string contains a lone UTF-16 surrogate");
  parts.push(JSON.stringify(s));
}

function write(value: unknown, path: string, depth: number, seen: Set<object>, parts: string[]): void {
  switch (typeof value) {
    case "string":
      writeString(value, path, parts);
      return;
    case "number":
      if (!Number.isFinite(value)) fail(path, `${value} cannot be represented in JSON`);
      parts.push(JSON.stringify(value)); // ES Number::toString: the RFC 8785 number form (-0 -> 0)
      return;
    case "boolean":
      parts.push(value ? "true" : "false");
      return;
    case "object":
      break;
    default:
      fail(path, `${typeof value} cannot be represented in JSON`);
  }
  if (value === null) {
    parts.push("null");
    return;
  }
  if (depth >= MAX_CANONICAL_DEPTH) fail(path, `nesting deeper than ${MAX_CANONICAL_DEPTH}`);
  if (seen.has(value)) fail(path, "circular reference");
  seen.add(value);
  if (Array.isArray(value)) {
    parts.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(",");
      write(value[i], `${path}[${i}]`, depth + 1, seen, parts);
    }
    parts.push("]");
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(path, `${proto?.constructor?.name ?? "object"} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(); // default sort compares UTF-16 code units, as RFC 8785 §3.2.3 asks
    parts.push("{");
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) fail(`${path}.${key}`, "undefined cannot be represented in JSON");
      if (!first) parts.push(",");
      first = false;
      writeString(key, path, parts);
      parts.push(":");
      write(member, `${path}.${key}`, depth + 1, seen, parts);
    }
    parts.push("}");
  }
  seen.delete(value);
}
