// Merkle tree benchmarks, as ratios against raw node:crypto SHA-256 loops over the same number of
// calls on inputs of the same sizes, measured in the same run. Run: pnpm --filter @modelproof/provenance bench
import { createHash, hash as nodeHash, randomBytes } from "node:crypto";
import { machineInfo, measure, report } from "@modelproof/tooling/bench";
import { MerkleTree, verifyInclusion } from "../dist/index.js";

const LEAVES = Number(process.env.BENCH_LEAVES ?? 1_000_000);
const PROOFS = 10_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

console.log(`machine: ${machineInfo()}`);
console.log(
  `tree of ${LEAVES.toLocaleString("en")} leaves of 32 bytes; ${PROOFS.toLocaleString("en")} inclusion proofs`,
);

const pool = new Uint8Array(randomBytes(LEAVES * 32));
const leaves = Array.from({ length: LEAVES }, (_, i) => pool.subarray(i * 32, i * 32 + 32));

// Reference: LEAVES calls on 33-byte inputs (0x00 || leaf) plus LEAVES - 1 calls on 65-byte inputs.
const leafInput = new Uint8Array(33);
const nodeInput = new Uint8Array(65);
function rawOneShot() {
  for (let i = 0; i < LEAVES; i++) {
    leafInput.set(leaves[i], 1);
    nodeHash("sha256", leafInput, "buffer");
  }
  for (let i = 0; i < LEAVES - 1; i++) nodeHash("sha256", nodeInput, "buffer");
}
function rawCreateHash() {
  for (let i = 0; i < LEAVES; i++) createHash("sha256").update(leafInput).digest();
  for (let i = 0; i < LEAVES - 1; i++) createHash("sha256").update(nodeInput).digest();
}

const refMs = await measure(rawOneShot, { rounds });
const createHashMs = await measure(rawCreateHash, { rounds: 1 });
let tree;
const buildMs = await measure(
  () => {
    tree = MerkleTree.fromLeaves(leaves);
  },
  { rounds },
);
const build = report(
  `build a tree of ${LEAVES.toLocaleString("en")} leaves`,
  { name: "raw crypto.hash loop, same call count", ms: refMs },
  [
    { name: "raw createHash().update().digest() loop (context)", ms: createHashMs },
    { name: "MerkleTree.fromLeaves", ms: buildMs, goal: 1.3 },
  ],
);

// Proofs: generation needs no re-hashing except the ragged right edge; verification hashes one
// node per proof element. Reference: the same number of raw 65-byte hashes.
const indices = Array.from({ length: PROOFS }, (_, i) => Math.floor((i * 7919 * 104729) % LEAVES));
const root = tree.root();
let proofs = [];
const genMs = await measure(
  () => {
    proofs = indices.map((i) => tree.inclusionProof(i));
  },
  { rounds },
);
const leafHashes = indices.map((i) => tree.leafHashAt(i));
const verifyMs = await measure(
  () => {
    for (let k = 0; k < PROOFS; k++) verifyInclusion(indices[k], LEAVES, leafHashes[k], proofs[k], root);
  },
  { rounds },
);
const totalHashes = proofs.reduce((n, p) => n + p.length, 0);
const proofRefMs = await measure(
  () => {
    for (let i = 0; i < totalHashes; i++) nodeHash("sha256", nodeInput, "buffer");
  },
  { rounds },
);
const proofRows = report(
  `${PROOFS.toLocaleString("en")} inclusion proofs (${totalHashes.toLocaleString("en")} proof hashes)`,
  { name: "raw crypto.hash loop, one call per proof hash", ms: proofRefMs },
  [
    { name: "generate (MerkleTree.inclusionProof)", ms: genMs },
    { name: "verify (verifyInclusion)", ms: verifyMs },
    { name: "generate + verify", ms: genMs + verifyMs },
  ],
);

// Generation must not scale with the tree: compare per-proof cost at 1/16 of the size.
const small = MerkleTree.fromLeaves(leaves.slice(0, LEAVES >> 4));
const smallIdx = indices.map((i) => i % small.size);
const smallGenMs = await measure(() => smallIdx.map((i) => small.inclusionProof(i)), { rounds });
console.log(
  `\nproof generation, ${LEAVES.toLocaleString("en")} vs ${small.size.toLocaleString("en")} leaves: ${(genMs / smallGenMs).toFixed(2)}x the time ` +
    `for a 16x larger tree (log2 ratio ${(Math.log2(LEAVES) / Math.log2(small.size)).toFixed(2)}: O(log n), no re-hashing)`,
);
console.log(JSON.stringify({ machine: machineInfo(), build, proofs: proofRows }));
