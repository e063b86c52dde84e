/**
 * The OML 1.0 fingerprint file formats (sentient-agi/oml-1.0-fingerprinting):
 * - a fingerprint file is a JSON array of `{"key": string, "response": string}` objects
 *   (`generated_data/output_fingerprints.json`);
 * - a custom keys file is a JSON array of strings (`custom_fingerprints.json`).
 * Some files shipped with OML name the response field `signature`; the parser accepts that
 * spelling when `response` is absent. Parsing takes the file's contents (a string or bytes), never
 * a path: this package does no file I/O.
 */
import { FingerprintError } from "./errors.js";
import { type Fingerprint, type FingerprintLimits, validateFingerprints, validateKeys } from "./fingerprint.js";

/** Options of {@link parseFingerprintsJson}. */
export interface ParseFingerprintsOptions extends FingerprintLimits {
  /** Accept `signature` as the response field when `response` is absent (older OML files). Default true. */
  acceptSignatureField?: boolean;
}

/** Options of {@link stringifyFingerprintsJson}. */
export interface StringifyFingerprintsOptions {
  /** Spaces of indentation (0 writes one line). Default {@link DEFAULT_JSON_INDENT}. */
  indent?: number;
}

/** Default indentation of {@link stringifyFingerprintsJson}. */
export const DEFAULT_JSON_INDENT = 2;

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Decodes file contents (UTF-8 bytes or a string) and parses them as JSON. @internal */
export function parseJsonContents(contents: string | Uint8Array, what: string): unknown {
  let text: string;
  if (typeof contents === "string") {
    text = contents;
  } else if (contents instanceof Uint8Array) {
    try {
      text = decoder.decode(contents);
    } catch (cause) {
      throw new FingerprintError("INVALID_FORMAT", `${what} is not valid UTF-8`, { cause });
    }
  } else {
    throw new FingerprintError("INVALID_FORMAT", `${what} must be given as a string or a Uint8Array`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new FingerprintError("INVALID_FORMAT", `${what} is not valid JSON`, { cause });
  }
}

/**
 * Parses an OML fingerprint file (`[{key, response}, ...]`) and validates it.
 *
 * @param contents - the file's contents, as text or UTF-8 bytes
 * @param options - limits, and whether to accept the `signature` field name
 * @returns the validated set (plain `{key, response}` objects; other fields are dropped)
 * @throws {FingerprintError} `INVALID_FORMAT` (not UTF-8, not JSON, not an array of objects,
 *   both or neither of `response`/`signature`), and every code of {@link validateFingerprints}
 * @example
 * ```ts
 * const set = parseFingerprintsJson('[{"key": "amber lunar", "response": "quartz"}]');
 * ```
 */
export function parseFingerprintsJson(
  contents: string | Uint8Array,
  options: ParseFingerprintsOptions = {},
): Fingerprint[] {
  const value = parseJsonContents(contents, "the fingerprint file");
  if (!Array.isArray(value)) {
    throw new FingerprintError(
      "INVALID_FORMAT",
      "the fingerprint file must be a JSON array of {key, response} objects",
    );
  }
  const acceptSignature = options.acceptSignatureField ?? true;
  const entries = value.map((entry: unknown, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return entry;
    const record = entry as Record<string, unknown>;
    if (!("response" in record) && acceptSignature && "signature" in record) {
      return { key: record.key, response: record.signature };
    }
    if (!("response" in record)) {
      throw new FingerprintError("INVALID_FORMAT", `fingerprints[${i}] has no "response" field`, { index: i });
    }
    return record;
  });
  return validateFingerprints(entries, options);
}

/**
 * Writes a fingerprint set in the OML file format: a JSON array of `{"key", "response"}` objects
 * (only those two fields, in that order), followed by a newline.
 *
 * @param set - the fingerprints (validated first with the default limits, so the file reads back)
 * @param options - indentation
 * @returns the JSON text
 * @throws {FingerprintError} every code of {@link validateFingerprints}; `INVALID_OPTION` for a bad indent
 */
export function stringifyFingerprintsJson(
  set: readonly Fingerprint[],
  options: StringifyFingerprintsOptions = {},
): string {
  const indent = options.indent ?? DEFAULT_JSON_INDENT;
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new FingerprintError("INVALID_OPTION", "indent must be an integer in [0, 10]");
  }
  const valid = validateFingerprints(set);
  return `${JSON.stringify(
    valid.map(({ key, response }) => ({ key, response })),
    null,
    indent,
  )}\n`;
}

/**
 * Parses a custom keys file (OML `custom_fingerprints.json`: a JSON array of strings).
 *
 * @param contents - the file's contents, as text or UTF-8 bytes
 * @param limits - `maxKeyLength` and `maxFingerprints` apply
 * @returns the validated keys, to pass as the `keys` option of {@link generateFingerprints}
 * @throws {FingerprintError} `INVALID_FORMAT`, `EMPTY_SET`, `TOO_MANY_FINGERPRINTS`, `INVALID_TEXT`,
 *   `EMPTY_KEY`, `KEY_TOO_LONG`, `DUPLICATE_KEY`
 */
export function parseKeysJson(contents: string | Uint8Array, limits: FingerprintLimits = {}): string[] {
  const value = parseJsonContents(contents, "the keys file");
  if (!Array.isArray(value))
    throw new FingerprintError("INVALID_FORMAT", "the keys file must be a JSON array of strings");
  return validateKeys(value, limits);
}
