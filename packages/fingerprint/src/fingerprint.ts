/**
 * The fingerprint data model (OML 1.0: a secret key -> response pair the model is trained to
 * answer) and its validation. Validation reports every problem at once and never echoes the
 * secret text: issues name positions such as `fingerprints[3].key`.
 */
import { FingerprintError, type FingerprintErrorCode, type FingerprintIssue } from "./errors.js";

/** One fingerprint: a secret prompt (`key`) and the exact text the model must answer (`response`). */
export interface Fingerprint {
  /** The secret prompt sent to the model. */
  key: string;
  /** The response the fingerprinted model gives to `key`. */
  response: string;
}

/** Limits applied when a set is validated (lengths are JavaScript string lengths, UTF-16 code units). */
export interface FingerprintLimits {
  /** Longest key accepted. Default {@link DEFAULT_MAX_KEY_LENGTH}. */
  maxKeyLength?: number;
  /** Longest response accepted. Default {@link DEFAULT_MAX_RESPONSE_LENGTH}. */
  maxResponseLength?: number;
  /** Most fingerprints in one set. Default {@link DEFAULT_MAX_FINGERPRINTS}. */
  maxFingerprints?: number;
}

/** Default longest key, in UTF-16 code units (OML keys are paragraphs of a few hundred characters). */
export const DEFAULT_MAX_KEY_LENGTH = 8192;
/** Default longest response, in UTF-16 code units (OML responses are 1 to 32 tokens). */
export const DEFAULT_MAX_RESPONSE_LENGTH = 2048;
/** Default largest set (the largest published embedding holds 24,576 fingerprints). */
export const DEFAULT_MAX_FINGERPRINTS = 1_000_000;

/** At most this many issues are kept on one error (the count of the rest is in the message). */
const MAX_ISSUES = 100;

// In a `u` regex a surrogate pair is one code point, so this class matches only lone surrogates.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const NON_WHITESPACE = /\S/u;

/** Whether text has a non-whitespace character (`trim() !== ""`), in O(1) for the usual printable-ASCII start. */
function hasNonWhitespace(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return true;
  return NON_WHITESPACE.test(text);
}
// ES2024 String.prototype.isWellFormed (Node >= 20, current browsers) is native and fast; the
// regex is the fallback for older engines.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

/**
 * Whether a string is well-formed Unicode (no lone surrogates). Fingerprints are hashed as UTF-8,
 * and a lone surrogate would encode as U+FFFD, making two different strings hash the same.
 * @param text - any string
 * @returns true when `text` has no lone surrogate
 */
export function isWellFormedText(text: string): boolean {
  return nativeIsWellFormed ? nativeIsWellFormed.call(text) : !LONE_SURROGATE.test(text);
}

/** Collects issues and throws them as one error. @internal */
export class IssueCollector {
  readonly issues: FingerprintIssue[] = [];
  count = 0;

  add(path: string, code: FingerprintErrorCode, message: string): void {
    this.count++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, code, message });
  }

  throwIfAny(what: string): void {
    const first = this.issues[0];
    if (first === undefined) return;
    const more = this.count > 1 ? ` (and ${this.count - 1} more issue${this.count > 2 ? "s" : ""})` : "";
    throw new FingerprintError(first.code, `${what}: ${first.path}: ${first.message}${more}`, {
      issues: this.issues,
    });
  }
}

function resolveLimits(limits: FingerprintLimits): Required<FingerprintLimits> {
  const out = {
    maxKeyLength: limits.maxKeyLength ?? DEFAULT_MAX_KEY_LENGTH,
    maxResponseLength: limits.maxResponseLength ?? DEFAULT_MAX_RESPONSE_LENGTH,
    maxFingerprints: limits.maxFingerprints ?? DEFAULT_MAX_FINGERPRINTS,
  };
  for (const [name, value] of Object.entries(out)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new FingerprintError("INVALID_OPTION", `${name} must be a positive integer`);
    }
  }
  return out;
}

/** Checks one text field and records its problems. @internal */
export function checkText(
  issues: IssueCollector,
  path: string,
  value: unknown,
  kind: "key" | "response",
  maxLength: number,
): value is string {
  if (typeof value !== "string") {
    issues.add(path, "INVALID_TEXT", `must be a string, got ${value === null ? "null" : typeof value}`);
    return false;
  }
  if (!hasNonWhitespace(value)) {
    issues.add(path, kind === "key" ? "EMPTY_KEY" : "EMPTY_RESPONSE", `must not be empty or only whitespace`);
    return false;
  }
  if (value.length > maxLength) {
    issues.add(
      path,
      kind === "key" ? "KEY_TOO_LONG" : "RESPONSE_TOO_LONG",
      `is ${value.length} characters long, over the limit of ${maxLength}`,
    );
    return false;
  }
  if (!isWellFormedText(value)) {
    issues.add(path, "INVALID_TEXT", "contains a lone UTF-16 surrogate (not well-formed Unicode)");
    return false;
  }
  return true;
}

/**
 * Validates a fingerprint set: a non-empty array of `{key, response}` with non-empty, well-formed,
 * length-limited strings and no duplicate keys. Extra properties are dropped from the result.
 *
 * @param set - the candidate set (any value: it is treated as untrusted)
 * @param limits - length and size limits (defaults: the `DEFAULT_MAX_*` constants)
 * @returns a fresh array of plain `{key, response}` objects
 * @throws {FingerprintError} with `issues` listing every problem; `code` is the first one's:
 *   `EMPTY_SET`, `TOO_MANY_FINGERPRINTS`, `INVALID_FORMAT` (an entry is not an object),
 *   `INVALID_TEXT`, `EMPTY_KEY`, `EMPTY_RESPONSE`, `KEY_TOO_LONG`, `RESPONSE_TOO_LONG`, `DUPLICATE_KEY`;
 *   `INVALID_OPTION` for bad limits
 * @example
 * ```ts
 * const set = validateFingerprints([{ key: "amber lunar ...", response: "quartz" }]);
 * ```
 */
export function validateFingerprints(set: unknown, limits: FingerprintLimits = {}): Fingerprint[] {
  const { maxKeyLength, maxResponseLength, maxFingerprints } = resolveLimits(limits);
  if (!Array.isArray(set)) {
    throw new FingerprintError("INVALID_FORMAT", "a fingerprint set must be an array of {key, response} objects");
  }
  if (set.length === 0) throw new FingerprintError("EMPTY_SET", "the fingerprint set is empty");
  if (set.length > maxFingerprints) {
    throw new FingerprintError(
      "TOO_MANY_FINGERPRINTS",
      `the set has ${set.length} fingerprints, over the limit of ${maxFingerprints}`,
    );
  }
  const issues = new IssueCollector();
  const firstIndexOfKey = new Map<string, number>();
  const out: Fingerprint[] = new Array(set.length);
  for (let i = 0; i < set.length; i++) {
    const entry: unknown = set[i];
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      issues.add(`fingerprints[${i}]`, "INVALID_FORMAT", "must be an object with string fields key and response");
      continue;
    }
    const { key, response } = entry as Record<string, unknown>;
    const keyOk = checkText(issues, `fingerprints[${i}].key`, key, "key", maxKeyLength);
    const responseOk = checkText(issues, `fingerprints[${i}].response`, response, "response", maxResponseLength);
    if (keyOk) {
      const earlier = firstIndexOfKey.get(key);
      if (earlier !== undefined) {
        issues.add(`fingerprints[${i}].key`, "DUPLICATE_KEY", `duplicates fingerprints[${earlier}].key`);
      } else {
        firstIndexOfKey.set(key, i);
      }
    }
    if (keyOk && responseOk) out[i] = { key, response };
  }
  issues.throwIfAny("invalid fingerprint set");
  return out;
}

/**
 * Validates a list of keys (for custom keys, as in OML's `custom_fingerprints.json`): a
 * non-empty array of non-empty, well-formed, length-limited, distinct strings.
 * @param keys - the candidate list (untrusted)
 * @param limits - `maxKeyLength` and `maxFingerprints` apply
 * @returns a fresh array of the keys
 * @throws {FingerprintError} `EMPTY_SET`, `TOO_MANY_FINGERPRINTS`, `INVALID_FORMAT`, `INVALID_TEXT`,
 *   `EMPTY_KEY`, `KEY_TOO_LONG`, `DUPLICATE_KEY` (with `issues` listing every problem)
 */
export function validateKeys(keys: unknown, limits: FingerprintLimits = {}): string[] {
  const { maxKeyLength, maxFingerprints } = resolveLimits(limits);
  if (!Array.isArray(keys)) throw new FingerprintError("INVALID_FORMAT", "keys must be an array of strings");
  if (keys.length === 0) throw new FingerprintError("EMPTY_SET", "the key list is empty");
  if (keys.length > maxFingerprints) {
    throw new FingerprintError(
      "TOO_MANY_FINGERPRINTS",
      `the list has ${keys.length} keys, over the limit of ${maxFingerprints}`,
    );
  }
  const issues = new IssueCollector();
  const seen = new Map<string, number>();
  const out: string[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key: unknown = keys[i];
    if (!checkText(issues, `keys[${i}]`, key, "key", maxKeyLength)) continue;
    const earlier = seen.get(key);
    if (earlier !== undefined) issues.add(`keys[${i}]`, "DUPLICATE_KEY", `duplicates keys[${earlier}]`);
    else seen.set(key, i);
    out[i] = key;
  }
  issues.throwIfAny("invalid key list");
  return out;
}
