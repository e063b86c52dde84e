import { describe, expect, it } from "vitest";
import { buildProvenance, type ProvenanceError, proveComponent, verifyComponentProof } from "../src/index.js";
import { sampleComponents } from "./helpers/sample.js";

const code = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    return (e as ProvenanceError).code;
  }
};

describe("component proofs", () => {
  const record = buildProvenance(sampleComponents(), { version: "1" });

  it("prove one component against the root, for every component", () => {
    for (const c of record.components) {
      const proof = proveComponent(record, c.name);
      expect(JSON.parse(JSON.stringify(proof))).toEqual(proof); // plain JSON
      const got = verifyComponentProof(proof, {
        root: record.root,
        treeSize: record.treeSize,
        value: sampleComponents()[c.name],
      });
      expect(got).toEqual({ name: c.name, encoding: "json", digest: c.digest, valueChecked: true });
    }
  });

  it("disclose nothing about the other components but sibling hashes", () => {
    const proof = proveComponent(record, "safety_metrics");
    const text = JSON.stringify(proof);
    expect(text).not.toContain("passedChecks");
    expect(text).not.toContain("learning_rate");
    for (const other of record.components.filter((c) => c.name !== "safety_metrics"))
      expect(text).not.toContain(other.digest);
    const disclosed = proveComponent(record, "safety_metrics", { includeValue: true });
    expect(disclosed.value).toEqual(sampleComponents().safety_metrics);
    expect(verifyComponentProof(disclosed, { root: record.root }).valueChecked).toBe(true);
  });

  it("fail closed on a wrong root, size, value, name or tampered proof", () => {
    const proof = proveComponent(record, "safety_metrics");
    const other = buildProvenance({ ...sampleComponents(), metrics: { loss: 9 } });
    expect(code(() => verifyComponentProof(proof, { root: other.root }))).toBe("INCLUSION_PROOF_INVALID");
    expect(code(() => verifyComponentProof(proof, { root: record.root, treeSize: 11 }))).toBe(
      "INCLUSION_PROOF_INVALID",
    );
    expect(code(() => verifyComponentProof(proof, { root: record.root, value: { passedChecks: 1000 } }))).toBe(
      "HASH_MISMATCH",
    );
    expect(code(() => verifyComponentProof({ ...proof, name: "metrics" }, { root: record.root }))).toBe(
      "INCLUSION_PROOF_INVALID",
    );
    expect(code(() => verifyComponentProof({ ...proof, leafIndex: 4 }, { root: record.root }))).toBe(
      "INCLUSION_PROOF_INVALID",
    );
    const tampered = {
      ...proof,
      proof: proof.proof.map((h, i) => (i === 0 ? `${h[0] === "0" ? "1" : "0"}${h.slice(1)}` : h)),
    };
    expect(code(() => verifyComponentProof(tampered, { root: record.root }))).toBe("INCLUSION_PROOF_INVALID");
    expect(code(() => verifyComponentProof({ ...proof, value: { forged: true } }, { root: record.root }))).toBe(
      "HASH_MISMATCH",
    );
    expect(code(() => verifyComponentProof({ ...proof, proof: proof.proof.slice(1) }, { root: record.root }))).toBe(
      "INVALID_PROOF_LENGTH",
    );
  });

  it("reject malformed proofs with CORRUPTED_DATA", () => {
    const proof = proveComponent(record, "metrics");
    for (const bad of [
      null,
      [],
      { ...proof, type: "x" },
      { ...proof, digest: "ab" },
      { ...proof, extra: 1 },
      { ...proof, leafIndex: -1 },
      { ...proof, proof: ["zz"] },
    ]) {
      expect(code(() => verifyComponentProof(bad, { root: record.root }))).toBe("CORRUPTED_DATA");
    }
    expect(code(() => verifyComponentProof({ ...proof, name: "weights" }, { root: record.root }))).toBe(
      "UNKNOWN_COMPONENT",
    );
    expect(code(() => verifyComponentProof(proof, { root: "abc" }))).toBe("INVALID_HASH");
    expect(code(() => proveComponent(buildProvenance({ metrics: { a: 1 } }), "model_card"))).toBe("MISSING_COMPONENT");
  });

  it("work with salted records", () => {
    const salted = buildProvenance(sampleComponents(), { salt: true });
    const proof = proveComponent(salted, "training_config");
    expect(proof.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(
      verifyComponentProof(proof, { root: salted.root, value: sampleComponents().training_config }).valueChecked,
    ).toBe(true);
    expect(code(() => verifyComponentProof({ ...proof, salt: "0".repeat(64) }, { root: salted.root }))).toBe(
      "INCLUSION_PROOF_INVALID",
    );
  });
});
