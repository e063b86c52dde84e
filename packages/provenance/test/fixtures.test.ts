// Interop with vectors nobody here wrote: transparency-dev/merkle's 196 RFC 6962 proof vectors, and
// real Rekor (Sigstore transparency log) inclusion proofs from model_signing's signed fixtures.
// These read ../shared/fixtures and skip, with a printed reason, when it is absent.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fixture } from "@modelproof/tooling/fixtures";
import { describe, expect, it } from "vitest";
import { fromBase64, leafHash, ProvenanceError, verifyConsistency, verifyInclusion } from "../src/index.js";

const merkle = fixture("merkle/testdata");
const transparency = fixture("model-transparency/scripts/tests");
const conformance = fixture("sigstore-conformance/test/assets/bundle-verify");

interface Vector {
  file: string;
  data: Record<string, unknown>;
}

function vectors(kind: "inclusion" | "consistency"): Vector[] {
  const dir = join(merkle.path, kind);
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ file: `${kind}/${f}`, data: JSON.parse(readFileSync(join(dir, f), "utf8")) }));
}

const b64 = (v: unknown) => (typeof v === "string" ? fromBase64(v) : new Uint8Array());
const proofOf = (v: unknown) => (Array.isArray(v) ? v.map(b64) : []);

function outcome(f: () => void): "ok" | "error" {
  try {
    f();
    return "ok";
  } catch (e) {
    // Every failure must be our coded error, never a stray exception from deep inside.
    expect(e).toBeInstanceOf(ProvenanceError);
    return "error";
  }
}

describe.skipIf(merkle.skip)("transparency-dev/merkle vectors", () => {
  it("inclusion: every happy path verifies and every mutated proof fails", () => {
    const all = vectors("inclusion");
    expect(all.length).toBeGreaterThan(50);
    for (const { file, data } of all) {
      const got = outcome(() =>
        verifyInclusion(
          Number(data.leafIdx),
          Number(data.treeSize),
          b64(data.leafHash),
          proofOf(data.proof),
          b64(data.root),
        ),
      );
      expect(`${file}: ${got}`).toBe(`${file}: ${data.wantErr ? "error" : "ok"}`);
    }
  });

  it("consistency: every happy path verifies and every mutated proof fails", () => {
    const all = vectors("consistency");
    expect(all.length).toBeGreaterThan(50);
    for (const { file, data } of all) {
      const got = outcome(() =>
        verifyConsistency(
          Number(data.size1),
          Number(data.size2),
          proofOf(data.proof),
          b64(data.root1),
          b64(data.root2),
        ),
      );
      expect(`${file}: ${got}`).toBe(`${file}: ${data.wantErr ? "error" : "ok"}`);
    }
  });
});

describe.skipIf(transparency.skip)("Rekor inclusion proofs in model_signing's sigstore fixtures", () => {
  const dirs = transparency.present ? readdirSync(transparency.path).filter((d) => d.endsWith("-sigstore")) : [];

  it.each(dirs)("%s: the log entry is included in the signed tree head", (dir) => {
    const bundle = JSON.parse(readFileSync(join(transparency.path, dir, "model.sig"), "utf8"));
    const entry = bundle.verificationMaterial.tlogEntries[0];
    const p = entry.inclusionProof;
    const leaf = leafHash(fromBase64(entry.canonicalizedBody));
    const args = [
      Number(p.logIndex),
      Number(p.treeSize),
      leaf,
      p.hashes.map(fromBase64),
      fromBase64(p.rootHash),
    ] as const;
    expect(outcome(() => verifyInclusion(...args))).toBe("ok");
    // One flipped bit in the body must break it.
    const body = fromBase64(entry.canonicalizedBody);
    body[10]! ^= 1;
    expect(outcome(() => verifyInclusion(args[0], args[1], leafHash(body), args[3], args[4]))).toBe("error");
  });
});

describe.skipIf(conformance.skip)("sigstore-conformance Rekor proofs", () => {
  const load = (name: string) =>
    JSON.parse(readFileSync(join(conformance.path, name, "bundle.sigstore.json"), "utf8")).verificationMaterial
      .tlogEntries[0];

  it.each([
    ["rekor2-dsse-happy-path", "ok"],
    ["managed-key-happy-path", "ok"],
    ["inclusion-proof-corrupted-hash_fail", "error"],
  ])("%s -> %s", (name, want) => {
    const entry = load(name);
    const p = entry.inclusionProof;
    const got = outcome(() =>
      verifyInclusion(
        Number(p.logIndex),
        Number(p.treeSize),
        leafHash(fromBase64(entry.canonicalizedBody)),
        p.hashes.map(fromBase64),
        fromBase64(p.rootHash),
      ),
    );
    expect(got).toBe(want);
  });
});
