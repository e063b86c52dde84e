import { describe, expect, it } from "vitest";
import { leafHash, MerkleTree, nodeHash, ProvenanceError, sha256, sha256Backend, toHex } from "../src/index.js";
import { hex, refLeaf, refMth, refNode, refPath, refProof, STANDARD_LEAVES, unhex } from "./helpers/reference.js";

// Roots of the standard 8-leaf tree for n = 0..8 (RFC 6962 test vectors, as published by
// transparency-dev/merkle testonly/constants.go; also recomputed by the reference below).
const STANDARD_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);

describe("sha256", () => {
  it("matches the FIPS 180-2 'abc' vector", () => {
    expect(toHex(sha256(new TextEncoder().encode("abc")))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256Backend()).toBe("node:crypto");
  });

  it("returns plain Uint8Arrays, never Buffers", () => {
    expect(sha256(new Uint8Array()).constructor).toBe(Uint8Array);
    expect(leafHash(new Uint8Array()).constructor).toBe(Uint8Array);
  });
});

describe("leafHash / nodeHash", () => {
  it("hash with the RFC 9162 domain-separation prefixes", () => {
    expect(hex(leafHash(new Uint8Array()))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    const l = leafHash(STANDARD_LEAVES[0]!);
    const r = leafHash(STANDARD_LEAVES[1]!);
    expect(hex(nodeHash(l, r))).toBe(STANDARD_ROOTS[2]);
  });

  it("hashes large leaves by streaming, with the same result", () => {
    const big = bytes(100_000, 3);
    expect(hex(leafHash(big))).toBe(hex(refLeaf(big)));
  });

  it("rejects interior hashes that are not 32 bytes with INVALID_HASH", () => {
    expect(() => nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(
      expect.objectContaining({ code: "INVALID_HASH" }),
    );
  });
});

describe("MerkleTree", () => {
  it("reproduces the standard roots for every size 0..8", () => {
    const tree = new MerkleTree();
    expect(hex(tree.root())).toBe(STANDARD_ROOTS[0]);
    STANDARD_LEAVES.forEach((leaf, i) => {
      expect(tree.append(leaf)).toBe(i);
      expect(hex(tree.root())).toBe(STANDARD_ROOTS[i + 1]);
    });
    // Historical roots without rebuilding.
    for (const [n, root] of STANDARD_ROOTS.entries()) expect(hex(tree.root(n))).toBe(root);
  });

  it("reproduces published audit paths and consistency proofs of the 8-leaf tree", () => {
    const tree = MerkleTree.fromLeaves(STANDARD_LEAVES);
    expect(tree.inclusionProof(5, 8).map(hex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(tree.inclusionProof(6, 7).map(hex)).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(tree.consistencyProof(6, 8).map(hex)).toEqual([
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
    expect(tree.consistencyProof(4, 8).map(hex)).toEqual([
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(tree.consistencyProof(8, 8)).toEqual([]);
  });

  it("agrees with the naive RFC reference for every size, index and pair of sizes up to 33", () => {
    const leaves = Array.from({ length: 33 }, (_, i) => bytes(i % 7, i));
    const tree = MerkleTree.fromLeaves(leaves);
    for (let n = 0; n <= leaves.length; n++) {
      const d = leaves.slice(0, n);
      expect(hex(tree.root(n))).toBe(hex(refMth(d)));
      for (let m = 0; m < n; m++) expect(tree.inclusionProof(m, n).map(hex)).toEqual(refPath(m, d).map(hex));
      for (let m = 1; m <= n; m++) expect(tree.consistencyProof(m, n).map(hex)).toEqual(refProof(m, d).map(hex));
    }
  });

  it("builds the same tree from leaf hashes as from leaf data", () => {
    const leaves = Array.from({ length: 20 }, (_, i) => bytes(5, i));
    const a = MerkleTree.fromLeaves(leaves);
    const b = MerkleTree.fromLeafHashes(leaves.map(refLeaf));
    expect(hex(b.root())).toBe(hex(a.root()));
    expect(hex(a.leafHashAt(7))).toBe(hex(refLeaf(leaves[7]!)));
  });

  it("keeps growing past many level reallocations and stays consistent", () => {
    const tree = new MerkleTree();
    const leaves: Uint8Array[] = [];
    for (let i = 0; i < 1000; i++) {
      const leaf = bytes(8, i);
      leaves.push(leaf);
      tree.append(leaf);
    }
    expect(hex(tree.root())).toBe(hex(refMth(leaves)));
    expect(hex(tree.root(777))).toBe(hex(refMth(leaves.slice(0, 777))));
  });

  it("returns copies: mutating a returned root or proof does not corrupt the tree", () => {
    const tree = MerkleTree.fromLeaves(STANDARD_LEAVES);
    const root = tree.root(4);
    root.fill(0);
    tree.inclusionProof(0, 8)[0]!.fill(0);
    tree.leafHashAt(0).fill(0);
    expect(hex(tree.root(4))).toBe(STANDARD_ROOTS[4]);
    expect(hex(tree.inclusionProof(0, 8)[0]!)).toBe("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
  });

  it("rejects sizes and indices outside the tree with INDEX_OUT_OF_RANGE", () => {
    const tree = MerkleTree.fromLeaves(STANDARD_LEAVES);
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ProvenanceError);
        return (e as ProvenanceError).code;
      }
      return "no error";
    };
    expect(code(() => tree.root(9))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.root(-1))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.root(1.5))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.inclusionProof(8))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.inclusionProof(3, 3))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.inclusionProof(0, 0))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.consistencyProof(0, 8))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.consistencyProof(5, 4))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.consistencyProof(1, 9))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.leafHashAt(8))).toBe("INDEX_OUT_OF_RANGE");
    expect(code(() => tree.appendLeafHash(new Uint8Array(31)))).toBe("INVALID_HASH");
  });

  it("uses the RFC's split point (largest power of two strictly below n)", () => {
    // For n = 4 the split is 2, not 4: MTH(D[4]) = H(1 || MTH(D[0:2]) || MTH(D[2:4])).
    const d = STANDARD_LEAVES.slice(0, 4);
    const expected = refNode(refNode(refLeaf(d[0]!), refLeaf(d[1]!)), refNode(refLeaf(d[2]!), refLeaf(d[3]!)));
    expect(hex(MerkleTree.fromLeaves(d).root())).toBe(hex(expected));
    expect(unhex(STANDARD_ROOTS[4]!)).toEqual(expected);
  });
});

describe("browser fallback", () => {
  it("computes the same digests with @noble/hashes when node:crypto is absent", async () => {
    const { pickSha256 } = await import("../src/hash.js");
    const pure = pickSha256(undefined);
    for (const len of [0, 1, 55, 64, 1000]) {
      const data = bytes(len, len);
      expect(hex(pure(data))).toBe(hex(sha256(data)));
    }
  });
});
