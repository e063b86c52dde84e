import * as tf from "@tensorflow/tfjs-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../src/backend.js";
import * as k from "../src/kernels/fused.js";
import { setForceComposedOps } from "../src/kernels/fused.js";
import { setSimdKernelsEnabled, simdKernelsFor } from "../src/kernels/wasm-simd.js";
import { createRng } from "../src/rng.js";
import { maxAbsDiff } from "./helpers.js";

const rng = createRng(42);
const rand = (n: number, scale = 1): Float32Array => Float32Array.from({ length: n }, () => rng.normal() * scale);

type Case = { name: string; run: () => tf.Tensor[] };

// Inputs are plain arrays so every variant rebuilds its tensors on the backend under test.
const B = 2;
const S = 5;
const H = 2;
const DH = 4;
const D = H * DH;
const V = 11;
const qkv = rand(B * S * 3 * D);
const x = rand(B * S * D, 2);
const gamma = rand(D);
const beta = rand(D);
const dy = rand(B * S * D);
const dres = rand(B * S * D);
const u = rand(B * S * 3 * D, 3);
const dctx = rand(B * S * D);
const logits = rand(B * S * V, 4);
const targets = Int32Array.from({ length: B * S }, (_, i) => (i % 4 === 3 ? -1 : (i * 7) % V));
const ids = Int32Array.from({ length: B * S }, (_, i) => (i * 5) % V);
const wte = rand(V * D);
const wpe = rand(S * D);
const scores = rand(B * H * S * S, 2);
const dp = rand(B * H * S * S);
const rows = Int32Array.from([3, 0, 7]);
const softLogits = rand(B * S * V);
const src = rand(3 * D);

const t2 = (a: Float32Array, r: number, c: number): tf.Tensor => tf.tensor2d(a, [r, c]);

const CASES: Case[] = [
  { name: "embed", run: () => [k.embed(tf.tensor2d(ids, [B, S], "int32"), t2(wte, V, D), t2(wpe, S, D))] },
  {
    name: "embed with positions",
    run: () => [
      k.embed(
        tf.tensor2d(ids, [B, S], "int32"),
        t2(wte, V, D),
        t2(wpe, S, D),
        tf.tensor2d(
          Int32Array.from({ length: B * S }, (_, i) => (i * 3) % S),
          [B, S],
          "int32",
        ),
      ),
    ],
  },
  { name: "embedGrad", run: () => k.embedGrad(t2(dy, B * S, D), tf.tensor2d(ids, [B, S], "int32"), V, S) },
  { name: "layerNorm", run: () => k.layerNorm(t2(x, B * S, D), tf.tensor1d(gamma), tf.tensor1d(beta), 1e-5) },
  {
    name: "layerNormGrad",
    run: () => {
      const [, mean, rstd] = k.layerNorm(t2(x, B * S, D), tf.tensor1d(gamma), tf.tensor1d(beta), 1e-5);
      return k.layerNormGrad(t2(dy, B * S, D), t2(x, B * S, D), tf.tensor1d(gamma), mean, rstd, t2(dres, B * S, D));
    },
  },
  { name: "attention", run: () => k.attention(t2(qkv, B * S, 3 * D), B, H, 0.5, true) },
  {
    name: "attentionGrad",
    run: () => {
      const [, p] = k.attention(t2(qkv, B * S, 3 * D), B, H, 0.5, true) as [tf.Tensor, tf.Tensor];
      return [k.attentionGrad(t2(qkv, B * S, 3 * D), p, t2(dctx, B * S, D), 0.5)];
    },
  },
  { name: "splitHeads", run: () => k.splitHeads(t2(qkv, B * S, 3 * D), B, S, H) },
  { name: "mergeHeads", run: () => [k.mergeHeads(tf.tensor4d(dctx, [B, H, S, DH]))] },
  { name: "splitRows", run: () => [k.splitRows(t2(dctx, B * S, D), B, H)] },
  {
    name: "causalSoftmax (offset, key start, transpose)",
    run: () => k.causalSoftmax(tf.tensor4d(scores, [B, H, S, S]), 0.7, 1, true, tf.tensor1d([0, 2], "int32")),
  },
  {
    name: "softmaxGrad",
    run: () => {
      const [p] = k.causalSoftmax(tf.tensor4d(scores, [B, H, S, S]), 0.7, 0, false);
      return k.softmaxGrad(tf.tensor4d(dp, [B, H, S, S]), p!, 0.7);
    },
  },
  {
    name: "mergeQkvGrad",
    run: () => [
      k.mergeQkvGrad(
        tf.tensor4d(dctx, [B, H, S, DH]),
        tf.tensor4d(dres, [B, H, S, DH]),
        tf.tensor4d(dy, [B, H, S, DH]),
      ),
    ],
  },
  { name: "gelu", run: () => [k.gelu(t2(u, B * S, 3 * D))] },
  { name: "geluGrad", run: () => [k.geluGrad(t2(qkv, B * S, 3 * D), t2(u, B * S, 3 * D))] },
  {
    name: "softmaxCrossEntropy",
    run: () => k.softmaxCrossEntropy(t2(logits, B * S, V), tf.tensor1d(targets, "int32"), 0.25),
  },
  {
    name: "softmaxCrossEntropy with row weights",
    run: () =>
      k.softmaxCrossEntropy(
        t2(logits, B * S, V),
        tf.tensor1d(targets, "int32"),
        0.25,
        tf.tensor1d(Float32Array.from({ length: B * S }, (_, i) => (i % 3) * 0.1)),
      ),
  },
  {
    name: "softmaxCrossEntropy with soft (distillation) targets",
    run: () => {
      const soft = tf.softmax(t2(softLogits, B * S, V));
      const t = tf.tensor1d(
        Int32Array.from(targets, (x, i) => (i % 2 === 0 ? -2 : x)),
        "int32",
      );
      return k.softmaxCrossEntropy(t2(logits, B * S, V), t, 0.25, undefined, soft);
    },
  },
  { name: "columnSum", run: () => [k.columnSum(t2(u, B * S, 3 * D))] },
  { name: "transpose2d", run: () => [k.transpose2d(t2(logits, B * S, V))] },
  { name: "scatterRows", run: () => [k.scatterRows(t2(src, 3, D), tf.tensor1d(rows, "int32"), 9)] },
];

function runCase(c: Case): { shape: number[]; data: Float32Array }[] {
  return tf
    .tidy(() => c.run())
    .map((t) => {
      const out = { shape: t.shape, data: Float32Array.from(t.dataSync()) };
      t.dispose();
      return out;
    });
}

async function reference(c: Case): Promise<{ shape: number[]; data: Float32Array }[]> {
  await useBackend("cpu");
  setForceComposedOps(true);
  try {
    return runCase(c);
  } finally {
    setForceComposedOps(false);
  }
}

describe("fused kernels agree with the composed tfjs-ops reference", () => {
  beforeAll(async () => {
    await useBackend("wasm");
  });
  afterEach(() => {
    setSimdKernelsEnabled(true);
    setForceComposedOps(false);
  });

  it("the SIMD module loads into the wasm backend's memory", async () => {
    await useBackend("wasm");
    expect(simdKernelsFor(tf.backend())).toBeDefined();
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const ref = await reference(c);
      const variants: [string, () => Promise<void>][] = [
        ["cpu (JS)", () => useBackend("cpu").then(() => undefined)],
        ["wasm (SIMD)", () => useBackend("wasm").then(() => setSimdKernelsEnabled(true))],
        ["wasm (JS)", () => useBackend("wasm").then(() => setSimdKernelsEnabled(false))],
      ];
      for (const [label, setup] of variants) {
        await setup();
        const got = runCase(c);
        setSimdKernelsEnabled(true);
        expect(got.length, label).toBe(ref.length);
        got.forEach((g, i) => {
          expect(g.shape, `${label} output ${i}`).toEqual(ref[i]!.shape);
          expect(maxAbsDiff(g.data, ref[i]!.data), `${label} output ${i}`).toBeLessThan(2e-5);
        });
      }
    });
  }
});

describe("wasm kernel fixes", () => {
  it("UnsortedSegmentSum runs on wasm (the gradient of gather) and matches cpu", async () => {
    const run = (): Float32Array =>
      tf.tidy(() => {
        const table = tf.tensor2d(wte, [V, D]);
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(ids, "int32")), 1.5)))(table);
        return Float32Array.from(g.dataSync());
      });
    await useBackend("cpu");
    const cpu = run();
    await useBackend("wasm");
    const wasm = run();
    expect(maxAbsDiff(cpu, wasm)).toBe(0);
  });

  it("matMul with transpose flags gives the same numbers as explicit transposes", async () => {
    await useBackend("wasm");
    const a = tf.tensor2d(rand(6 * 9), [6, 9]);
    const b = tf.tensor2d(rand(7 * 9), [7, 9]);
    const c = tf.tensor2d(rand(6 * 4), [6, 4]);
    const flagged = [tf.matMul(a, b, false, true), tf.matMul(a, c, true, false), tf.matMul(b, a, false, true)];
    const explicit = [tf.matMul(a, tf.transpose(b)), tf.matMul(tf.transpose(a), c), tf.matMul(b, tf.transpose(a))];
    for (const [i, f] of flagged.entries()) expect(maxAbsDiff(f.dataSync(), explicit[i]!.dataSync())).toBe(0);
    tf.dispose([a, b, c, ...flagged, ...explicit]);
  });
});
