/**
 * Forward and backward pass of the decoder-only transformer, written out by hand (no autodiff tape):
 * every matmul is a plain tfjs `matMul` with no transpose flags (XNNPACK's fast path on wasm) and
 * everything between matmuls is one fused kernel (./kernels/fused.ts). Gradients equal those of
 * the straightforward tfjs-ops formulation; test/transformer.test.ts checks them against
 * `tf.grads` of a composed reference and against finite differences.
 */

import type { Tensor } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import * as k from "../kernels/fused.js";
import type { ModelConfig } from "./config.js";
import type { ParamStore } from "./params.js";

/** One training or evaluation batch: right-padded token rows and next-token targets. */
export interface TokenBatch {
  /** Rows of the batch. */
  batch: number;
  /** Tokens per row (every row is padded to this). */
  seqLen: number;
  /** Token ids, row-major [batch * seqLen]. */
  ids: Int32Array;
  /** Target id per position (the next token), or -1 where no loss applies (prompt, padding). */
  targets: Int32Array;
  /**
   * Optional loss weight per position (only read where a target counts). The training loss is
   * sum(weight * nll) / sum(weight); without weights every counted target weighs the same.
   */
  weights?: Float32Array;
  /**
   * Soft targets (distillation): for flat positions whose target is -2, the target distribution
   * over the vocabulary.
   */
  softTargets?: Map<number, Float32Array>;
}

/** What one pass over a batch produced. */
export interface StepResult {
  /** Sum of the negative log-likelihoods over counted targets (nats). */
  nllSum: number;
  /** Number of counted targets. */
  count: number;
  /** Gradient of the mean loss per parameter name (only when gradients were requested). */
  grads?: Map<string, Tensor>;
  /** Logits of the counted positions, row-major [count, vocab] (only when requested). */
  logits?: Float32Array;
}

/** Activations the backward pass needs from one block. */
type LayerCache = [
  x: Tensor,
  h1: Tensor,
  mu1: Tensor,
  rs1: Tensor,
  qkv: Tensor,
  prob: Tensor,
  ctx: Tensor,
  x1: Tensor,
  h2: Tensor,
  mu2: Tensor,
  rs2: Tensor,
  u: Tensor,
  g: Tensor,
];

function matmul(a: Tensor, b: Tensor): Tensor {
  return tf.matMul(a, b);
}

function linear(x: Tensor, w: Tensor, bias: Tensor): Tensor {
  return tf.fused.matMul({ a: x, b: w, bias });
}

/**
 * Runs the model over a batch; with `withGrads`, also the backward pass of the mean loss over the
 * counted targets. All intermediate tensors are freed; returned gradients belong to the caller.
 */
export function runBatch(
  params: ParamStore,
  config: ModelConfig,
  batch: TokenBatch,
  withGrads: boolean,
  returnLogits = false,
): StepResult {
  const { batch: b, seqLen: s } = batch;
  const n = b * s;
  const { nHeads: h, dModel: d, nLayers: layers, vocabSize: v, contextLength: t, layerNormEps: eps } = config;
  const scale = 1 / Math.sqrt(d / h);
  const rows: number[] = [];
  const sel: number[] = [];
  const w: number[] = [];
  let wSum = 0;
  for (let i = 0; i < n; i++) {
    const target = batch.targets[i]!;
    if (target >= 0 || (target === -2 && batch.softTargets?.has(i) === true)) {
      rows.push(i);
      sel.push(target);
      const wi = batch.weights === undefined ? 1 : batch.weights[i]!;
      w.push(wi);
      wSum += wi;
    }
  }
  const count = rows.length;
  if (count === 0) return { nllSum: 0, count: 0 };
  const rowScale = batch.weights === undefined || !(wSum > 0) ? undefined : w.map((x) => x / wSum);
  let soft: Float32Array | undefined;
  if (batch.softTargets !== undefined && batch.softTargets.size > 0) {
    soft = new Float32Array(count * v);
    rows.forEach((r, i) => {
      const q = batch.softTargets!.get(r);
      if (q !== undefined) soft!.set(q, i * v);
    });
  }
  let logitsOut: Float32Array | undefined;
  let nllSum = 0;
  const grads = tf.tidy(() => {
    const P = (name: string): Tensor => params.tensor(name);
    const PT = (name: string): Tensor => params.transposed(name);
    const ids = tf.tensor2d(batch.ids, [b, s], "int32");
    let x = k.embed(ids, P("wte"), P("wpe"));
    const caches: LayerCache[] = [];
    for (let l = 0; l < layers; l++) {
      const p = `h${l}.`;
      const [h1, mu1, rs1] = k.layerNorm(x, P(`${p}ln1.g`), P(`${p}ln1.b`), eps);
      const qkv = linear(h1, P(`${p}attn.wqkv`), P(`${p}attn.bqkv`));
      const [ctx, prob] = k.attention(qkv, b, h, scale, withGrads) as [Tensor, Tensor];
      const x1 = tf.add(x, linear(ctx, P(`${p}attn.wo`), P(`${p}attn.bo`)));
      const [h2, mu2, rs2] = k.layerNorm(x1, P(`${p}ln2.g`), P(`${p}ln2.b`), eps);
      const u = linear(h2, P(`${p}mlp.w1`), P(`${p}mlp.b1`));
      const g = k.gelu(u);
      const x2 = tf.add(x1, linear(g, P(`${p}mlp.w2`), P(`${p}mlp.b2`)));
      if (withGrads) caches.push([x, h1, mu1, rs1, qkv, prob, ctx, x1, h2, mu2, rs2, u, g]);
      x = x2;
    }
    const [hf, muf, rsf] = k.layerNorm(x, P("lnf.g"), P("lnf.b"), eps);
    const all = count === n;
    const rowIdx = all ? undefined : tf.tensor1d(rows, "int32");
    const hsel = rowIdx === undefined ? hf : tf.gather(hf, rowIdx);
    const logits = matmul(hsel, PT("wte"));
    if (returnLogits) logitsOut = Float32Array.from(logits.dataSync() as Float32Array);
    const [dlogits, nll] = k.softmaxCrossEntropy(
      logits,
      tf.tensor1d(sel, "int32"),
      1 / count,
      rowScale === undefined ? undefined : tf.tensor1d(rowScale, "float32"),
      soft === undefined ? undefined : tf.tensor2d(soft, [count, v]),
    );
    nllSum = sumOf(nll.dataSync() as Float32Array);
    const out: Record<string, Tensor> = {};
    if (!withGrads) return out;

    const dsel = matmul(dlogits, P("wte"));
    const dwteHeadT = matmul(k.transpose2d(hsel), dlogits); // [d, v]
    const dhf = rowIdx === undefined ? dsel : k.scatterRows(dsel, rowIdx, n);
    let [dx, dg, db] = k.layerNormGrad(dhf, x, P("lnf.g"), muf, rsf);
    out["lnf.g"] = dg;
    out["lnf.b"] = db;
    for (let l = layers - 1; l >= 0; l--) {
      const p = `h${l}.`;
      const [x0, h1, mu1, rs1, qkv, prob, ctx, x1, h2, mu2, rs2, u, g] = caches[l]!;
      // MLP: x2 = x1 + gelu(LN2(x1) W1 + b1) W2 + b2
      out[`${p}mlp.b2`] = k.columnSum(dx);
      out[`${p}mlp.w2`] = k.transpose2d(matmul(k.transpose2d(dx), g));
      const du = k.geluGrad(matmul(dx, PT(`${p}mlp.w2`)), u);
      out[`${p}mlp.b1`] = k.columnSum(du);
      out[`${p}mlp.w1`] = matmul(k.transpose2d(h2), du);
      const dh2 = matmul(du, PT(`${p}mlp.w1`));
      [dx, dg, db] = k.layerNormGrad(dh2, x1, P(`${p}ln2.g`), mu2, rs2, dx);
      out[`${p}ln2.g`] = dg;
      out[`${p}ln2.b`] = db;
      // attention: x1 = x0 + attn(LN1(x0)) Wo + bo
      out[`${p}attn.bo`] = k.columnSum(dx);
      out[`${p}attn.wo`] = matmul(k.transpose2d(ctx), dx);
      const dqkv = k.attentionGrad(qkv, prob, matmul(dx, PT(`${p}attn.wo`)), scale);
      out[`${p}attn.bqkv`] = k.columnSum(dqkv);
      out[`${p}attn.wqkv`] = matmul(k.transpose2d(h1), dqkv);
      const dh1 = matmul(dqkv, PT(`${p}attn.wqkv`));
      [dx, dg, db] = k.layerNormGrad(dh1, x0, P(`${p}ln1.g`), mu1, rs1, dx);
      out[`${p}ln1.g`] = dg;
      out[`${p}ln1.b`] = db;
    }
    const [dwte, dwpe] = k.embedGrad(dx, ids, v, t);
    out.wte = tf.add(dwte, k.transpose2d(dwteHeadT));
    out.wpe = dwpe;
    return out;
  });
  const result: StepResult = { nllSum, count };
  if (withGrads) result.grads = new Map(Object.entries(grads));
  if (logitsOut !== undefined) result.logits = logitsOut;
  return result;
}

function sumOf(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}
