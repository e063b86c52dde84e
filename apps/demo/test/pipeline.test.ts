import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { runPipeline } from "../src/pipeline.mjs";

const outDir = mkdtempSync(join(tmpdir(), "modelproof-demo-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

interface Step {
  name: string;
  ok: boolean;
  detail: string;
}

describe("demo pipeline", () => {
  // The tiny profile trains a real (1-layer, d_model 32) model for a few steps: every signing,
  // provenance, card and verification check runs for real; fingerprint and feedback-link quality
  // are only measured (a model trained for seconds cannot answer them).
  it("runs every step end to end on the tiny profile and every check passes", async () => {
    const lines: string[] = [];
    const cacheDir = join(outDir, "cache", "tiny");
    const result = await runPipeline({ outDir, profile: "tiny", cacheDir, log: (l: string) => lines.push(l) });
    const steps: Step[] = result.steps;
    expect(result.profile).toBe("tiny");
    expect(steps.every((s) => s.ok)).toBe(true);
    expect(steps.map((s) => s.name)).toEqual([
      "base model",
      "fingerprints",
      "fingerprint embedding",
      "feedback link embedding",
      "saved model",
      "io signature",
      "safety gate",
      "oms signature",
      "provenance",
      "model card",
      "provenance attestation",
      "tamper detection",
      "component proof",
      "fingerprint check",
      "control model",
      "feedback link",
      "run time",
      "lineage",
    ]);
    expect(lines).toHaveLength(steps.length);
    const detail = (name: string) => steps.find((s) => s.name === name)?.detail ?? "";
    expect(detail("tamper detection")).toMatch(/MODEL_MISMATCH \(changed group1-shard1of1\.bin\)/);
    expect(detail("fingerprint check")).toMatch(/measured only/);

    // The signed directory holds the real saved model: model.json + weight shard(s).
    const modelDir = join(outDir, "support-tiny");
    const files = readdirSync(modelDir).sort();
    expect(files).toEqual(expect.arrayContaining(["model.json", "model.sig", "group1-shard1of1.bin", "README.md"]));
    const modelJson = JSON.parse(readFileSync(join(modelDir, "model.json"), "utf8"));
    expect(modelJson.format).toBe("modelproof-causal-lm");
    expect(modelJson.modelTopology.config).toMatchObject({ dModel: 32, nLayers: 1 });

    // Provenance and card carry the real model's numbers.
    const record = JSON.parse(readFileSync(join(outDir, "provenance.json"), "utf8"));
    const component = (name: string) =>
      record.components.find((c: { name: string; value?: unknown }) => c.name === name)?.value;
    expect(component("model_weights").architecture.total_parameters).toBe(result.measured.parameters);
    expect(component("model_weights").files.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(["model.json", "group1-shard1of1.bin"]),
    );
    expect(component("data_statistics").train.samples).toBeGreaterThan(300);
    const m = result.measured;
    for (const rate of [
      m.fingerprint_success_rate,
      m.fingerprint_check_success_rate,
      m.control_success_rate,
      m.feedback_recall,
      m.feedback_false_positive_rate,
    ]) {
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    expect(m.base_held_out_perplexity).toBeGreaterThan(1);
    expect(m.base_reused).toBe(false);
    expect(existsSync(join(cacheDir, "model.json"))).toBe(true);
    expect(readdirSync(outDir).sort()).toEqual(
      expect.arrayContaining([
        "bom.cdx.json",
        "card.html",
        "model.spdx.json",
        "provenance.json",
        "provenance.sigstore.json",
        "fingerprints.store.json",
      ]),
    );
  }, 120_000);

  it("reuses the cached base model on the next run", async () => {
    const cacheDir = join(outDir, "cache", "tiny");
    const lines: string[] = [];
    const result = await runPipeline({ outDir, profile: "tiny", cacheDir, log: (l: string) => lines.push(l) });
    expect(result.measured.base_reused).toBe(true);
    expect(lines[0]).toMatch(/reused from/);
  }, 120_000);
});
