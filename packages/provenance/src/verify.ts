/**
 * Verification of RFC 9162 inclusion proofs (§2.1.3.2) and consistency proofs (§2.1.4.2).
 * Both return normally when the proof holds and throw a coded {@link ProvenanceError} otherwise:
 * malformed arguments are named precisely and nothing malformed ever reaches "valid".
 * Sizes and indices may exceed 2^32 (arithmetic, not 32-bit bitwise operators, is used).
 */
import { assertHash, bytesEqual, toHex } from "./encoding.js";
import { ProvenanceError } from "./errors.js";
import { largestPowerOfTwoBelow, rawNodeHashAt } from "./merkle.js";

// Inputs are validated up front, so the loops hash without re-checking (internal, not exported).
const nodeHash = (left: Uint8Array, right: Uint8Array) => rawNodeHashAt(left, 0, right, 0);

const lsb = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** Number of hashes in the RFC 9162 inclusion proof of leaf `index` in a tree of `size` leaves. */
export function inclusionProofLength(index: number, size: number): number {
  let count = 0;
  while (size > 1) {
    const k = largestPowerOfTwoBelow(size);
    if (index < k) size = k;
    else {
      index -= k;
      size -= k;
    }
    count++;
  }
  return count;
}

/** Number of hashes in the RFC 9162 consistency proof from `size1` to `size2` (0 < size1 <= size2). */
export function consistencyProofLength(size1: number, size2: number): number {
  let count = 0;
  let complete = true;
  let m = size1;
  let n = size2;
  while (m !== n) {
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) n = k;
    else {
      m -= k;
      n -= k;
      complete = false;
    }
    count++;
  }
  return complete ? count : count + 1;
}

function checkProofArray(proof: unknown, expected: number, what: string): asserts proof is Uint8Array[] {
  if (!Array.isArray(proof)) throw new ProvenanceError("INVALID_PROOF_LENGTH", `proof: expected an array of hashes`);
  if (proof.length !== expected) {
    throw new ProvenanceError("INVALID_PROOF_LENGTH", `proof: ${what} needs ${expected} hashes, got ${proof.length}`);
  }
  for (let i = 0; i < proof.length; i++) assertHash(proof[i], `proof[${i}]`);
}

function checkSize(value: unknown, name: string, min: number): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    throw new ProvenanceError("INDEX_OUT_OF_RANGE", `${name}: expected an integer >= ${min}, got ${String(value)}`);
  }
}

/**
 * Verifies that `leafHash` is leaf `index` of the tree of `treeSize` leaves whose root is `root`.
 *
 * @param index 0-based leaf index
 * @param treeSize number of leaves in the tree the root belongs to
 * @param leafHash the leaf hash, SHA-256(0x00 || data) (see {@link leafHash})
 * @param proof the audit path, leaf to root, as returned by `MerkleTree.inclusionProof`
 * @param root the expected tree head
 * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE` (index >= treeSize, negative, not an integer),
 *   `INVALID_HASH` (a hash that is not 32 bytes), `INVALID_PROOF_LENGTH`, or
 *   `INCLUSION_PROOF_INVALID` when the path does not lead to `root`
 * @example
 * verifyInclusion(1, tree.size, tree.leafHashAt(1), tree.inclusionProof(1), tree.root());
 */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  checkSize(treeSize, "treeSize", 1);
  checkSize(index, "index", 0);
  if (index >= treeSize) {
    throw new ProvenanceError("INDEX_OUT_OF_RANGE", `index: ${index} is outside a tree of ${treeSize} leaves`);
  }
  assertHash(leafHash, "leafHash");
  assertHash(root, "root");
  checkProofArray(proof, inclusionProofLength(index, treeSize), `leaf ${index} of ${treeSize}`);

  // RFC 9162 §2.1.3.2, steps 2-5.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw invalidInclusion("proof is longer than the path");
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw invalidInclusion("proof is shorter than the path");
  if (!bytesEqual(r, root)) {
    throw new ProvenanceError("INCLUSION_PROOF_INVALID", "inclusion proof does not lead to the given root", {
      expected: toHex(root),
      actual: toHex(r),
    });
  }
}

function invalidInclusion(reason: string): ProvenanceError {
  return new ProvenanceError("INCLUSION_PROOF_INVALID", `inclusion proof invalid: ${reason}`);
}

/**
 * Verifies that the tree of `size1` leaves with root `root1` is a prefix of the tree of `size2`
 * leaves with root `root2` (the log only grew).
 *
 * @param size1 size of the earlier tree, 1 <= size1 <= size2 (an empty tree proves nothing)
 * @param size2 size of the later tree
 * @param proof the consistency proof, as returned by `MerkleTree.consistencyProof`; empty when the sizes are equal
 * @param root1 root of the earlier tree
 * @param root2 root of the later tree
 * @throws {ProvenanceError} `INDEX_OUT_OF_RANGE` (size1 = 0 or size1 > size2), `INVALID_HASH`,
 *   `INVALID_PROOF_LENGTH`, or `CONSISTENCY_PROOF_INVALID` when the roots are not connected
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  checkSize(size1, "size1", 1);
  checkSize(size2, "size2", 1);
  if (size1 > size2) throw new ProvenanceError("INDEX_OUT_OF_RANGE", `size1 (${size1}) exceeds size2 (${size2})`);
  if (size1 === size2) {
    // Trivially consistent iff the roots are identical. Like transparency-dev/merkle (whose vectors
    // we must agree with), the roots' length is not checked here: equal bytes prove equal trees.
    if (!(root1 instanceof Uint8Array)) assertHash(root1, "root1");
    if (!(root2 instanceof Uint8Array)) assertHash(root2, "root2");
    checkProofArray(proof, 0, "equal sizes");
    if (!bytesEqual(root1, root2)) {
      throw new ProvenanceError("CONSISTENCY_PROOF_INVALID", "equal sizes but different roots", {
        expected: toHex(root1),
        actual: toHex(root2),
      });
    }
    return;
  }
  assertHash(root1, "root1");
  assertHash(root2, "root2");
  checkProofArray(proof, consistencyProofLength(size1, size2), `sizes ${size1} -> ${size2}`);

  // RFC 9162 §2.1.4.2, steps 2-7.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) throw invalidConsistency("proof is longer than the path");
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw invalidConsistency("proof is shorter than the path");
  if (!bytesEqual(fr, root1)) {
    throw new ProvenanceError("CONSISTENCY_PROOF_INVALID", "consistency proof does not lead to root1", {
      expected: toHex(root1),
      actual: toHex(fr),
    });
  }
  if (!bytesEqual(sr, root2)) {
    throw new ProvenanceError("CONSISTENCY_PROOF_INVALID", "consistency proof does not lead to root2", {
      expected: toHex(root2),
      actual: toHex(sr),
    });
  }
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

function invalidConsistency(reason: string): ProvenanceError {
  return new ProvenanceError("CONSISTENCY_PROOF_INVALID", `consistency proof invalid: ${reason}`);
}
