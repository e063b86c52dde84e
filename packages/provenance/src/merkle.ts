/**
 * Append-only Merkle tree hashed as RFC 9162 §2.1 (identical to RFC 6962 §2.1):
 *   MTH({})      = SHA-256()
 *   MTH({d0})    = SHA-256(0x00 || d0)
 *   MTH(D[n])    = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k = largest power of 2 < n
 * Every perfect subtree is kept, level by level, in contiguous byte arrays (about 64 bytes per
 * leaf). Roots and proofs for any historical size then cost O(log n) hashes, never a rebuild.
 */
import { assertHash } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { HASH_SIZE, plain, rawSha256, sha256Parts } from "./hash.js";

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;
/** Leaves up to this size are hashed from a reused scratch buffer; larger ones are streamed. */
const SCRATCH_LIMIT = 4096;

let leafScratch = new Uint8Array(1 + 256);
const nodeScratch = new Uint8Array(1 + 2 * HASH_SIZE);
nodeScratch[0] = NODE_PREFIX;

function rawLeafHash(data: Uint8Array): Uint8Array {
  if (data.length > SCRATCH_LIMIT) return sha256Parts([new Uint8Array([LEAF_PREFIX]), data]);
  if (leafScratch.length < data.length + 1)
    leafScratch = new Uint8Array(Math.max(data.length + 1, 2 * leafScratch.length));
  leafScratch[0] = LEAF_PREFIX;
  leafScratch.set(data, 1);
  return rawSha256(leafScratch.subarray(0, data.length + 1));
}

/** SHA-256(0x01 || bytes[l..l+32) || bytes[r..r+32)) without allocating the concatenation. */
export function rawNodeHashAt(
  left: Uint8Array,
  leftOffset: number,
  right: Uint8Array,
  rightOffset: number,
): Uint8Array {
  nodeScratch.set(left.subarray(leftOffset, leftOffset + HASH_SIZE), 1);
  nodeScratch.set(right.subarray(rightOffset, rightOffset + HASH_SIZE), 1 + HASH_SIZE);
  return rawSha256(nodeScratch);
}

/**
 * The RFC 9162 leaf hash: SHA-256(0x00 || data).
 * @example toHex(leafHash(new Uint8Array())) // "6e340b9c...a01d"
 */
export function leafHash(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new TypeError("data: expected a Uint8Array");
  return plain(rawLeafHash(data));
}

/**
 * The RFC 9162 interior node hash: SHA-256(0x01 || left || right).
 * @throws {ProvenanceError} `INVALID_HASH` when either side is not 32 bytes
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  assertHash(left, "left");
  assertHash(right, "right");
  return plain(rawNodeHashAt(left, 0, right, 0));
}

/** Largest power of two strictly smaller than n (n >= 2). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** One level of perfect subtrees, stored back to back in a growable byte array. */
class Level {
  bytes = new Uint8Array(HASH_SIZE * 16);
  count = 0;

  push(hash: Uint8Array): void {
    if ((this.count + 1) * HASH_SIZE > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, this.count * HASH_SIZE);
    this.count++;
  }
}

/**
 * An append-only RFC 9162 Merkle tree with roots, inclusion proofs and consistency proofs for the
 * current size or any earlier size.
 *
 * @example
 * const tree = MerkleTree.fromLeaves(["a", "b", "c"].map((s) => new TextEncoder().encode(s)));
 * const proof = tree.inclusionProof(1);
 * verifyInclusion(1, tree.size, tree.leafHashAt(1), proof, tree.root()); // returns: the proof holds
 */
export class MerkleTree {
  /** levels[k] holds the hashes of the perfect subtrees of 2^k leaves, left to right. */
  readonly #levels: Level[] = [new Level()];

  /** Builds a tree from leaf data (each element is hashed as a leaf). */
  static fromLeaves(leaves: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const leaf of leaves) tree.append(leaf);
    return tree;
  }

  /** Builds a tree from leaf hashes that were computed elsewhere (each must be 32 bytes). */
  static fromLeafHashes(hashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const h of hashes) tree.appendLeafHash(h);
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#levels[0]!.count;
  }

  /**
   * Appends one leaf (its data; the tree stores only its hash).
   * @returns the index of the new leaf
   */
  append(data: Uint8Array): number {
    if (!(data instanceof Uint8Array)) throw new TypeError("data: expected a Uint8Array");
    return this.#push(rawLeafHash(data));
  }

  /**
   * Appends a leaf by its leaf hash (SHA-256(0x00 || data), computed elsewhere).
   * @returns the index of the new leaf
   * @throws {ProvenanceError} `INVALID_HASH` when the hash is not 32 bytes
   */
  appendLeafHash(hash: Uint8Array): number {
    assertHash(hash, "hash");
    return this.#push(hash);
  }

  #push(hash: Uint8Array): number {
    const index = this.size;
    this.#levels[0]!.push(hash);
    // Each time a level gets an even count, its last two nodes complete a parent.
    for (let k = 0; ; k++) {
      const level = this.#levels[k]!;
      if (level.count % 2 !== 0) break;
      const parent = rawNodeHashAt(
        level.bytes,
        (level.count - 2) * HASH_SIZE,
        level.bytes,
        (level.count - 1) * HASH_SIZE,
      );
      if (this.#levels.length === k + 1) this.#levels.push(new Level());
      this.#levels[k + 1]!.push(parent);
    }
    return index;
  }

  /**
   * The leaf hash at `index`.
   * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE`
   */
  leafHashAt(index: number): Uint8Array {
    checkIndex(index, this.size, "index");
    const level = this.#levels[0]!;
    return level.bytes.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }

  /**
   * The tree head (root hash) of the first `size` leaves; defaults to the whole tree.
   * The root of the empty tree is SHA-256 of the empty string.
   * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE` when `size` exceeds the tree
   */
  root(size: number = this.size): Uint8Array {
    checkSize(size, this.size, "size");
    if (size === 0) return sha256Parts([]);
    return new Uint8Array(this.#subtree(0, size));
  }

  /**
   * The RFC 9162 §2.1.3.1 inclusion proof (audit path) of leaf `index` in the tree of `size` leaves,
   * ordered from the leaf up.
   * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE` when `size` exceeds the tree or `index >= size`
   */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    checkSize(size, this.size, "size");
    checkIndex(index, size, "index");
    const proof: Uint8Array[] = [];
    this.#path(index, 0, size, proof);
    return proof.reverse().map((h) => new Uint8Array(h));
  }

  /**
   * The RFC 9162 §2.1.4.1 consistency proof that the tree of `size1` leaves is a prefix of the tree
   * of `size2` leaves (default: the whole tree). Empty when the sizes are equal.
   * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE` unless 0 < size1 <= size2 <= size
   */
  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    checkSize(size2, this.size, "size2");
    if (!Number.isSafeInteger(size1) || size1 < 1 || size1 > size2) {
      throw new ProvenanceError("INDEX_OUT_OF_RANGE", `size1: expected an integer in [1, ${size2}], got ${size1}`);
    }
    const proof: Uint8Array[] = [];
    this.#subproof(size1, 0, size2, true, proof);
    return proof.reverse().map((h) => new Uint8Array(h));
  }

  /** PATH(m, D[start:end]) of RFC 9162, pushing hashes root-side first (reversed by the caller). */
  #path(m: number, start: number, end: number, out: Uint8Array[]): void {
    // Iterative form of the recursion: descend towards leaf m, collecting the sibling subtrees.
    while (end - start > 1) {
      const k = largestPowerOfTwoBelow(end - start);
      if (m < start + k) {
        out.push(this.#subtree(start + k, end));
        end = start + k;
      } else {
        out.push(this.#subtree(start, start + k));
        start += k;
      }
    }
  }

  /** SUBPROOF(m, D[start:end], b) of RFC 9162, pushing root-side first. */
  #subproof(m: number, start: number, end: number, complete: boolean, out: Uint8Array[]): void {
    while (true) {
      const n = end - start;
      if (m === n) {
        if (!complete) out.push(this.#subtree(start, end));
        return;
      }
      const k = largestPowerOfTwoBelow(n);
      if (m <= k) {
        out.push(this.#subtree(start + k, end));
        end = start + k;
      } else {
        out.push(this.#subtree(start, start + k));
        start += k;
        m -= k;
        complete = false;
      }
    }
  }

  /** MTH(D[start:end]); perfect aligned subtrees are looked up, ragged right edges recomputed. */
  #subtree(start: number, end: number): Uint8Array {
    const n = end - start;
    const log = Math.round(Math.log2(n));
    if (2 ** log === n && start % n === 0) {
      const level = this.#levels[log]!;
      const offset = (start / n) * HASH_SIZE;
      return level.bytes.subarray(offset, offset + HASH_SIZE);
    }
    const k = largestPowerOfTwoBelow(n);
    // Views into level storage and fresh digests both stay valid while the right side is computed.
    const left = this.#subtree(start, start + k);
    const right = this.#subtree(start + k, end);
    return rawNodeHashAt(left, 0, right, 0);
  }
}

function checkSize(size: number, max: number, name: string): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > max) {
    throw new ProvenanceError("INDEX_OUT_OF_RANGE", `${name}: expected an integer in [0, ${max}], got ${size}`);
  }
}

function checkIndex(index: number, size: number, name: string): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new ProvenanceError("INDEX_OUT_OF_RANGE", `${name}: expected an integer in [0, ${size}), got ${index}`);
  }
}
