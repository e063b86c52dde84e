/**
 * Named provenance components and how each becomes a Merkle leaf.
 * A component is JSON (digest = SHA-256 of its RFC 8785 canonical bytes) or raw bytes (digest =
 * SHA-256 of the bytes). Its leaf binds the name, the encoding, the digest and an optional salt:
 *   leaf data = canonical JSON {"digest":<hex>,"encoding":"json"|"bytes","name":<name>[,"salt":<hex>]}
 * so a proof for one component can never be passed off as another.
 */
import { canonicalJsonBytes } from "./canonical-json.js";
import { toHex } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { sha256 } from "./hash.js";

/** The canonical component names, in canonical leaf order (see DESIGN.md). */
export const COMPONENT_NAMES = [
  "model_weights",
  "training_config",
  "metrics",
  "data_statistics",
  "safety_config",
  "safety_metrics",
  "system_info",
  "io_signature",
  "fingerprint_commitment",
  "model_card",
] as const;

/** One of the ten canonical component names. */
export type CanonicalComponentName = (typeof COMPONENT_NAMES)[number];

/** A component name: canonical, or a custom `x-...` name (ordered after the canonical ones). */
export type ComponentName = CanonicalComponentName | `x-${string}`;

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A component's content: a JSON value, or raw bytes (e.g. a weights file or a manifest as written). */
export type ComponentValue = JsonValue | Uint8Array;

/** How a component was hashed. */
export type ComponentEncoding = "json" | "bytes";

const CUSTOM_NAME = /^x-[a-z0-9][a-z0-9_.-]{0,62}$/;
const CANONICAL_RANK = new Map<string, number>(COMPONENT_NAMES.map((n, i) => [n, i]));

/** True for canonical names and well-formed custom names (`x-` + lowercase letters, digits, `_.-`). */
export function isComponentName(name: unknown): name is ComponentName {
  return typeof name === "string" && (CANONICAL_RANK.has(name) || CUSTOM_NAME.test(name));
}

/**
 * Checks a component name.
 * @throws {ProvenanceError} `UNKNOWN_COMPONENT`
 */
export function assertComponentName(name: unknown): asserts name is ComponentName {
  if (!isComponentName(name)) {
    throw new ProvenanceError(
      "UNKNOWN_COMPONENT",
      `unknown component name ${JSON.stringify(name)}: use one of ${COMPONENT_NAMES.join(", ")} or a custom name like "x-eval_results"`,
      { component: typeof name === "string" ? name : undefined },
    );
  }
}

/** Canonical leaf order: the ten canonical names in their fixed order, then custom names by code point. */
export function compareComponentNames(a: ComponentName, b: ComponentName): number {
  const ra = CANONICAL_RANK.get(a) ?? COMPONENT_NAMES.length;
  const rb = CANONICAL_RANK.get(b) ?? COMPONENT_NAMES.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A component's digest and the facts needed to rebuild its leaf. */
export interface ComponentDigest {
  encoding: ComponentEncoding;
  /** Lowercase hex SHA-256 of the canonical JSON or of the bytes. */
  digest: string;
  /** Byte length of what was hashed. */
  size: number;
}

/**
 * Digest of one component value.
 * @throws {ProvenanceError} `NON_CANONICAL_JSON` when a JSON value cannot be canonicalised (path included)
 */
export function digestComponent(value: ComponentValue): ComponentDigest {
  if (value instanceof Uint8Array) return { encoding: "bytes", digest: toHex(sha256(value)), size: value.length };
  const bytes = canonicalJsonBytes(value);
  return { encoding: "json", digest: toHex(sha256(bytes)), size: bytes.length };
}

/** The leaf data of a component (see the module header). */
export function componentLeafData(
  name: ComponentName,
  encoding: ComponentEncoding,
  digest: string,
  salt?: string,
): Uint8Array {
  const leaf: Record<string, string> = { digest, encoding, name };
  if (salt !== undefined) leaf.salt = salt;
  return canonicalJsonBytes(leaf);
}
