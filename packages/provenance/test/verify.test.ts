import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  consistencyProofLength,
  inclusionProofLength,
  MerkleTree,
  ProvenanceError,
  verifyConsistency,
  verifyInclusion,
} from "../src/index.js";
import { refPath, refProof, STANDARD_LEAVES } from "./helpers/reference.js";

const tree8 = MerkleTree.fromLeaves(STANDARD_LEAVES);

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ProvenanceError)) throw e;
    return e.code;
  }
  return "VALID";
}

const flip = (h: Uint8Array, byte: number, bit = 0) => {
  const c = new Uint8Array(h);
  c[byte % c.length]! ^= 1 << bit;
  return c;
};

describe("verifyInclusion", () => {
  it("accepts every honest proof of trees up to 40 leaves", () => {
    const leaves = Array.from({ length: 40 }, (_, i) => Uint8Array.of(i, i >> 3));
    const tree = MerkleTree.fromLeaves(leaves);
    for (let n = 1; n <= 40; n++) {
      const root = tree.root(n);
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        expect(proof.length).toBe(inclusionProofLength(m, n));
        expect(proof.length).toBe(refPath(m, leaves.slice(0, n)).length);
        expect(codeOf(() => verifyInclusion(m, n, tree.leafHashAt(m), proof, root))).toBe("VALID");
      }
    }
  });

  it("names each kind of bad input with its own code", () => {
    const proof = tree8.inclusionProof(2);
    const leaf = tree8.leafHashAt(2);
    const root = tree8.root();
    expect(codeOf(() => verifyInclusion(8, 8, leaf, proof, root))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyInclusion(-1, 8, leaf, proof, root))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyInclusion(0.5, 8, leaf, proof, root))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyInclusion(0, 0, leaf, [], root))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyInclusion(Number.NaN, 8, leaf, proof, root))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyInclusion(2, 8, leaf.subarray(1), proof, root))).toBe("INVALID_HASH");
    expect(codeOf(() => verifyInclusion(2, 8, leaf, proof, new Uint8Array()))).toBe("INVALID_HASH");
    expect(codeOf(() => verifyInclusion(2, 8, leaf, [...proof.slice(0, 2), new Uint8Array(33)], root))).toBe(
      "INVALID_HASH",
    );
    expect(codeOf(() => verifyInclusion(2, 8, leaf, proof.slice(1), root))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyInclusion(2, 8, leaf, [...proof, root], root))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyInclusion(2, 8, leaf, "nope" as never, root))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyInclusion(3, 8, leaf, proof, root))).toBe("INCLUSION_PROOF_INVALID");
    expect(codeOf(() => verifyInclusion(2, 8, tree8.leafHashAt(1), proof, root))).toBe("INCLUSION_PROOF_INVALID");
    expect(codeOf(() => verifyInclusion(2, 8, leaf, proof, tree8.root(7)))).toBe("INCLUSION_PROOF_INVALID");
  });

  it("reports the expected and computed roots on a mismatch", () => {
    try {
      verifyInclusion(0, 8, tree8.leafHashAt(0), tree8.inclusionProof(0), tree8.root(7));
      expect.unreachable();
    } catch (e) {
      expect((e as ProvenanceError).expected).toMatch(/^[0-9a-f]{64}$/);
      expect((e as ProvenanceError).actual).toBe(Buffer.from(tree8.root()).toString("hex"));
    }
  });

  it("does not authenticate the tree size: callers must sign (size, root) together", () => {
    // RFC 9162 roots are signed with their size for this reason: the 3-leaf proof of leaf 0 is also a
    // well-formed 4-leaf proof whose last subtree "is" leaf 2, with the same root.
    const t3 = MerkleTree.fromLeaves(STANDARD_LEAVES.slice(0, 3));
    expect(codeOf(() => verifyInclusion(0, 4, t3.leafHashAt(0), t3.inclusionProof(0), t3.root()))).toBe("VALID");
  });

  it("handles trees larger than 2^32 leaves arithmetically (no 32-bit truncation)", () => {
    // A proof for the last leaf of a 2^33 + 1 tree is a single hash: the root of the first 2^33.
    expect(inclusionProofLength(2 ** 33, 2 ** 33 + 1)).toBe(1);
    expect(inclusionProofLength(0, 2 ** 33 + 1)).toBe(34);
    const left = new Uint8Array(32).fill(7);
    const leaf = new Uint8Array(32).fill(9);
    const t = new MerkleTree();
    t.appendLeafHash(left);
    t.appendLeafHash(leaf);
    // Same shape as (2^33 leaves | 1 leaf): H(1 || left || leaf).
    const expected = t.root();
    expect(codeOf(() => verifyInclusion(2 ** 33, 2 ** 33 + 1, leaf, [left], expected))).toBe("VALID");
  });

  it("property: honest proofs verify and any single-bit mutation fails", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom("leaf", "root", "proof", "index"),
        (n, mSeed, byteSeed, bit, target) => {
          const tree = MerkleTree.fromLeaves(Array.from({ length: n }, (_, i) => Uint8Array.of(i & 255, i >> 8, 42)));
          const m = mSeed % n;
          const proof = tree.inclusionProof(m);
          const leaf = tree.leafHashAt(m);
          const root = tree.root();
          expect(codeOf(() => verifyInclusion(m, n, leaf, proof, root))).toBe("VALID");
          let result: string;
          if (target === "leaf") result = codeOf(() => verifyInclusion(m, n, flip(leaf, byteSeed, bit), proof, root));
          else if (target === "root")
            result = codeOf(() => verifyInclusion(m, n, leaf, proof, flip(root, byteSeed, bit)));
          else if (target === "proof" && proof.length > 0) {
            const i = byteSeed % proof.length;
            const bad = proof.map((h, j) => (j === i ? flip(h, byteSeed >> 3, bit) : h));
            result = codeOf(() => verifyInclusion(m, n, leaf, bad, root));
          } else if (target === "index" && n > 1) {
            result = codeOf(() => verifyInclusion((m + 1 + (byteSeed % (n - 1))) % n, n, leaf, proof, root));
          } else return;
          expect(result).not.toBe("VALID");
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("verifyConsistency", () => {
  it("accepts every honest proof between sizes up to 40", () => {
    const leaves = Array.from({ length: 40 }, (_, i) => Uint8Array.of(i, 1));
    const tree = MerkleTree.fromLeaves(leaves);
    for (let n = 1; n <= 40; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof.length).toBe(m === n ? 0 : consistencyProofLength(m, n));
        expect(proof.length).toBe(refProof(m, leaves.slice(0, n)).length);
        expect(codeOf(() => verifyConsistency(m, n, proof, tree.root(m), tree.root(n)))).toBe("VALID");
      }
    }
  });

  it("names each kind of bad input with its own code", () => {
    const p = tree8.consistencyProof(3, 8);
    const r3 = tree8.root(3);
    const r8 = tree8.root(8);
    expect(codeOf(() => verifyConsistency(0, 8, p, r3, r8))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyConsistency(0, 0, [], r3, r3))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyConsistency(9, 8, p, r3, r8))).toBe("INDEX_OUT_OF_RANGE");
    expect(codeOf(() => verifyConsistency(3, 8, p, r3.subarray(0, 31), r8))).toBe("INVALID_HASH");
    expect(codeOf(() => verifyConsistency(3, 8, p.slice(1), r3, r8))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyConsistency(3, 8, [], r3, r8))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyConsistency(8, 8, [r8], r8, r8))).toBe("INVALID_PROOF_LENGTH");
    expect(codeOf(() => verifyConsistency(8, 8, [], r8, r3))).toBe("CONSISTENCY_PROOF_INVALID");
    expect(codeOf(() => verifyConsistency(3, 8, p, r8, r3))).toBe("CONSISTENCY_PROOF_INVALID");
    expect(codeOf(() => verifyConsistency(3, 8, p, tree8.root(2), r8))).toBe("CONSISTENCY_PROOF_INVALID");
    expect(codeOf(() => verifyConsistency(3, 7, tree8.consistencyProof(3, 7), r3, r8))).toBe(
      "CONSISTENCY_PROOF_INVALID",
    );
  });

  it("property: honest proofs verify and any single-bit mutation fails", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 300 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom("root1", "root2", "proof"),
        (n, mSeed, byteSeed, bit, target) => {
          const tree = MerkleTree.fromLeaves(Array.from({ length: n }, (_, i) => Uint8Array.of(i & 255, i >> 8, 7)));
          const m = 1 + (mSeed % (n - 1)); // 1 <= m < n
          const proof = tree.consistencyProof(m, n);
          const r1 = tree.root(m);
          const r2 = tree.root(n);
          expect(codeOf(() => verifyConsistency(m, n, proof, r1, r2))).toBe("VALID");
          let result: string;
          if (target === "root1") result = codeOf(() => verifyConsistency(m, n, proof, flip(r1, byteSeed, bit), r2));
          else if (target === "root2")
            result = codeOf(() => verifyConsistency(m, n, proof, r1, flip(r2, byteSeed, bit)));
          else {
            const i = byteSeed % proof.length;
            const bad = proof.map((h, j) => (j === i ? flip(h, byteSeed >> 3, bit) : h));
            result = codeOf(() => verifyConsistency(m, n, bad, r1, r2));
          }
          expect(result).not.toBe("VALID");
        },
      ),
      { numRuns: 400 },
    );
  });
});
