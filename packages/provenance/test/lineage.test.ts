import { describe, expect, it } from "vitest";
import {
  buildProvenance,
  LineageLog,
  type ProvenanceError,
  verifyLineageInclusion,
  verifyLogExtension,
} from "../src/index.js";
import { sampleComponents } from "./helpers/sample.js";

const code = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    return (e as ProvenanceError).code;
  }
};

function history() {
  const base = buildProvenance(sampleComponents(), { version: "base-1.0", createdAt: "2026-11-01T00:00:00Z" });
  const ft = sampleComponents();
  ft.metrics = { train_loss: 1.1 };
  ft.fingerprint_commitment = { root: "ab".repeat(32), count: 64 };
  const tuned = buildProvenance(ft, {
    version: "ft-1",
    parent: { root: base.root, version: "base-1.0", relation: "fine-tune" },
  });
  const q = { ...ft, model_weights: { digest: { sha256: "cd".repeat(32) }, format: "int8" } };
  const quantized = buildProvenance(q, { version: "ft-1-int8" });
  const log = new LineageLog();
  log.appendRecord(base);
  log.appendRecord(tuned, { parent: "base-1.0", relation: "fine-tune" });
  log.appendRecord(quantized, { parent: "ft-1", relation: "quantization" });
  return { log, base, tuned, quantized };
}

describe("LineageLog", () => {
  it("walks the parent chain and diffs versions", () => {
    const { log } = history();
    expect(log.parentChain("ft-1-int8").map((e) => [e.version, e.relation])).toEqual([
      ["ft-1-int8", "quantization"],
      ["ft-1", "fine-tune"],
      ["base-1.0", undefined],
    ]);
    expect(log.diff("base-1.0", "ft-1").changed.map((c) => c.name)).toEqual(["metrics", "fingerprint_commitment"]);
    expect(log.diff("ft-1", "ft-1-int8").changed.map((c) => c.name)).toEqual(["model_weights"]);
  });

  it("proves inclusion of a version at a checkpoint", () => {
    const { log } = history();
    const checkpoint = log.checkpoint();
    const proof = log.inclusionProof("ft-1");
    expect(code(() => verifyLineageInclusion(log.entry("ft-1"), proof, checkpoint))).toBe("OK");
    const forged = { ...log.entry("ft-1"), root: "ee".repeat(32) };
    expect(code(() => verifyLineageInclusion(forged, proof, checkpoint))).toBe("INCLUSION_PROOF_INVALID");
  });

  it("proves that a later log only extends an earlier one", () => {
    const { log } = history();
    const old = log.checkpoint(1);
    const proof = log.consistencyProof(1);
    expect(code(() => verifyLogExtension(old, log.checkpoint(), proof))).toBe("OK");

    // A rewritten history (different base) does not extend the old checkpoint.
    const rewritten = new LineageLog();
    rewritten.append({ version: "base-1.0", root: "11".repeat(32) });
    rewritten.append({ version: "ft-1", root: "22".repeat(32), parent: "base-1.0" });
    expect(code(() => verifyLogExtension(old, rewritten.checkpoint(), rewritten.consistencyProof(1)))).toBe(
      "CONSISTENCY_PROOF_INVALID",
    );
  });

  it("round-trips through JSON and re-checks everything on load", () => {
    const { log } = history();
    const json = JSON.parse(JSON.stringify(log.toJSON()));
    const back = LineageLog.fromJSON(json);
    expect(back.checkpoint()).toEqual(log.checkpoint());
    expect(back.diff("base-1.0", "ft-1")).toEqual(log.diff("base-1.0", "ft-1"));

    const tampered = structuredClone(json);
    tampered.entries[1].root = "00".repeat(32);
    expect(code(() => LineageLog.fromJSON(tampered))).toBe("CORRUPTED_DATA");
    const orphan = structuredClone(json);
    orphan.entries.splice(0, 1);
    expect(code(() => LineageLog.fromJSON(orphan))).toBe("LINEAGE_ERROR");
    expect(code(() => LineageLog.fromJSON({ type: "nope" }))).toBe("CORRUPTED_DATA");
  });

  it("enforces unique versions, known parents and well-formed entries", () => {
    const log = new LineageLog();
    log.append({ version: "a", root: "aa".repeat(32) });
    expect(code(() => log.append({ version: "a", root: "bb".repeat(32) }))).toBe("LINEAGE_ERROR");
    expect(code(() => log.append({ version: "b", root: "bb".repeat(32), parent: "zz" }))).toBe("LINEAGE_ERROR");
    expect(code(() => log.append({ version: "", root: "bb".repeat(32) }))).toBe("CORRUPTED_DATA");
    expect(code(() => log.append({ version: "c", root: "BB".repeat(32) }))).toBe("CORRUPTED_DATA");
    expect(code(() => log.append({ version: "c", root: "bb".repeat(32), extra: 1 } as never))).toBe("CORRUPTED_DATA");
    expect(code(() => log.entry("missing"))).toBe("LINEAGE_ERROR");
    expect(code(() => log.diff("a", "a"))).toBe("LINEAGE_ERROR");
    expect(code(() => log.appendRecord(buildProvenance({ metrics: { a: 1 } })))).toBe("LINEAGE_ERROR");
  });
});
