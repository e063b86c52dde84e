/**
 * Commitments to a fingerprint set: an RFC 9162 Merkle tree (via @modelproof/provenance) whose
 * leaves are salted encodings of each fingerprint, plus per-fingerprint openings (the pair, its
 * salt and its inclusion proof) that prove one fingerprint was committed without revealing any
 * other.
 *
 * Scheme `modelproof-fingerprint-commitment/v1`. Leaf i's data is
 *
 *     0x01 || salt_i (32 bytes) || u32be(len(key)) || UTF-8(key) || u32be(len(response)) || UTF-8(response)
 *
 * so its RFC 9162 leaf hash SHA-256(0x00 || data) is the salted hash of the pair. The version byte
 * separates this encoding from future ones; the length prefixes make the encoding injective; the
 * per-fingerprint random salt makes each leaf hiding (a low-entropy response cannot be confirmed by
 * guessing) and makes leaves of equal pairs in two sets unlinkable. The root and the count are
 * public (the provenance record's `fingerprint_commitment` component); the salts are as secret as
 * the fingerprints and belong in the secret store.
 */
import { leafHash, MerkleTree, ProvenanceError, verifyInclusion } from "@modelproof/provenance";
import { bytesToHex, hexToBytes } from "./encoding.js";
import { FingerprintError } from "./errors.js";
import { type Fingerprint, type FingerprintLimits, validateFingerprints } from "./fingerprint.js";
import { randomBytes, type Seed, SeededRng } from "./rng.js";

/** The scheme identifier written into commitments and openings. */
export const COMMITMENT_SCHEME = "modelproof-fingerprint-commitment/v1";
/** Bytes of salt per fingerprint. */
export const COMMITMENT_SALT_BYTES = 32;
const LEAF_VERSION = 0x01;
const encoder = new TextEncoder();

/**
 * The public part of a commitment: the value of the provenance component `fingerprint_commitment`.
 * (A type alias, not an interface, so it is assignable to provenance's JSON value type.)
 */
export type FingerprintCommitmentJSON = {
  /** Always {@link COMMITMENT_SCHEME}. */
  scheme: string;
  /** The Merkle root, 64 lowercase hex characters. */
  root: string;
  /** How many fingerprints were committed. */
  count: number;
};

/** Everything needed to prove that one fingerprint was committed (it discloses that fingerprint only). */
export interface FingerprintOpening {
  /** Always {@link COMMITMENT_SCHEME}. */
  scheme: string;
  /** Position of the fingerprint (its leaf index). */
  index: number;
  /** Number of fingerprints committed (the tree size). */
  treeSize: number;
  /** The disclosed key. */
  key: string;
  /** The disclosed response. */
  response: string;
  /** Its salt, 64 lowercase hex characters. */
  salt: string;
  /** The RFC 9162 inclusion proof, leaf to root, as lowercase hex hashes. */
  proof: string[];
}

/** Options of {@link commitFingerprints}. */
export interface CommitOptions {
  /** Reuse salts (e.g. from the secret store) to reproduce an earlier commitment. */
  salts?: readonly Uint8Array[];
  /** Derive salts from a seed (tests and reproducible examples only: salts must be secret). Default: random. */
  seed?: Seed;
  /** Limits for validating the set. */
  limits?: FingerprintLimits;
}

/** Encodes the leaf data of one fingerprint into `out` (grown when needed); returns the buffer and length. */
function encodeLeaf(fp: Fingerprint, salt: Uint8Array, out: Uint8Array): [Uint8Array, number] {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const worst = 1 + COMMITMENT_SALT_BYTES + 8 + 3 * (fp.key.length + fp.response.length);
  if (out.length < worst) out = new Uint8Array(Math.max(worst, out.length * 2));
  out[0] = LEAF_VERSION;
  out.set(salt, 1);
  let offset = 1 + COMMITMENT_SALT_BYTES;
  for (const text of [fp.key, fp.response]) {
    const { written } = encoder.encodeInto(text, out.subarray(offset + 4));
    out[offset] = written >>> 24;
    out[offset + 1] = (written >>> 16) & 255;
    out[offset + 2] = (written >>> 8) & 255;
    out[offset + 3] = written & 255;
    offset += 4 + written;
  }
  return [out, offset];
}

/**
 * The leaf data of one fingerprint under a salt (see the module header for the encoding).
 * @param fingerprint - the pair
 * @param salt - its 32-byte salt
 * @returns the leaf data (hash it with `leafHash` for the Merkle leaf)
 * @throws {FingerprintError} `INVALID_OPTION` when the salt is not 32 bytes
 */
export function fingerprintLeafData(fingerprint: Fingerprint, salt: Uint8Array): Uint8Array {
  if (!(salt instanceof Uint8Array) || salt.length !== COMMITMENT_SALT_BYTES) {
    throw new FingerprintError("INVALID_OPTION", "salt must be a 32-byte Uint8Array");
  }
  const [buffer, length] = encodeLeaf(fingerprint, salt, new Uint8Array(0));
  return buffer.slice(0, length);
}

/**
 * A commitment to a fingerprint set. Its `root` and `count` are public; its salts are secret.
 */
export class FingerprintCommitment {
  /** The Merkle root (32 bytes). */
  readonly root: Uint8Array;
  /** Number of fingerprints committed. */
  readonly count: number;
  /** One 32-byte salt per fingerprint (secret: store them with the fingerprints). */
  readonly salts: readonly Uint8Array[];
  readonly #tree: MerkleTree;
  readonly #set: readonly Fingerprint[];

  /** @internal Use {@link commitFingerprints}. */
  constructor(tree: MerkleTree, set: readonly Fingerprint[], salts: readonly Uint8Array[]) {
    this.#tree = tree;
    this.#set = set;
    this.salts = salts;
    this.root = tree.root();
    this.count = set.length;
  }

  /** The root as 64 lowercase hex characters. */
  get rootHex(): string {
    return bytesToHex(this.root);
  }

  /**
   * Opens one fingerprint: the pair, its salt and its inclusion proof.
   * @param index - position of the fingerprint in the committed set
   * @returns an opening that {@link verifyOpening} accepts against this root
   * @throws {FingerprintError} `INVALID_OPTION` when the index is out of range
   */
  open(index: number): FingerprintOpening {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new FingerprintError("INVALID_OPTION", `index must be an integer in [0, ${this.count})`);
    }
    const { key, response } = this.#set[index]!;
    return {
      scheme: COMMITMENT_SCHEME,
      index,
      treeSize: this.count,
      key,
      response,
      salt: bytesToHex(this.salts[index]!),
      proof: this.#tree.inclusionProof(index).map(bytesToHex),
    };
  }

  /** @returns the public part, for the provenance record (`fingerprint_commitment`) */
  toJSON(): FingerprintCommitmentJSON {
    return { scheme: COMMITMENT_SCHEME, root: this.rootHex, count: this.count };
  }
}

/**
 * Commits to a fingerprint set: salts each pair (32 random bytes each, or the given salts) and
 * builds the RFC 9162 Merkle tree of the salted leaves.
 *
 * @param set - the fingerprints (validated first)
 * @param options - salts to reuse, or a seed for reproducible salts (tests only), and limits
 * @returns the commitment: root, count, salts, and `open(index)`
 * @throws {FingerprintError} the codes of {@link validateFingerprints}; `INVALID_OPTION` when the
 *   salts are not one 32-byte array per fingerprint, or both `salts` and `seed` are given
 * @example
 * ```ts
 * const commitment = commitFingerprints(set);
 * record.components.fingerprint_commitment = commitment.toJSON(); // public
 * const opening = commitment.open(3); // disclose fingerprint 3 only
 * verifyOpening(commitment.root, opening); // returns the disclosed fingerprint
 * ```
 */
export function commitFingerprints(set: readonly Fingerprint[], options: CommitOptions = {}): FingerprintCommitment {
  const fingerprints = validateFingerprints(set, options.limits);
  if (options.salts !== undefined) {
    if (options.seed !== undefined) throw new FingerprintError("INVALID_OPTION", "give salts or seed, not both");
    const given: unknown = options.salts;
    if (
      !Array.isArray(given) ||
      given.length !== fingerprints.length ||
      !given.every((s) => s instanceof Uint8Array && s.length === COMMITMENT_SALT_BYTES)
    ) {
      throw new FingerprintError("INVALID_OPTION", "salts must hold one 32-byte Uint8Array per fingerprint");
    }
  }
  // All salts live in one buffer (one allocation, not one per fingerprint); `salts` are views of it.
  const size = COMMITMENT_SALT_BYTES * fingerprints.length;
  let all: Uint8Array;
  if (options.salts !== undefined) {
    all = new Uint8Array(size);
    for (let i = 0; i < options.salts.length; i++) all.set(options.salts[i]!, i * COMMITMENT_SALT_BYTES);
  } else if (options.seed !== undefined) {
    all = SeededRng.fromSeed(options.seed).fork("commitment/salts").bytes(size);
  } else {
    all = randomBytes(size);
  }
  const salts = new Array<Uint8Array>(fingerprints.length);
  for (let i = 0; i < fingerprints.length; i++) {
    salts[i] = all.subarray(i * COMMITMENT_SALT_BYTES, (i + 1) * COMMITMENT_SALT_BYTES);
  }
  const tree = new MerkleTree();
  let scratch: Uint8Array = new Uint8Array(1024);
  for (let i = 0; i < fingerprints.length; i++) {
    const [buffer, length] = encodeLeaf(fingerprints[i]!, salts[i]!, scratch);
    scratch = buffer;
    tree.append(buffer.subarray(0, length));
  }
  return new FingerprintCommitment(tree, fingerprints, salts);
}

function openingError(message: string, cause?: unknown): FingerprintError {
  return new FingerprintError("OPENING_INVALID", message, cause === undefined ? {} : { cause });
}

/**
 * Verifies that an opening proves its fingerprint was committed under a root.
 *
 * @param commitment - the public commitment JSON (preferred: the opening's tree size must then equal
 *   its `count`), or the bare root (32 bytes, or 64 hex characters). A bare root proves membership
 *   but does not fix the tree size: as in RFC 9162, a tree head is the pair (size, root), and an
 *   opening's `treeSize` is only checked against a `count`.
 * @param opening - the opening (untrusted: every field is checked)
 * @returns the disclosed fingerprint, once proven
 * @throws {FingerprintError} `OPENING_INVALID` (wrong scheme, malformed fields, size mismatch,
 *   or a proof that does not lead to the root; the provenance error is the `cause`),
 *   `INVALID_OPTION` when the root itself is malformed
 */
export function verifyOpening(
  commitment: Uint8Array | string | FingerprintCommitmentJSON,
  opening: FingerprintOpening,
): Fingerprint {
  let root: Uint8Array | undefined;
  let expectedCount: number | undefined;
  if (commitment instanceof Uint8Array) {
    root = commitment;
  } else if (typeof commitment === "string") {
    root = hexToBytes(commitment.toLowerCase());
  } else if (typeof commitment === "object" && commitment !== null) {
    if (commitment.scheme !== COMMITMENT_SCHEME) {
      throw new FingerprintError("INVALID_OPTION", `commitment scheme must be ${COMMITMENT_SCHEME}`);
    }
    root = hexToBytes(commitment.root);
    expectedCount = commitment.count;
  }
  if (root?.length !== 32) throw new FingerprintError("INVALID_OPTION", "root must be 32 bytes (64 hex characters)");

  if (typeof opening !== "object" || opening === null) throw openingError("the opening must be an object");
  if (opening.scheme !== COMMITMENT_SCHEME) throw openingError(`the opening's scheme is not ${COMMITMENT_SCHEME}`);
  const { index, treeSize } = opening;
  if (
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(treeSize) ||
    index < 0 ||
    treeSize < 1 ||
    index >= treeSize
  ) {
    throw openingError("index and treeSize must be integers with 0 <= index < treeSize");
  }
  if (expectedCount !== undefined && treeSize !== expectedCount) {
    throw openingError(`the opening is for a tree of ${treeSize} leaves, the commitment has ${expectedCount}`);
  }
  let fingerprint: Fingerprint;
  try {
    [fingerprint] = validateFingerprints([{ key: opening.key, response: opening.response }], {
      maxKeyLength: Number.MAX_SAFE_INTEGER,
      maxResponseLength: Number.MAX_SAFE_INTEGER,
    }) as [Fingerprint];
  } catch (cause) {
    throw openingError("the opening's key or response is malformed", cause);
  }
  const salt = hexToBytes(opening.salt);
  if (salt?.length !== COMMITMENT_SALT_BYTES) throw openingError("the salt must be 64 lowercase hex characters");
  if (!Array.isArray(opening.proof)) throw openingError("the proof must be an array of hex hashes");
  const proof = opening.proof.map(hexToBytes);
  if (!proof.every((p) => p?.length === 32))
    throw openingError("every proof element must be 64 lowercase hex characters");
  const leaf = leafHash(fingerprintLeafData(fingerprint, salt));
  try {
    verifyInclusion(index, treeSize, leaf, proof as Uint8Array[], root);
  } catch (cause) {
    if (cause instanceof ProvenanceError) {
      throw openingError(`the opening does not prove fingerprint ${index} under this root (${cause.code})`, cause);
    }
    throw cause;
  }
  return fingerprint;
}
