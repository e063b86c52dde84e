/**
 * Lineage: an append-only log of model versions (base model -> fine-tune -> ...). Each version's
 * provenance root is a leaf of an RFC 9162 tree, so a log checkpoint (size, root) commits to the
 * whole history and a consistency proof shows that a later log only extends an earlier one.
 * Leaf data = canonical JSON of the entry {createdAt?, parent?, relation?, root, treeSize?, version}.
 */
import { canonicalJsonBytes } from "./canonical-json.js";
import { diffProvenance, type ProvenanceDiff } from "./diff.js";
import { hashFromHex, toHex } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { leafHash, MerkleTree } from "./merkle.js";
import { type ProvenanceRecord, validateProvenanceRecord } from "./record.js";
import { verifyConsistency, verifyInclusion } from "./verify.js";

/** The `type` of a serialised lineage log. */
export const LINEAGE_LOG_TYPE = "https://modelproof.dev/provenance/lineage-log/v1";

/** One version in the log. */
export interface LineageEntry {
  /** Unique within the log, e.g. "base-1.0", "1.1.0-ft". */
  version: string;
  /** The version's provenance root (lowercase hex). */
  root: string;
  /** The version's provenance tree size, when known. */
  treeSize?: number;
  /** The version this one was derived from; it must already be in the log. */
  parent?: string;
  /** How it was derived: "fine-tune", "quantization", "merge", ... */
  relation?: string;
  /** RFC 3339 time. */
  createdAt?: string;
}

/** A log's state at one size: what you sign or publish. */
export interface LineageCheckpoint {
  size: number;
  /** Lowercase hex RFC 9162 root of the first `size` entries. */
  root: string;
}

/** Proof that one entry is in the log at a checkpoint. */
export interface LineageInclusionProof {
  index: number;
  size: number;
  proof: string[];
}

/** A serialised log ({@link LineageLog.toJSON}). */
export interface LineageLogJSON {
  type: typeof LINEAGE_LOG_TYPE;
  entries: (LineageEntry & { record?: ProvenanceRecord })[];
}

const ENTRY_FIELDS = new Set(["version", "root", "treeSize", "parent", "relation", "createdAt"]);

function lineageError(message: string): ProvenanceError {
  return new ProvenanceError("LINEAGE_ERROR", message);
}

/** The leaf data of an entry (canonical JSON of its defined fields). */
export function lineageLeafData(entry: LineageEntry): Uint8Array {
  const leaf: Record<string, string | number> = { version: entry.version, root: entry.root };
  if (entry.treeSize !== undefined) leaf.treeSize = entry.treeSize;
  if (entry.parent !== undefined) leaf.parent = entry.parent;
  if (entry.relation !== undefined) leaf.relation = entry.relation;
  if (entry.createdAt !== undefined) leaf.createdAt = entry.createdAt;
  return canonicalJsonBytes(leaf);
}

/**
 * An append-only lineage log.
 * @example
 * const log = new LineageLog();
 * log.appendRecord(baseRecord);                                   // baseRecord.version = "base"
 * log.appendRecord(tunedRecord, { parent: "base", relation: "fine-tune" });
 * log.parentChain(tunedRecord.version!).map((e) => e.version);   // ["ft-1", "base"]
 * log.diff("base", "ft-1").changed;                                // components that changed
 */
export class LineageLog {
  readonly #entries: LineageEntry[] = [];
  readonly #records = new Map<string, ProvenanceRecord>();
  readonly #index = new Map<string, number>();
  readonly #tree = new MerkleTree();

  /**
   * Restores a log from {@link LineageLog.toJSON} output, re-checking every rule.
   * @throws {ProvenanceError} `CORRUPTED_DATA` for a malformed log or a record that does not match
   *   its entry, `LINEAGE_ERROR` for duplicate versions or unknown parents
   */
  static fromJSON(json: unknown): LineageLog {
    if (json === null || typeof json !== "object" || (json as LineageLogJSON).type !== LINEAGE_LOG_TYPE) {
      throw new ProvenanceError(
        "CORRUPTED_DATA",
        `malformed lineage log: expected an object with type ${LINEAGE_LOG_TYPE}`,
      );
    }
    const entries = (json as LineageLogJSON).entries;
    if (!Array.isArray(entries))
      throw new ProvenanceError("CORRUPTED_DATA", "malformed lineage log: entries must be an array");
    const log = new LineageLog();
    entries.forEach((raw, i) => {
      if (raw === null || typeof raw !== "object")
        throw new ProvenanceError("CORRUPTED_DATA", `entries[${i}]: expected an object`);
      const { record, ...entry } = raw;
      if (record !== undefined) {
        const rec = validateProvenanceRecord(record);
        if (rec.root !== entry.root) {
          throw new ProvenanceError(
            "CORRUPTED_DATA",
            `entries[${i}]: the attached record's root differs from the entry's`,
            {
              expected: entry.root,
              actual: rec.root,
            },
          );
        }
        log.#records.set(entry.version, rec);
      }
      log.append(entry);
    });
    return log;
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.length;
  }

  /**
   * Appends a version.
   * @returns its index
   * @throws {ProvenanceError} `CORRUPTED_DATA` for a malformed entry, `LINEAGE_ERROR` for a
   *   duplicate version or a parent not in the log
   */
  append(entry: LineageEntry): number {
    const e = checkEntry(entry);
    if (this.#index.has(e.version)) throw lineageError(`version ${JSON.stringify(e.version)} is already in the log`);
    if (e.parent !== undefined && !this.#index.has(e.parent)) {
      throw lineageError(`parent ${JSON.stringify(e.parent)} of ${JSON.stringify(e.version)} is not in the log`);
    }
    const index = this.#tree.append(lineageLeafData(e));
    this.#entries.push(e);
    this.#index.set(e.version, index);
    return index;
  }

  /**
   * Appends a provenance record as a version (its `version`, `root`, `treeSize`, `createdAt`), and
   * keeps the record so that {@link LineageLog.diff} can name the changed components.
   * @throws {ProvenanceError} `LINEAGE_ERROR` when the record has no `version`, as for {@link append}
   */
  appendRecord(record: ProvenanceRecord, link: { parent?: string; relation?: string } = {}): number {
    const rec = validateProvenanceRecord(record);
    if (rec.version === undefined) throw lineageError("the record has no version; set one when building it");
    const index = this.append({
      version: rec.version,
      root: rec.root,
      treeSize: rec.treeSize,
      ...(link.parent !== undefined && { parent: link.parent }),
      ...(link.relation !== undefined && { relation: link.relation }),
      ...(rec.createdAt !== undefined && { createdAt: rec.createdAt }),
    });
    this.#records.set(rec.version, structuredClone(rec));
    return index;
  }

  /** A copy of the entry for a version (or index). @throws {ProvenanceError} `LINEAGE_ERROR` if absent */
  entry(version: string | number): LineageEntry {
    const index = typeof version === "number" ? version : this.#index.get(version);
    const e = index === undefined ? undefined : this.#entries[index];
    if (!e) throw lineageError(`version ${JSON.stringify(version)} is not in the log`);
    return { ...e };
  }

  /** Copies of all entries, oldest first. */
  entries(): LineageEntry[] {
    return this.#entries.map((e) => ({ ...e }));
  }

  /** The checkpoint at `size` (default: now). */
  checkpoint(size: number = this.size): LineageCheckpoint {
    return { size, root: toHex(this.#tree.root(size)) };
  }

  /** Proof that `version` is in the log at `size` (default: now). */
  inclusionProof(version: string, size: number = this.size): LineageInclusionProof {
    const index = this.#index.get(version);
    if (index === undefined) throw lineageError(`version ${JSON.stringify(version)} is not in the log`);
    return { index, size, proof: this.#tree.inclusionProof(index, size).map(toHex) };
  }

  /** Proof that the log at `size1` is a prefix of the log at `size2` (default: now). */
  consistencyProof(size1: number, size2: number = this.size): string[] {
    return this.#tree.consistencyProof(size1, size2).map(toHex);
  }

  /** The version, its parent, the parent's parent, ... down to a base (no parent). */
  parentChain(version: string): LineageEntry[] {
    const chain: LineageEntry[] = [];
    let current: string | undefined = version;
    while (current !== undefined) {
      const e = this.entry(current);
      chain.push(e);
      current = e.parent; // parents precede children in an append-only log, so this terminates
    }
    return chain;
  }

  /**
   * Which components changed from version `a` to version `b`.
   * @throws {ProvenanceError} `LINEAGE_ERROR` when a version is absent or was appended without its record
   */
  diff(a: string, b: string): ProvenanceDiff {
    const ra = this.#records.get(a);
    const rb = this.#records.get(b);
    if (!ra || !rb) {
      const missing = !ra ? a : b;
      this.entry(missing);
      throw lineageError(`version ${JSON.stringify(missing)} was appended without its provenance record`);
    }
    return diffProvenance(ra, rb);
  }

  /** The log as JSON (entries oldest first, with their records when known). */
  toJSON(): LineageLogJSON {
    return {
      type: LINEAGE_LOG_TYPE,
      entries: this.#entries.map((e) => {
        const record = this.#records.get(e.version);
        return record ? { ...e, record: structuredClone(record) } : { ...e };
      }),
    };
  }
}

function checkEntry(entry: unknown): LineageEntry {
  const bad = (why: string): never => {
    throw new ProvenanceError("CORRUPTED_DATA", `malformed lineage entry: ${why}`);
  };
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) bad("expected an object");
  const e = entry as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!ENTRY_FIELDS.has(k)) bad(`unknown field ${k}`);
  const text = (v: unknown, max: number) => typeof v === "string" && v.length > 0 && v.length <= max;
  if (!text(e.version, 256)) bad("version must be a non-empty string of at most 256 characters");
  if (typeof e.root !== "string" || !/^[0-9a-f]{64}$/.test(e.root)) bad("root must be 64 lowercase hex characters");
  if (e.treeSize !== undefined && (!Number.isSafeInteger(e.treeSize) || (e.treeSize as number) < 1))
    bad("treeSize must be a positive integer");
  if (e.parent !== undefined && !text(e.parent, 256)) bad("parent must be a non-empty string");
  if (e.relation !== undefined && !text(e.relation, 64))
    bad("relation must be a non-empty string of at most 64 characters");
  if (e.createdAt !== undefined && (typeof e.createdAt !== "string" || Number.isNaN(Date.parse(e.createdAt))))
    bad("createdAt must be an RFC 3339 time");
  const out: LineageEntry = { version: e.version as string, root: e.root as string };
  if (e.treeSize !== undefined) out.treeSize = e.treeSize as number;
  if (e.parent !== undefined) out.parent = e.parent as string;
  if (e.relation !== undefined) out.relation = e.relation as string;
  if (e.createdAt !== undefined) out.createdAt = e.createdAt as string;
  return out;
}

/**
 * Verifies that `entry` is in the log whose checkpoint you trust.
 * @throws {ProvenanceError} `INCLUSION_PROOF_INVALID` (and the other verifyInclusion codes)
 */
export function verifyLineageInclusion(
  entry: LineageEntry,
  proof: LineageInclusionProof,
  checkpoint: LineageCheckpoint,
): void {
  if (proof.size !== checkpoint.size) {
    throw new ProvenanceError(
      "INCLUSION_PROOF_INVALID",
      `proof is for size ${proof.size}, checkpoint is size ${checkpoint.size}`,
    );
  }
  verifyInclusion(
    proof.index,
    proof.size,
    leafHash(lineageLeafData(checkEntry(entry))),
    proof.proof.map((h, i) => hashFromHex(h, `proof[${i}]`)),
    hashFromHex(checkpoint.root, "checkpoint.root"),
  );
}

/**
 * Verifies that the log at `newer` extends the log at `older` (nothing was rewritten or removed).
 * @throws {ProvenanceError} `CONSISTENCY_PROOF_INVALID` (and the other verifyConsistency codes)
 */
export function verifyLogExtension(older: LineageCheckpoint, newer: LineageCheckpoint, proof: readonly string[]): void {
  verifyConsistency(
    older.size,
    newer.size,
    proof.map((h, i) => hashFromHex(h, `proof[${i}]`)),
    hashFromHex(older.root, "older.root"),
    hashFromHex(newer.root, "newer.root"),
  );
}
