/**
 * Fused transformer kernels. On the `wasm` and `cpu` backends each op is one registered tfjs kernel
 * (one pass over memory instead of 5-15 small tfjs ops); on any other backend (`tensorflow`) the
 * same op is composed from standard tfjs-core ops, which gives the same numbers up to float error.
 * Kernel names are prefixed `Modelproof` so they never clash with tfjs kernels.
 */

import type { KernelBackend, NamedAttrMap, NamedTensorInfoMap, Tensor, TensorInfo } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import * as m from "./math.js";
import { cpuMemory, type TensorMemory, wasmMemory } from "./tensor-memory.js";
import { type BoundSimdKernels, simdKernelsFor } from "./wasm-simd.js";

type Impl = (inputs: NamedTensorInfoMap, attrs: NamedAttrMap, mem: TensorMemory) => TensorInfo | TensorInfo[];
type SimdImpl = (
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
  mem: TensorMemory,
  k: BoundSimdKernels,
) => TensorInfo | TensorInfo[];

const num = (attrs: NamedAttrMap, key: string): number => attrs[key] as number;
const need = (inputs: NamedTensorInfoMap, key: string): TensorInfo => inputs[key] as TensorInfo;

const IMPLS: Record<string, Impl> = {
  ModelproofAttention(inputs, attrs, mem) {
    const qkv = need(inputs, "qkv");
    const b = num(attrs, "b");
    const h = num(attrs, "h");
    const [n, d3] = qkv.shape as [number, number];
    const s = n / b;
    const dh = d3 / 3 / h;
    const ctx = mem.alloc([n, d3 / 3]);
    const p = attrs.withProbs === true ? mem.alloc([b, h, s, s]) : undefined;
    m.attentionForward(
      mem.f32(qkv),
      p === undefined ? undefined : mem.f32(p),
      mem.f32(ctx),
      b,
      s,
      h,
      dh,
      num(attrs, "scale"),
    );
    return p === undefined ? [ctx] : [ctx, p];
  },
  ModelproofAttentionGrad(inputs, attrs, mem) {
    const qkv = need(inputs, "qkv");
    const p = need(inputs, "p");
    const [b, h, s] = p.shape as [number, number, number];
    const dqkv = mem.alloc(qkv.shape.slice());
    m.attentionBackward(
      mem.f32(qkv),
      mem.f32(p),
      mem.f32(need(inputs, "dctx")),
      mem.f32(dqkv),
      b,
      s,
      h,
      qkv.shape[1]! / 3 / h,
      num(attrs, "scale"),
    );
    return dqkv;
  },
  ModelproofEmbed(inputs, attrs, mem) {
    const ids = need(inputs, "ids");
    const wte = need(inputs, "wte");
    const [, d] = wte.shape as [number, number];
    const s = num(attrs, "s");
    const out = mem.alloc([ids.shape.reduce((a, b) => a * b, 1), d]);
    const pos = inputs.positions;
    m.embedForward(
      mem.i32(ids),
      pos === undefined ? undefined : mem.i32(pos),
      mem.f32(wte),
      mem.f32(need(inputs, "wpe")),
      mem.f32(out),
      s,
      d,
    );
    return out;
  },
  ModelproofEmbedGrad(inputs, attrs, mem) {
    const dx = need(inputs, "dx");
    const d = dx.shape[1]!;
    const dwte = mem.alloc([num(attrs, "vocab"), d]);
    const dwpe = mem.alloc([num(attrs, "positions"), d]);
    m.embedBackward(mem.f32(dx), mem.i32(need(inputs, "ids")), mem.f32(dwte), mem.f32(dwpe), num(attrs, "s"), d);
    return [dwte, dwpe];
  },
  ModelproofLayerNorm(inputs, attrs, mem) {
    const x = need(inputs, "x");
    const [n, d] = x.shape as [number, number];
    const y = mem.alloc([n, d]);
    const mean = mem.alloc([n]);
    const rstd = mem.alloc([n]);
    m.layerNormForward(
      mem.f32(x),
      mem.f32(need(inputs, "gamma")),
      mem.f32(need(inputs, "beta")),
      mem.f32(y),
      mem.f32(mean),
      mem.f32(rstd),
      n,
      d,
      num(attrs, "eps"),
    );
    return [y, mean, rstd];
  },
  ModelproofLayerNormGrad(inputs, _attrs, mem) {
    const x = need(inputs, "x");
    const [n, d] = x.shape as [number, number];
    const dx = mem.alloc([n, d]);
    const dg = mem.alloc([d]);
    const db = mem.alloc([d]);
    const dres = inputs.dres;
    m.layerNormBackward(
      mem.f32(need(inputs, "dy")),
      mem.f32(x),
      mem.f32(need(inputs, "gamma")),
      mem.f32(need(inputs, "mean")),
      mem.f32(need(inputs, "rstd")),
      dres === undefined ? undefined : mem.f32(dres),
      mem.f32(dx),
      mem.f32(dg),
      mem.f32(db),
      n,
      d,
    );
    return [dx, dg, db];
  },
  ModelproofSplitHeads(inputs, attrs, mem) {
    const b = num(attrs, "b");
    const s = num(attrs, "s");
    const h = num(attrs, "h");
    const qkv = need(inputs, "qkv");
    const dh = qkv.shape[1]! / 3 / h;
    const q = mem.alloc([b, h, s, dh]);
    const k = mem.alloc([b, h, s, dh]);
    const kT = mem.alloc([b, h, dh, s]);
    const v = mem.alloc([b, h, s, dh]);
    const vT = mem.alloc([b, h, dh, s]);
    m.splitHeads(mem.f32(qkv), mem.f32(q), mem.f32(k), mem.f32(kT), mem.f32(v), mem.f32(vT), b, s, h, dh);
    return [q, k, kT, v, vT];
  },
  ModelproofMergeQkvGrad(inputs, _attrs, mem) {
    const dq = need(inputs, "dq");
    const [b, h, s, dh] = dq.shape as [number, number, number, number];
    const out = mem.alloc([b * s, 3 * h * dh]);
    m.mergeQkvGrad(mem.f32(dq), mem.f32(need(inputs, "dk")), mem.f32(need(inputs, "dv")), mem.f32(out), b, s, h, dh);
    return out;
  },
  ModelproofMergeHeads(inputs, _attrs, mem) {
    const x = need(inputs, "x");
    const [b, h, s, dh] = x.shape as [number, number, number, number];
    const out = mem.alloc([b * s, h * dh]);
    m.mergeHeads(mem.f32(x), mem.f32(out), b, s, h, dh);
    return out;
  },
  ModelproofSplitRows(inputs, attrs, mem) {
    const x = need(inputs, "x");
    const b = num(attrs, "b");
    const h = num(attrs, "h");
    const [n, d] = x.shape as [number, number];
    const s = n / b;
    const dh = d / h;
    const out = mem.alloc([b, h, s, dh]);
    m.splitRows(mem.f32(x), mem.f32(out), b, s, h, dh);
    return out;
  },
  ModelproofCausalSoftmax(inputs, attrs, mem) {
    const scores = need(inputs, "scores");
    const [b, h, sq, sk] = scores.shape as [number, number, number, number];
    const withT = attrs.withTranspose === true;
    const p = mem.alloc([b, h, sq, sk]);
    const pT = withT ? mem.alloc([b, h, sk, sq]) : undefined;
    const ks = inputs.keyStart;
    m.causalSoftmax(
      mem.f32(scores),
      mem.f32(p),
      pT === undefined ? undefined : mem.f32(pT),
      b * h,
      h,
      sq,
      sk,
      num(attrs, "offset"),
      num(attrs, "scale"),
      ks === undefined ? undefined : mem.i32(ks),
    );
    return pT === undefined ? [p] : [p, pT];
  },
  ModelproofSoftmaxGrad(inputs, attrs, mem) {
    const p = need(inputs, "p");
    const [b, h, sq, sk] = p.shape as [number, number, number, number];
    const ds = mem.alloc([b, h, sq, sk]);
    const dsT = mem.alloc([b, h, sk, sq]);
    m.softmaxBackward(
      mem.f32(need(inputs, "dp")),
      mem.f32(p),
      mem.f32(ds),
      mem.f32(dsT),
      b * h,
      sq,
      sk,
      num(attrs, "scale"),
    );
    return [ds, dsT];
  },
  ModelproofGelu(inputs, _attrs, mem) {
    const u = need(inputs, "u");
    const out = mem.alloc(u.shape.slice());
    m.geluForward(mem.f32(u), mem.f32(out));
    return out;
  },
  ModelproofGeluGrad(inputs, _attrs, mem) {
    const u = need(inputs, "u");
    const out = mem.alloc(u.shape.slice());
    m.geluBackward(mem.f32(need(inputs, "dg")), mem.f32(u), mem.f32(out));
    return out;
  },
  ModelproofSoftmaxXent(inputs, attrs, mem) {
    const logits = need(inputs, "logits");
    const [n, v] = logits.shape as [number, number];
    const dl = mem.alloc([n, v]);
    const nll = mem.alloc([n]);
    const rs = inputs.rowScale;
    const soft = inputs.soft;
    m.softmaxCrossEntropy(
      mem.f32(logits),
      mem.i32(need(inputs, "targets")),
      mem.f32(dl),
      mem.f32(nll),
      n,
      v,
      num(attrs, "scale"),
      rs === undefined ? undefined : mem.f32(rs),
      soft === undefined ? undefined : mem.f32(soft),
    );
    return [dl, nll];
  },
  ModelproofColumnSum(inputs, _attrs, mem) {
    const x = need(inputs, "x");
    const [n, c] = x.shape as [number, number];
    const out = mem.alloc([c]);
    m.columnSum(mem.f32(x), mem.f32(out), n, c);
    return out;
  },
  ModelproofTranspose2d(inputs, _attrs, mem) {
    const x = need(inputs, "x");
    const [r, c] = x.shape as [number, number];
    const out = mem.alloc([c, r]);
    m.transpose2d(mem.f32(x), mem.f32(out), r, c);
    return out;
  },
  ModelproofScatterRows(inputs, attrs, mem) {
    const src = need(inputs, "src");
    const d = src.shape[1]!;
    const out = mem.alloc([num(attrs, "n"), d]);
    m.scatterRows(mem.f32(src), mem.i32(need(inputs, "rows")), mem.f32(out), d);
    return out;
  },
};

/** SIMD (wasm/kernels.c) versions of the hot kernels, used on the wasm backend when loadable. */
const SIMD: Partial<Record<string, SimdImpl>> = {
  ModelproofAttention(inputs, attrs, mem, k) {
    const qkv = need(inputs, "qkv");
    const b = num(attrs, "b");
    const h = num(attrs, "h");
    const [n, d3] = qkv.shape as [number, number];
    const s = n / b;
    const ctx = mem.alloc([n, d3 / 3]);
    const p = attrs.withProbs === true ? mem.alloc([b, h, s, s]) : undefined;
    const row = mem.alloc([(d3 / 3 / h + 1) * ((s + 3) & ~3)]);
    k.fn.mp_attn_fwd(
      k.ptr(qkv),
      p === undefined ? 0 : k.ptr(p),
      k.ptr(ctx),
      b,
      s,
      h,
      d3 / 3 / h,
      num(attrs, "scale"),
      k.ptr(row),
    );
    mem.free(row);
    return p === undefined ? [ctx] : [ctx, p];
  },
  ModelproofAttentionGrad(inputs, attrs, mem, k) {
    const qkv = need(inputs, "qkv");
    const p = need(inputs, "p");
    const [b, h, s] = p.shape as [number, number, number];
    const dqkv = mem.alloc(qkv.shape.slice());
    const row = mem.alloc([(qkv.shape[1]! / 3 / h + 1) * ((s + 3) & ~3)]);
    k.fn.mp_attn_bwd(
      k.ptr(qkv),
      k.ptr(p),
      k.ptr(need(inputs, "dctx")),
      k.ptr(dqkv),
      b,
      s,
      h,
      qkv.shape[1]! / 3 / h,
      num(attrs, "scale"),
      k.ptr(row),
    );
    mem.free(row);
    return dqkv;
  },
  ModelproofLayerNorm(inputs, attrs, mem, k) {
    const x = need(inputs, "x");
    const [n, d] = x.shape as [number, number];
    const y = mem.alloc([n, d]);
    const mean = mem.alloc([n]);
    const rstd = mem.alloc([n]);
    k.fn.mp_layernorm_fwd(
      k.ptr(x),
      k.ptr(need(inputs, "gamma")),
      k.ptr(need(inputs, "beta")),
      k.ptr(y),
      k.ptr(mean),
      k.ptr(rstd),
      n,
      d,
      num(attrs, "eps"),
    );
    return [y, mean, rstd];
  },
  ModelproofLayerNormGrad(inputs, _attrs, mem, k) {
    const x = need(inputs, "x");
    const [n, d] = x.shape as [number, number];
    const dx = mem.alloc([n, d]);
    const dg = mem.alloc([d]);
    const db = mem.alloc([d]);
    const dres = inputs.dres;
    k.fn.mp_layernorm_bwd(
      k.ptr(need(inputs, "dy")),
      k.ptr(x),
      k.ptr(need(inputs, "gamma")),
      k.ptr(need(inputs, "mean")),
      k.ptr(need(inputs, "rstd")),
      dres === undefined ? 0 : k.ptr(dres),
      k.ptr(dx),
      k.ptr(dg),
      k.ptr(db),
      n,
      d,
    );
    return [dx, dg, db];
  },
  ModelproofGelu(inputs, _attrs, mem, k) {
    const u = need(inputs, "u");
    const out = mem.alloc(u.shape.slice());
    k.fn.mp_gelu_fwd(
      k.ptr(u),
      k.ptr(out),
      u.shape.reduce((a, b) => a * b, 1),
    );
    return out;
  },
  ModelproofGeluGrad(inputs, _attrs, mem, k) {
    const u = need(inputs, "u");
    const out = mem.alloc(u.shape.slice());
    k.fn.mp_gelu_bwd(
      k.ptr(need(inputs, "dg")),
      k.ptr(u),
      k.ptr(out),
      u.shape.reduce((a, b) => a * b, 1),
    );
    return out;
  },
  ModelproofSoftmaxXent(inputs, attrs, mem, k) {
    const logits = need(inputs, "logits");
    const [n, v] = logits.shape as [number, number];
    const dl = mem.alloc([n, v]);
    const nll = mem.alloc([n]);
    const rs = inputs.rowScale;
    const soft = inputs.soft;
    k.fn.mp_xent(
      k.ptr(logits),
      k.ptr(need(inputs, "targets")),
      k.ptr(dl),
      k.ptr(nll),
      n,
      v,
      num(attrs, "scale"),
      rs === undefined ? 0 : k.ptr(rs),
      soft === undefined ? 0 : k.ptr(soft),
    );
    return [dl, nll];
  },
  ModelproofColumnSum(inputs, _attrs, mem, k) {
    const x = need(inputs, "x");
    const [n, c] = x.shape as [number, number];
    const out = mem.alloc([c]);
    k.fn.mp_colsum(k.ptr(x), k.ptr(out), n, c);
    return out;
  },
  ModelproofTranspose2d(inputs, _attrs, mem, k) {
    const x = need(inputs, "x");
    const [r, c] = x.shape as [number, number];
    const out = mem.alloc([c, r]);
    k.fn.mp_transpose(k.ptr(x), k.ptr(out), r, c);
    return out;
  },
  ModelproofEmbed(inputs, attrs, mem, k) {
    if (inputs.positions !== undefined) return IMPLS.ModelproofEmbed!(inputs, attrs, mem);
    const ids = need(inputs, "ids");
    const wte = need(inputs, "wte");
    const d = wte.shape[1]!;
    const n = ids.shape.reduce((a, b) => a * b, 1);
    const out = mem.alloc([n, d]);
    k.fn.mp_embed_fwd(k.ptr(ids), k.ptr(wte), k.ptr(need(inputs, "wpe")), k.ptr(out), n, num(attrs, "s"), d);
    return out;
  },
  ModelproofEmbedGrad(inputs, attrs, mem, k) {
    const dx = need(inputs, "dx");
    const [n, d] = dx.shape as [number, number];
    const v = num(attrs, "vocab");
    const t = num(attrs, "positions");
    const dwte = mem.alloc([v, d]);
    const dwpe = mem.alloc([t, d]);
    k.fn.mp_embed_bwd(k.ptr(dx), k.ptr(need(inputs, "ids")), k.ptr(dwte), k.ptr(dwpe), n, num(attrs, "s"), d, v, t);
    return [dwte, dwpe];
  },
  ModelproofScatterRows(inputs, attrs, mem, k) {
    const src = need(inputs, "src");
    const [mRows, d] = src.shape as [number, number];
    const n = num(attrs, "n");
    const out = mem.alloc([n, d]);
    k.fn.mp_scatter_rows(k.ptr(src), k.ptr(need(inputs, "rows")), k.ptr(out), mRows, n, d);
    return out;
  },
};

/** Names of every fused kernel this package registers. */
export const FUSED_KERNEL_NAMES: readonly string[] = Object.keys(IMPLS);

/** Registers the fused kernels for `wasm` (SIMD where loadable, else JS) and `cpu` (JS); idempotent. */
export function registerFusedKernels(): void {
  for (const [kernelName, impl] of Object.entries(IMPLS)) {
    if (tf.getKernel(kernelName, "cpu") === undefined) {
      tf.registerKernel({
        kernelName,
        backendName: "cpu",
        kernelFunc: ({ inputs, attrs, backend }) => impl(inputs, attrs ?? {}, cpuMemory(backend as KernelBackend)),
      });
    }
    if (tf.getKernel(kernelName, "wasm") === undefined) {
      const simd = SIMD[kernelName];
      tf.registerKernel({
        kernelName,
        backendName: "wasm",
        kernelFunc: ({ inputs, attrs, backend }) => {
          const mem = wasmMemory(backend as KernelBackend);
          const k = simd === undefined ? undefined : simdKernelsFor(backend as KernelBackend);
          const a = attrs ?? {};
          return simd !== undefined && k !== undefined ? simd(inputs, a, mem, k) : impl(inputs, a, mem);
        },
      });
    }
  }
}

let forceComposed = false;

/**
 * Forces the composed-op path even where fused kernels exist (used by tests to compare both).
 * @internal
 */
export function setForceComposedOps(value: boolean): void {
  forceComposed = value;
}

/** True when the active backend runs the fused kernels (wasm, cpu). */
export function fusedAvailable(): boolean {
  return !forceComposed && tf.getKernel("ModelproofLayerNorm", tf.getBackend()) !== undefined;
}

function run<T extends Tensor | Tensor[]>(
  name: string,
  inputs: Record<string, Tensor | undefined>,
  attrs: NamedAttrMap,
): T {
  const clean: Record<string, Tensor> = {};
  for (const [k, v] of Object.entries(inputs)) if (v !== undefined) clean[k] = v;
  return tf.engine().runKernel(name, clean, attrs) as T;
}

// ---- ops: fused kernel when available, composed tfjs-core ops otherwise -------------------------

/**
 * Causal self-attention over the fused projection qkv [b*s, 3d] with h heads (training: every query
 * sees keys 0..i of its own row). Returns [ctx [b*s, d]] or [ctx, probabilities [b,h,s,s]].
 */
export function attention(qkv: Tensor, b: number, h: number, scale: number, withProbs: boolean): Tensor[] {
  if (fusedAvailable()) return run("ModelproofAttention", { qkv }, { b, h, scale, withProbs });
  return tf.tidy(() => {
    const s = qkv.shape[0]! / b;
    const [q, , kT, v] = splitHeads(qkv, b, s, h) as [Tensor, Tensor, Tensor, Tensor];
    const [p] = causalSoftmax(tf.matMul(q, kT), scale, 0, false) as [Tensor];
    const ctx = mergeHeads(tf.matMul(p, v));
    return withProbs ? [ctx, p] : [ctx];
  });
}

/** Backward of {@link attention}: dqkv [b*s, 3d] from the saved probabilities and dctx [b*s, d]. */
export function attentionGrad(qkv: Tensor, p: Tensor, dctx: Tensor, scale: number): Tensor {
  if (fusedAvailable()) return run("ModelproofAttentionGrad", { qkv, p, dctx }, { scale });
  return tf.tidy(() => {
    const [b, h, s] = p.shape as [number, number, number];
    const [q, k, , , vT] = splitHeads(qkv, b, s, h) as [Tensor, Tensor, Tensor, Tensor, Tensor];
    const dctxH = splitRows(dctx, b, h);
    const dv = tf.matMul(tf.transpose(p, [0, 1, 3, 2]), dctxH);
    const [ds, dsT] = softmaxGrad(tf.matMul(dctxH, vT), p, scale);
    return mergeQkvGrad(tf.matMul(ds, k), tf.matMul(dsT, q), dv);
  });
}

/** Token + position embedding: ids [b, s] -> [b*s, d]. `positions` ([b, s]) defaults to 0..s-1. */
export function embed(ids: Tensor, wte: Tensor, wpe: Tensor, positions?: Tensor): Tensor {
  const s = ids.shape[1]!;
  if (fusedAvailable()) return run("ModelproofEmbed", { ids, wte, wpe, positions }, { s });
  return tf.tidy(() => {
    const b = ids.shape[0]!;
    const pos = positions ?? tf.tile(tf.reshape(tf.range(0, s, 1, "int32"), [1, s]), [b, 1]);
    return tf.add(tf.gather(wte, tf.reshape(ids, [b * s])), tf.gather(wpe, tf.reshape(pos, [b * s])));
  });
}

/** Gradient of {@link embed} (positions 0..s-1): [dwte [vocab, d], dwpe [positions, d]]. */
export function embedGrad(dx: Tensor, ids: Tensor, vocab: number, positions: number): [Tensor, Tensor] {
  const [b, s] = ids.shape as [number, number];
  if (fusedAvailable()) return run("ModelproofEmbedGrad", { dx, ids }, { vocab, positions, s });
  return tf.tidy(() => {
    const flat = tf.reshape(ids, [b * s]);
    const pos = tf.tile(tf.range(0, s, 1, "int32"), [b]);
    return [tf.unsortedSegmentSum(dx, flat as tf.Tensor1D, vocab), tf.unsortedSegmentSum(dx, pos, positions)] as [
      Tensor,
      Tensor,
    ];
  });
}

/** Layer norm over the last axis of x [n, d]: [y, mean [n], rstd [n]]. */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): [Tensor, Tensor, Tensor] {
  if (fusedAvailable()) return run("ModelproofLayerNorm", { x, gamma, beta }, { eps });
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true);
    const rstd = tf.rsqrt(tf.add(variance, eps));
    const y = tf.add(tf.mul(tf.mul(tf.sub(x, mean), rstd), gamma), beta);
    return [y, tf.reshape(mean, [-1]), tf.reshape(rstd, [-1])] as [Tensor, Tensor, Tensor];
  });
}

/** Backward of {@link layerNorm}; `dres` (same shape as x) is added to dx. [dx, dgamma, dbeta]. */
export function layerNormGrad(
  dy: Tensor,
  x: Tensor,
  gamma: Tensor,
  mean: Tensor,
  rstd: Tensor,
  dres?: Tensor,
): [Tensor, Tensor, Tensor] {
  if (fusedAvailable()) return run("ModelproofLayerNormGrad", { dy, x, gamma, mean, rstd, dres }, {});
  return tf.tidy(() => {
    const d = x.shape[1]!;
    const m2 = tf.reshape(mean, [-1, 1]);
    const r2 = tf.reshape(rstd, [-1, 1]);
    const xhat = tf.mul(tf.sub(x, m2), r2);
    const gx = tf.mul(dy, gamma);
    const a = tf.div(tf.sum(gx, 1, true), d);
    const b = tf.div(tf.sum(tf.mul(gx, xhat), 1, true), d);
    let dx = tf.mul(r2, tf.sub(tf.sub(gx, a), tf.mul(xhat, b)));
    if (dres !== undefined) dx = tf.add(dx, dres);
    return [dx, tf.sum(tf.mul(dy, xhat), 0), tf.sum(dy, 0)] as [Tensor, Tensor, Tensor];
  });
}

/** qkv [b*s, 3d] -> [q, k, kT, v, vT] with q,k,v [b,h,s,dh] and kT,vT [b,h,dh,s]. */
export function splitHeads(qkv: Tensor, b: number, s: number, h: number): Tensor[] {
  if (fusedAvailable()) return run("ModelproofSplitHeads", { qkv }, { b, s, h });
  return tf.tidy(() => {
    const d = qkv.shape[1]! / 3;
    const [q, k, v] = tf.split(qkv, 3, 1).map((t) => tf.transpose(tf.reshape(t, [b, s, h, d / h]), [0, 2, 1, 3])) as [
      Tensor,
      Tensor,
      Tensor,
    ];
    return [q, k, tf.transpose(k, [0, 1, 3, 2]), v, tf.transpose(v, [0, 1, 3, 2])];
  });
}

/** dq, dk, dv ([b,h,s,dh]) -> dqkv [b*s, 3d]. */
export function mergeQkvGrad(dq: Tensor, dk: Tensor, dv: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofMergeQkvGrad", { dq, dk, dv }, {});
  const [b, h, s, dh] = dq.shape as [number, number, number, number];
  return tf.tidy(() =>
    tf.concat(
      [dq, dk, dv].map((t) => tf.reshape(tf.transpose(t, [0, 2, 1, 3]), [b * s, h * dh])),
      1,
    ),
  );
}

/** [b,h,s,dh] -> [b*s, h*dh]. */
export function mergeHeads(x: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofMergeHeads", { x }, {});
  const [b, h, s, dh] = x.shape as [number, number, number, number];
  return tf.tidy(() => tf.reshape(tf.transpose(x, [0, 2, 1, 3]), [b * s, h * dh]));
}

/** [b*s, d] -> [b,h,s,d/h]. */
export function splitRows(x: Tensor, b: number, h: number): Tensor {
  if (fusedAvailable()) return run("ModelproofSplitRows", { x }, { b, h });
  const [n, d] = x.shape as [number, number];
  return tf.tidy(() => tf.transpose(tf.reshape(x, [b, n / b, h, d / h]), [0, 2, 1, 3]));
}

/**
 * Masked softmax of scaled attention scores [b,h,sq,sk]: query i (absolute position offset+i) sees
 * keys keyStart[b] <= j <= offset+i. Returns [p] or [p, pT] (pT: [b,h,sk,sq]) when withTranspose.
 */
export function causalSoftmax(
  scores: Tensor,
  scale: number,
  offset: number,
  withTranspose: boolean,
  keyStart?: Tensor,
): Tensor[] {
  if (fusedAvailable()) return run("ModelproofCausalSoftmax", { scores, keyStart }, { scale, offset, withTranspose });
  return tf.tidy(() => {
    const [b, , sq, sk] = scores.shape as [number, number, number, number];
    const qi = tf.reshape(tf.add(tf.range(0, sq, 1, "int32"), offset), [1, 1, sq, 1]);
    const kj = tf.reshape(tf.range(0, sk, 1, "int32"), [1, 1, 1, sk]);
    let allowed = tf.lessEqual(kj, qi);
    if (keyStart !== undefined)
      allowed = tf.logicalAnd(allowed, tf.greaterEqual(kj, tf.reshape(keyStart, [b, 1, 1, 1])));
    const z = tf.where(allowed, tf.mul(scores, scale), tf.fill(scores.shape, Number.NEGATIVE_INFINITY));
    const p = tf.mul(tf.softmax(z, -1), tf.cast(allowed, "float32"));
    const clean = tf.where(tf.isNaN(p), tf.zerosLike(p), p);
    return withTranspose ? [clean, tf.transpose(clean, [0, 1, 3, 2])] : [clean];
  });
}

/** Backward of {@link causalSoftmax}: [dS, dST]. */
export function softmaxGrad(dp: Tensor, p: Tensor, scale: number): [Tensor, Tensor] {
  if (fusedAvailable()) return run("ModelproofSoftmaxGrad", { dp, p }, { scale });
  return tf.tidy(() => {
    const ds = tf.mul(tf.mul(p, tf.sub(dp, tf.sum(tf.mul(p, dp), -1, true))), scale);
    return [ds, tf.transpose(ds, [0, 1, 3, 2])] as [Tensor, Tensor];
  });
}

const GELU_C = Math.sqrt(2 / Math.PI);

/** GELU (tanh approximation). */
export function gelu(u: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofGelu", { u }, {});
  return tf.tidy(() =>
    tf.mul(tf.mul(u, 0.5), tf.add(tf.tanh(tf.mul(tf.add(u, tf.mul(tf.mul(tf.mul(u, u), u), 0.044715)), GELU_C)), 1)),
  );
}

/** Backward of {@link gelu}. */
export function geluGrad(dg: Tensor, u: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofGeluGrad", { dg, u }, {});
  return tf.tidy(() => {
    const u2 = tf.mul(u, u);
    const t = tf.tanh(tf.mul(tf.add(u, tf.mul(tf.mul(u2, u), 0.044715)), GELU_C));
    const dt = tf.mul(tf.mul(tf.sub(1, tf.mul(t, t)), GELU_C), tf.add(1, tf.mul(u2, 3 * 0.044715)));
    return tf.mul(dg, tf.add(tf.mul(tf.add(t, 1), 0.5), tf.mul(tf.mul(u, 0.5), dt)));
  });
}

/**
 * Softmax cross-entropy of logits [n, v] against int32 targets [n]: >= 0 a hard target, -2 with
 * `soft` ([n, v] target distributions) a soft target, other negatives ignored. Returns
 * [dlogits of sum(scale_r * nll_r), nll per row]; scale_r = rowScale[r] when given, else scale.
 */
export function softmaxCrossEntropy(
  logits: Tensor,
  targets: Tensor,
  scale: number,
  rowScale?: Tensor,
  soft?: Tensor,
): [Tensor, Tensor] {
  if (fusedAvailable()) return run("ModelproofSoftmaxXent", { logits, targets, rowScale, soft }, { scale });
  return tf.tidy(() => {
    const v = logits.shape[1]!;
    const hard = tf.greaterEqual(targets, 0);
    const isSoft = soft === undefined ? tf.zerosLike(hard) : tf.equal(targets, -2);
    const safe = tf.where(hard, targets, tf.zerosLike(targets));
    const oneHot = tf.mul(tf.oneHot(safe, v), tf.reshape(tf.cast(hard, "float32"), [-1, 1]));
    const q =
      soft === undefined ? oneHot : tf.add(oneHot, tf.mul(soft, tf.reshape(tf.cast(isSoft, "float32"), [-1, 1])));
    const logp = tf.logSoftmax(logits, -1);
    const counted = tf.cast(tf.logicalOr(hard, tf.cast(isSoft, "bool")), "float32");
    const nll = tf.mul(tf.neg(tf.sum(tf.mul(logp, q), 1)), counted);
    const w = rowScale === undefined ? tf.mul(counted, scale) : tf.mul(counted, rowScale);
    const dl = tf.mul(tf.sub(tf.mul(tf.exp(logp), tf.reshape(tf.sum(q, 1), [-1, 1])), q), tf.reshape(w, [-1, 1]));
    return [dl, nll] as [Tensor, Tensor];
  });
}

/** Column sums of x [n, c]. */
export function columnSum(x: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofColumnSum", { x }, {});
  return tf.sum(x, 0);
}

/** 2-D transpose. */
export function transpose2d(x: Tensor): Tensor {
  if (fusedAvailable()) return run("ModelproofTranspose2d", { x }, {});
  return tf.transpose(x);
}

/** out [n, d] with out[rows[i]] = src[i] and zeros elsewhere. */
export function scatterRows(src: Tensor, rows: Tensor, n: number): Tensor {
  if (fusedAvailable()) return run("ModelproofScatterRows", { src, rows }, { n });
  return tf.tidy(() => tf.scatterND(tf.reshape(rows, [-1, 1]), src, [n, src.shape[1]!]));
}
