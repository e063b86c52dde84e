/**
 * Component proofs: prove one component (e.g. safety metrics) against a signed root without
 * revealing the others. The proof carries the component's leaf fields and an RFC 9162 inclusion
 * proof; the other components appear only as sibling hashes (salted, when the record was built
 * with `salt: true`, so not even low-entropy values can be guessed from them).
 */
import {
  assertComponentName,
  type ComponentEncoding,
  type ComponentName,
  type ComponentValue,
  componentLeafData,
  digestComponent,
  type JsonValue,
} from "./components.js";
import { hashFromHex, toHex } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { leafHash } from "./merkle.js";
import { componentTree, type ProvenanceRecord, validateProvenanceRecord } from "./record.js";
import { verifyInclusion } from "./verify.js";

/** The `type` of a component proof. */
export const COMPONENT_PROOF_TYPE = "https://modelproof.dev/provenance/component-proof/v1";

/** A self-contained proof that one component is part of a provenance root. Plain JSON. */
export interface ComponentProof {
  type: typeof COMPONENT_PROOF_TYPE;
  name: ComponentName;
  encoding: ComponentEncoding;
  digest: string;
  salt?: string;
  leafIndex: number;
  treeSize: number;
  root: string;
  /** Sibling hashes, leaf to root, lowercase hex. */
  proof: string[];
  /** The disclosed value, when the prover chose to include it. */
  value?: JsonValue;
}

/**
 * Builds the proof for one component of a record.
 * @param options.includeValue put the component's embedded JSON value in the proof (default false)
 * @throws {ProvenanceError} `MISSING_COMPONENT` when the record has no such component,
 *   `CORRUPTED_DATA` for a malformed record
 */
export function proveComponent(
  record: ProvenanceRecord,
  name: ComponentName,
  options: { includeValue?: boolean } = {},
): ComponentProof {
  const rec = validateProvenanceRecord(record);
  assertComponentName(name);
  const index = rec.components.findIndex((c) => c.name === name);
  if (index < 0)
    throw new ProvenanceError("MISSING_COMPONENT", `the record has no component ${name}`, { component: name });
  const entry = rec.components[index]!;
  const proof: ComponentProof = {
    type: COMPONENT_PROOF_TYPE,
    name,
    encoding: entry.encoding,
    digest: entry.digest,
    ...(entry.salt !== undefined && { salt: entry.salt }),
    leafIndex: index,
    treeSize: rec.treeSize,
    root: rec.root,
    proof: componentTree(rec.components).inclusionProof(index).map(toHex),
  };
  if (options.includeValue && entry.value !== undefined) proof.value = structuredClone(entry.value);
  return proof;
}

/** What {@link verifyComponentProof} established. */
export interface VerifiedComponent {
  name: ComponentName;
  encoding: ComponentEncoding;
  digest: string;
  /** True when a value (given or embedded in the proof) was checked against the digest. */
  valueChecked: boolean;
}

/**
 * Verifies a component proof against a trusted root (e.g. the root in a signed attestation).
 *
 * @param proof the proof (any JSON; it is validated)
 * @param trusted.root the root you trust, hex or bytes; the proof's own `root` field is only a hint
 * @param trusted.treeSize the tree size you trust, when known (recommended: sign it with the root)
 * @param trusted.value the component value you hold, to check against the proven digest
 * @throws {ProvenanceError} `CORRUPTED_DATA` (malformed proof), `INCLUSION_PROOF_INVALID`,
 *   `INVALID_PROOF_LENGTH`, `INVALID_HASH`, or `HASH_MISMATCH` when a value does not match
 */
export function verifyComponentProof(
  proof: unknown,
  trusted: { root: string | Uint8Array; treeSize?: number; value?: ComponentValue },
): VerifiedComponent {
  const p = parseProof(proof);
  const root = typeof trusted.root === "string" ? hashFromHex(trusted.root, "root") : trusted.root;
  if (trusted.treeSize !== undefined && trusted.treeSize !== p.treeSize) {
    throw new ProvenanceError(
      "INCLUSION_PROOF_INVALID",
      `proof is for a tree of ${p.treeSize} leaves, expected ${trusted.treeSize}`,
    );
  }
  const leaf = leafHash(componentLeafData(p.name, p.encoding, p.digest, p.salt));
  verifyInclusion(
    p.leafIndex,
    p.treeSize,
    leaf,
    p.proof.map((h, i) => hashFromHex(h, `proof[${i}]`)),
    root,
  );
  let valueChecked = false;
  for (const [label, value] of [
    ["supplied value", trusted.value],
    ["value in the proof", p.value],
  ] as const) {
    if (value === undefined) continue;
    const d = digestComponent(value);
    if (d.digest !== p.digest || d.encoding !== p.encoding) {
      throw new ProvenanceError("HASH_MISMATCH", `component ${p.name}: the ${label} does not match the proven digest`, {
        component: p.name,
        expected: p.digest,
        actual: d.digest,
      });
    }
    valueChecked = true;
  }
  return { name: p.name, encoding: p.encoding, digest: p.digest, valueChecked };
}

function parseProof(value: unknown): ComponentProof {
  const bad = (why: string): never => {
    throw new ProvenanceError("CORRUPTED_DATA", `malformed component proof: ${why}`);
  };
  if (value === null || typeof value !== "object" || Array.isArray(value)) bad("expected an object");
  const p = value as Record<string, unknown>;
  const allowed = new Set([
    "type",
    "name",
    "encoding",
    "digest",
    "salt",
    "leafIndex",
    "treeSize",
    "root",
    "proof",
    "value",
  ]);
  for (const k of Object.keys(p)) if (!allowed.has(k)) bad(`unknown field ${k}`);
  if (p.type !== COMPONENT_PROOF_TYPE) bad(`type must be ${COMPONENT_PROOF_TYPE}`);
  assertComponentName(p.name);
  if (p.encoding !== "json" && p.encoding !== "bytes") bad("encoding must be json or bytes");
  const isHex = (v: unknown) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v);
  if (!isHex(p.digest)) bad("digest must be 64 lowercase hex characters");
  if (p.salt !== undefined && !isHex(p.salt)) bad("salt must be 64 lowercase hex characters");
  if (!Number.isSafeInteger(p.leafIndex) || (p.leafIndex as number) < 0)
    bad("leafIndex must be a non-negative integer");
  if (!Number.isSafeInteger(p.treeSize) || (p.treeSize as number) < 1) bad("treeSize must be a positive integer");
  if (!Array.isArray(p.proof) || !p.proof.every(isHex)) bad("proof must be an array of 64-character hex hashes");
  if (p.value !== undefined && p.encoding !== "json") bad("only json components can carry a value");
  return p as unknown as ComponentProof;
}
