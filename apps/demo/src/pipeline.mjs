// The end-to-end path that exists today, on embedded defaults. Each package adds its step here as
// it lands (train -> fingerprint -> describe -> sign -> register -> verify -> report).
import {
  buildProvenance,
  diffProvenance,
  LineageLog,
  proveComponent,
  verifyComponentProof,
  verifyLogExtension,
  verifyProvenance,
} from "@modelproof/provenance";

/** The model state the demo starts from (a small support-assistant model). */
export function defaultComponents() {
  return {
    model_weights: {
      format: "tfjs-layers",
      digest: { sha256: "92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4" },
      architecture: { name: "tiny-decoder", total_parameters: 165888 },
    },
    training_config: { epochs: 3, batch_size: 32, learning_rate: 0.001, optimizer: "adam", seed: 42 },
    metrics: { train_loss: 1.92, val_loss: 2.07 },
    data_statistics: { train: { samples: 5400 }, test: { samples: 600 } },
    safety_config: { min_age_rating: "GENERAL", filters: ["violence", "self_harm"] },
    safety_metrics: { passed_checks: 960, failed_checks: 40, total_checks: 1000, content_warnings: 12 },
    system_info: { runtime: `node ${process.version}`, platform: `${process.platform}-${process.arch}` },
  };
}

/**
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ steps: { name: string, ok: boolean, detail: string }[] }>}
 */
export async function runPipeline({ log = () => {} } = {}) {
  const steps = [];
  const step = (name, ok, detail) => {
    steps.push({ name, ok, detail });
    log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
    if (!ok) throw new Error(`demo step failed: ${name}: ${detail}`);
  };

  // 1. Record provenance of the base model.
  const base = buildProvenance(defaultComponents(), { version: "base-1.0", createdAt: "2026-11-01T00:00:00Z" });
  step("provenance", true, `${base.treeSize} components, root ${base.root.slice(0, 16)}…`);

  // 2. Verify the same state, then a tampered one.
  const same = verifyProvenance(base, defaultComponents());
  step("verify unchanged model", same.ok, `${same.matched.length} components match`);
  const tampered = defaultComponents();
  tampered.safety_metrics = { ...tampered.safety_metrics, passed_checks: 999, failed_checks: 1 };
  const bad = verifyProvenance(base, tampered);
  step(
    "detect tampering",
    !bad.ok && bad.changed[0]?.name === "safety_metrics",
    `changed: ${bad.changed.map((c) => c.name).join(", ")}`,
  );

  // 3. Prove the safety metrics to an auditor without revealing the other components.
  const proof = proveComponent(base, "safety_metrics", { includeValue: true });
  const proven = verifyComponentProof(proof, { root: base.root, treeSize: base.treeSize });
  step("component proof", proven.valueChecked, `safety_metrics proven with ${proof.proof.length} sibling hashes`);

  // 4. Fine-tune: a new version in the lineage log, and what changed.
  const tunedComponents = defaultComponents();
  tunedComponents.metrics = { train_loss: 1.71, val_loss: 2.01 };
  tunedComponents.model_weights = { ...tunedComponents.model_weights, digest: { sha256: "ab".repeat(32) } };
  const tuned = buildProvenance(tunedComponents, {
    version: "ft-1",
    parent: { root: base.root, version: "base-1.0", relation: "fine-tune" },
  });
  const lineage = new LineageLog();
  lineage.appendRecord(base);
  const before = lineage.checkpoint();
  lineage.appendRecord(tuned, { parent: "base-1.0", relation: "fine-tune" });
  const diff = diffProvenance(base, tuned);
  step(
    "lineage diff",
    diff.changed.length === 2,
    `ft-1 vs base-1.0 changed: ${diff.changed.map((c) => c.name).join(", ")}`,
  );
  verifyLogExtension(before, lineage.checkpoint(), lineage.consistencyProof(before.size));
  step(
    "lineage consistency",
    true,
    `log grew from ${before.size} to ${lineage.size} versions without rewriting history`,
  );

  return { steps };
}
