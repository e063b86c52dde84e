import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../src/backend.js";
import { createRng } from "../src/rng.js";
import type { ProgressEvent } from "../src/train-loop.js";
import { makeTriggerSet, verifyClassifierWatermark, watermarkClassifier } from "../src/watermark.js";

/** Three Gaussian blobs in 8 dimensions. */
function blobs(n: number, seed: number): { xs: tf.Tensor2D; ys: tf.Tensor1D } {
  const rng = createRng(seed);
  const x = new Float32Array(n * 8);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    for (let j = 0; j < 8; j++) x[i * 8 + j] = (j % 3 === c ? 2 : 0) + rng.normal() * 0.5;
  }
  return { xs: tf.tensor2d(x, [n, 8]), ys: tf.tensor1d(y, "int32") };
}

async function trainedClassifier(activation: "softmax" | "linear"): Promise<tfl.LayersModel> {
  const m = tfl.sequential({
    layers: [
      tfl.layers.dense({
        inputShape: [8],
        units: 32,
        activation: "relu",
        kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }),
      }),
      tfl.layers.dense({ units: 3, activation, kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  m.compile({ optimizer: tf.train.adam(0.01), loss: "sparseCategoricalCrossentropy" });
  const { xs, ys } = blobs(300, 1);
  if (activation === "softmax") await m.fit(xs, tf.cast(ys, "float32"), { epochs: 20, batchSize: 32, verbose: 0 });
  return m;
}

describe("trigger-set watermarking (Adi et al. 2018)", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });

  it("embeds a trigger set into a copy and keeps clean accuracy", async () => {
    const base = await trainedClassifier("softmax");
    const train = blobs(300, 2);
    const test = blobs(150, 3);
    const events: ProgressEvent[] = [];
    const { model, triggerSet, report } = await watermarkClassifier(base, train, {
      triggers: 24,
      epochs: 30,
      learningRate: 0.01,
      testData: test,
      seed: 7,
      onProgress: (e) => events.push(e),
    });
    expect(model).not.toBe(base);
    expect(report.cleanAccuracyBefore).toBeGreaterThan(0.9);
    expect(report.triggerAccuracyBefore).toBeLessThan(0.7);
    expect(report.triggerAccuracyAfter).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(report.cleanAccuracyChange)).toBeLessThanOrEqual(0.05);
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)!.phase).toBe("watermark-classifier");

    const proof = await verifyClassifierWatermark(model, triggerSet);
    expect(proof.verified).toBe(true);
    expect(proof.pValue).toBeLessThan(1e-6);
    const innocent = await verifyClassifierWatermark(base, triggerSet);
    expect(innocent.verified).toBe(false);
  });

  it("works on a logits (linear) output and draws reproducible trigger sets", async () => {
    const base = await trainedClassifier("linear");
    const { report } = await watermarkClassifier(base, blobs(150, 4), { triggers: 12, epochs: 30, learningRate: 0.01 });
    expect(report.triggerAccuracyAfter).toBeGreaterThanOrEqual(0.9);
    const like = tf.zeros([2, 5]);
    expect(makeTriggerSet(like, 3, 5, 1)).toEqual(makeTriggerSet(like, 3, 5, 1));
  });

  it("rejects models it cannot watermark", async () => {
    const sigmoid = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [8], units: 3, activation: "sigmoid" })],
    });
    await expect(watermarkClassifier(sigmoid, blobs(10, 1))).rejects.toMatchObject({ code: "UNSUPPORTED_MODEL" });
    const scalar = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [8], units: 1 })] });
    await expect(watermarkClassifier(scalar, blobs(10, 1))).rejects.toMatchObject({ code: "UNSUPPORTED_MODEL" });
    const ok = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [8], units: 3, activation: "softmax" })] });
    await expect(watermarkClassifier(ok, { xs: tf.zeros([4, 8]), ys: tf.zeros([3]) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
