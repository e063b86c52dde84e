import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { useBackend } from "../src/backend.js";
import type { ModelConfig } from "../src/model/config.js";
import { ParamStore } from "../src/model/params.js";
import { runBatch, type TokenBatch } from "../src/model/transformer.js";
import { maxAbsDiff } from "./helpers.js";

const CONFIG: ModelConfig = {
  vocabSize: 37,
  contextLength: 9,
  dModel: 16,
  nHeads: 2,
  nLayers: 2,
  dFF: 24,
  layerNormEps: 1e-5,
};

function batch(masked: boolean): TokenBatch {
  const b = 3;
  const s = 7;
  const ids = Int32Array.from({ length: b * s }, (_, i) => (i * 11 + 3) % CONFIG.vocabSize);
  const targets = Int32Array.from({ length: b * s }, (_, i) =>
    masked && (i % s < 3 || i % 5 === 0) ? -1 : (i * 7 + 1) % CONFIG.vocabSize,
  );
  return { batch: b, seqLen: s, ids, targets };
}

/** The same model written the plain way with tfjs ops (logits of every position). */
function referenceLogits(p: Record<string, tf.Tensor>, c: ModelConfig, bt: TokenBatch): tf.Tensor {
  const { batch: b, seqLen: s } = bt;
  const d = c.dModel;
  const h = c.nHeads;
  const dh = d / h;
  const ln = (x: tf.Tensor, g: tf.Tensor, bb: tf.Tensor): tf.Tensor => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, c.layerNormEps))), g), bb);
  };
  const gelu = (x: tf.Tensor): tf.Tensor =>
    tf.mul(
      tf.mul(x, 0.5),
      tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))),
    );
  const mask = tf.sub(tf.linalg.bandPart(tf.ones([s, s]), -1, 0), 1);
  const idsT = tf.tensor1d(bt.ids, "int32");
  let x = tf.add(tf.gather(p.wte!, idsT), tf.tile(tf.slice(p.wpe!, [0, 0], [s, d]), [b, 1]));
  for (let l = 0; l < c.nLayers; l++) {
    const q = (n: string): tf.Tensor => p[`h${l}.${n}`]!;
    const qkv = tf.add(tf.matMul(ln(x, q("ln1.g"), q("ln1.b")), q("attn.wqkv")), q("attn.bqkv"));
    const [qq, kk, vv] = tf.split(qkv, 3, 1).map((t) => tf.transpose(tf.reshape(t, [b, s, h, dh]), [0, 2, 1, 3])) as [
      tf.Tensor,
      tf.Tensor,
      tf.Tensor,
    ];
    const att = tf.softmax(tf.add(tf.mul(tf.matMul(qq, kk, false, true), 1 / Math.sqrt(dh)), tf.mul(mask, 1e9)));
    const ctx = tf.reshape(tf.transpose(tf.matMul(att, vv), [0, 2, 1, 3]), [b * s, d]);
    x = tf.add(x, tf.add(tf.matMul(ctx, q("attn.wo")), q("attn.bo")));
    const m = gelu(tf.add(tf.matMul(ln(x, q("ln2.g"), q("ln2.b")), q("mlp.w1")), q("mlp.b1")));
    x = tf.add(x, tf.add(tf.matMul(m, q("mlp.w2")), q("mlp.b2")));
  }
  return tf.matMul(ln(x, p["lnf.g"]!, p["lnf.b"]!), p.wte!, false, true);
}

/** Mean cross-entropy of the plain formulation, differentiated by tfjs autodiff. */
function referenceLoss(p: Record<string, tf.Tensor>, c: ModelConfig, bt: TokenBatch): tf.Scalar {
  const logits = referenceLogits(p, c, bt);
  const t = tf.tensor1d(bt.targets, "int32");
  const valid = tf.cast(tf.greaterEqual(t, 0), "float32");
  const oneHot = tf.oneHot(tf.where(tf.greaterEqual(t, 0), t, tf.zerosLike(t)), c.vocabSize);
  const nll = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), oneHot), 1));
  return tf.div(tf.sum(tf.mul(nll, valid)), tf.sum(valid)) as tf.Scalar;
}

function explicitGrads(store: ParamStore, bt: TokenBatch): { loss: number; grads: Map<string, Float32Array> } {
  const r = runBatch(store, CONFIG, bt, true);
  const grads = new Map<string, Float32Array>();
  for (const [name, g] of r.grads!) {
    grads.set(name, Float32Array.from(g.dataSync()));
    g.dispose();
  }
  return { loss: r.nllSum / r.count, grads };
}

describe("explicit backward pass", () => {
  for (const masked of [false, true]) {
    it(`matches tfjs autodiff of the plain formulation (${masked ? "response-only loss" : "every target"})`, async () => {
      await useBackend("cpu");
      const store = new ParamStore(CONFIG);
      store.initialise(7);
      // larger-than-default weights so every path carries signal
      for (let i = 0; i < store.values.length; i++) store.values[i]! *= 5;
      store.invalidate();
      const bt = batch(masked);
      const mine = explicitGrads(store, bt);
      const names = store.specs.map((s) => s.name);
      const vars = names.map((n) => tf.tensor(store.view(n), store.spec(n).shape));
      const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) =>
        referenceLoss(Object.fromEntries(names.map((n, i) => [n, ts[i]!])), CONFIG, bt),
      )(vars);
      expect(mine.loss).toBeCloseTo(value.dataSync()[0]!, 5);
      names.forEach((n, i) => {
        const ref = grads[i]!.dataSync();
        const scale = Math.max(1e-3, ...Array.from(ref, Math.abs));
        expect(maxAbsDiff(mine.grads.get(n)!, ref) / scale, n).toBeLessThan(2e-4);
      });
      tf.dispose([...vars, ...grads, value]);
      store.dispose();
    });
  }

  it("weights targets and follows soft (distillation) targets like the plain formulation", async () => {
    await useBackend("cpu");
    const store = new ParamStore(CONFIG);
    store.initialise(9);
    const bt = batch(true);
    const v = CONFIG.vocabSize;
    const weights = Float32Array.from({ length: bt.targets.length }, (_, i) => 1 + (i % 3));
    const soft = new Map<number, Float32Array>();
    const targets = Int32Array.from(bt.targets);
    for (let i = 0; i < targets.length; i += 4) {
      if (targets[i]! < 0) continue;
      targets[i] = -2;
      const q = Float32Array.from({ length: v }, (_, j) => Math.exp(Math.sin(i + j)));
      const z = q.reduce((a, b) => a + b, 0);
      soft.set(
        i,
        q.map((x) => x / z),
      );
    }
    const weighted = { ...bt, targets, weights, softTargets: soft };
    const r = runBatch(store, CONFIG, weighted, true);
    const names = store.specs.map((s) => s.name);
    const vars = names.map((n) => tf.tensor(store.view(n), store.spec(n).shape));
    // reference: hard rows as one-hot targets, soft rows as their distributions, weighted mean
    const { grads } = tf.valueAndGrads((...ts: tf.Tensor[]) => {
      const p = Object.fromEntries(names.map((n, i) => [n, ts[i]!]));
      const plain = { ...bt, targets: Int32Array.from(targets, (t) => Math.max(t, 0)) };
      const logits = referenceLogits(p, CONFIG, plain);
      const qs = Array.from(targets, (t, i) =>
        t >= 0 ? Float32Array.from({ length: v }, (_, j) => (j === t ? 1 : 0)) : (soft.get(i) ?? new Float32Array(v)),
      );
      const q = tf.tensor2d(
        qs.flatMap((x) => Array.from(x)),
        [targets.length, v],
      );
      const w = tf.tensor1d(Array.from(targets, (t, i) => (t >= 0 || t === -2 ? weights[i]! : 0)));
      const nll = tf.neg(tf.sum(tf.mul(tf.logSoftmax(logits), q), 1));
      return tf.div(tf.sum(tf.mul(nll, w)), tf.sum(w)) as tf.Scalar;
    })(vars);
    names.forEach((n, i) => {
      const ref = grads[i]!.dataSync();
      const scale = Math.max(1e-3, ...Array.from(ref, Math.abs));
      const mine = r.grads!.get(n)!.dataSync();
      expect(maxAbsDiff(mine, ref) / scale, n).toBeLessThan(2e-4);
    });
    tf.dispose([...vars, ...grads, ...r.grads!.values()]);
    store.dispose();
  });

  it("gives the same loss and gradients on wasm and cpu", async () => {
    const bt = batch(true);
    const results: { loss: number; grads: Map<string, Float32Array> }[] = [];
    for (const backend of ["cpu", "wasm"] as const) {
      await useBackend(backend);
      const store = new ParamStore(CONFIG);
      store.initialise(3);
      results.push(explicitGrads(store, bt));
      store.dispose();
    }
    const [cpu, wasm] = results as [(typeof results)[0], (typeof results)[0]];
    expect(Math.abs(cpu.loss - wasm.loss)).toBeLessThan(1e-5);
    for (const [name, g] of cpu.grads) {
      const scale = Math.max(1e-4, ...Array.from(g, Math.abs));
      expect(maxAbsDiff(g, wasm.grads.get(name)!) / scale, name).toBeLessThan(1e-3);
    }
  });

  it("skips work for batches without counted targets and leaks no tensors", async () => {
    await useBackend("wasm");
    const store = new ParamStore(CONFIG);
    store.initialise(1);
    const bt = batch(true);
    const warm = runBatch(store, CONFIG, bt, true);
    for (const g of warm.grads!.values()) g.dispose();
    const before = tf.memory().numTensors; // parameter mirrors only
    const r = runBatch(store, CONFIG, bt, true);
    expect(r.grads!.size).toBe(store.specs.length);
    for (const g of r.grads!.values()) g.dispose();
    const none = runBatch(store, CONFIG, { ...bt, targets: new Int32Array(bt.targets.length).fill(-1) }, true);
    expect(none.count).toBe(0);
    expect(none.grads).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
    store.dispose();
  });
});
