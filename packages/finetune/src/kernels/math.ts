/**
 * Plain typed-array implementations of the fused transformer kernels. They are backend-free: the
 * wasm and cpu kernel wrappers hand them views of tensor memory. Layouts are row-major; `n` rows of
 * `d` columns. Every function writes its outputs completely (outputs may be uninitialised memory).
 */

/** GELU (tanh approximation) constants, as in GPT-2 and `torch.nn.functional.gelu(approximate="tanh")`. */
const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/** x[r] = wte[ids[r]] + wpe[pos(r)], where pos(r) = positions[r] when given, else r mod s. */
export function embedForward(
  ids: Int32Array,
  positions: Int32Array | undefined,
  wte: Float32Array,
  wpe: Float32Array,
  out: Float32Array,
  s: number,
  d: number,
): void {
  const n = ids.length;
  for (let r = 0; r < n; r++) {
    const to = ids[r]! * d;
    const po = (positions === undefined ? r % s : positions[r]!) * d;
    const o = r * d;
    for (let j = 0; j < d; j++) out[o + j] = wte[to + j]! + wpe[po + j]!;
  }
}

/** Scatter-adds row gradients into the token and position tables (both are zeroed first). */
export function embedBackward(
  dx: Float32Array,
  ids: Int32Array,
  dwte: Float32Array,
  dwpe: Float32Array,
  s: number,
  d: number,
): void {
  dwte.fill(0);
  dwpe.fill(0);
  const n = ids.length;
  for (let r = 0; r < n; r++) {
    const to = ids[r]! * d;
    const po = (r % s) * d;
    const o = r * d;
    for (let j = 0; j < d; j++) {
      const g = dx[o + j]!;
      dwte[to + j]! += g;
      dwpe[po + j]! += g;
    }
  }
}

/** Layer normalisation over the last axis; also returns the row means and reciprocal std devs. */
export function layerNormForward(
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  y: Float32Array,
  mean: Float32Array,
  rstd: Float32Array,
  n: number,
  d: number,
  eps: number,
): void {
  for (let r = 0; r < n; r++) {
    const o = r * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += x[o + j]!;
    const m = s / d;
    let v = 0;
    for (let j = 0; j < d; j++) {
      const c = x[o + j]! - m;
      v += c * c;
    }
    const rs = 1 / Math.sqrt(v / d + eps);
    mean[r] = m;
    rstd[r] = rs;
    for (let j = 0; j < d; j++) y[o + j] = (x[o + j]! - m) * rs * gamma[j]! + beta[j]!;
  }
}

/**
 * Backward of {@link layerNormForward}. `dx = dres + dLN/dx` (dres is the residual-stream gradient
 * that bypasses the norm; pass undefined for none); dgamma and dbeta are overwritten.
 */
export function layerNormBackward(
  dy: Float32Array,
  x: Float32Array,
  gamma: Float32Array,
  mean: Float32Array,
  rstd: Float32Array,
  dres: Float32Array | undefined,
  dx: Float32Array,
  dgamma: Float32Array,
  dbeta: Float32Array,
  n: number,
  d: number,
): void {
  dgamma.fill(0);
  dbeta.fill(0);
  for (let r = 0; r < n; r++) {
    const o = r * d;
    const m = mean[r]!;
    const rs = rstd[r]!;
    let sumG = 0;
    let sumGX = 0;
    for (let j = 0; j < d; j++) {
      const xhat = (x[o + j]! - m) * rs;
      const g = dy[o + j]!;
      const gx = g * gamma[j]!;
      sumG += gx;
      sumGX += gx * xhat;
      dgamma[j]! += g * xhat;
      dbeta[j]! += g;
    }
    const a = sumG / d;
    const b = sumGX / d;
    for (let j = 0; j < d; j++) {
      const xhat = (x[o + j]! - m) * rs;
      const v = rs * (dy[o + j]! * gamma[j]! - a - xhat * b);
      dx[o + j] = dres === undefined ? v : v + dres[o + j]!;
    }
  }
}

/**
 * Splits a fused [b*s, 3*d] projection into per-head tensors: q, k, v as [b, h, s, dh] and the
 * transposes kT, vT as [b, h, dh, s], so every attention matmul runs without transpose flags.
 */
export function splitHeads(
  qkv: Float32Array,
  q: Float32Array,
  k: Float32Array,
  kT: Float32Array,
  v: Float32Array,
  vT: Float32Array,
  b: number,
  s: number,
  h: number,
  dh: number,
): void {
  const d = h * dh;
  const d3 = 3 * d;
  for (let bi = 0; bi < b; bi++) {
    for (let t = 0; t < s; t++) {
      const row = (bi * s + t) * d3;
      for (let hi = 0; hi < h; hi++) {
        const src = row + hi * dh;
        const head = (bi * h + hi) * s * dh;
        const dst = head + t * dh;
        for (let e = 0; e < dh; e++) {
          const kv = qkv[src + d + e]!;
          const vv = qkv[src + 2 * d + e]!;
          q[dst + e] = qkv[src + e]!;
          k[dst + e] = kv;
          v[dst + e] = vv;
          kT[head + e * s + t] = kv;
          vT[head + e * s + t] = vv;
        }
      }
    }
  }
}

/** Inverse of the q/k/v split for gradients: writes dq, dk, dv ([b,h,s,dh]) into one [b*s, 3d]. */
export function mergeQkvGrad(
  dq: Float32Array,
  dk: Float32Array,
  dv: Float32Array,
  out: Float32Array,
  b: number,
  s: number,
  h: number,
  dh: number,
): void {
  const d = h * dh;
  const d3 = 3 * d;
  for (let bi = 0; bi < b; bi++) {
    for (let t = 0; t < s; t++) {
      const row = (bi * s + t) * d3;
      for (let hi = 0; hi < h; hi++) {
        const dst = row + hi * dh;
        const src = ((bi * h + hi) * s + t) * dh;
        for (let e = 0; e < dh; e++) {
          out[dst + e] = dq[src + e]!;
          out[dst + d + e] = dk[src + e]!;
          out[dst + 2 * d + e] = dv[src + e]!;
        }
      }
    }
  }
}

/** [b, h, s, dh] -> [b*s, h*dh] (heads back into rows). */
export function mergeHeads(x: Float32Array, out: Float32Array, b: number, s: number, h: number, dh: number): void {
  const d = h * dh;
  for (let bi = 0; bi < b; bi++) {
    for (let hi = 0; hi < h; hi++) {
      for (let t = 0; t < s; t++) {
        const src = ((bi * h + hi) * s + t) * dh;
        const dst = (bi * s + t) * d + hi * dh;
        for (let e = 0; e < dh; e++) out[dst + e] = x[src + e]!;
      }
    }
  }
}

/** [b*s, h*dh] -> [b, h, s, dh] (rows into heads). */
export function splitRows(x: Float32Array, out: Float32Array, b: number, s: number, h: number, dh: number): void {
  const d = h * dh;
  for (let bi = 0; bi < b; bi++) {
    for (let hi = 0; hi < h; hi++) {
      for (let t = 0; t < s; t++) {
        const dst = ((bi * h + hi) * s + t) * dh;
        const src = (bi * s + t) * d + hi * dh;
        for (let e = 0; e < dh; e++) out[dst + e] = x[src + e]!;
      }
    }
  }
}

/**
 * Masked softmax over attention scores [g, sq, sk] (g = batch*heads). Query i sits at absolute
 * position `offset + i` and sees keys j with keyStart[batch] <= j <= offset + i; masked entries are
 * exactly 0. Scores are multiplied by `scale` first. When `pT` is given it receives [g, sk, sq].
 */
export function causalSoftmax(
  scores: Float32Array,
  p: Float32Array,
  pT: Float32Array | undefined,
  g: number,
  heads: number,
  sq: number,
  sk: number,
  offset: number,
  scale: number,
  keyStart: Int32Array | undefined,
): void {
  for (let gi = 0; gi < g; gi++) {
    const start = keyStart === undefined ? 0 : keyStart[Math.floor(gi / heads)]!;
    const base = gi * sq * sk;
    for (let i = 0; i < sq; i++) {
      const o = base + i * sk;
      const last = Math.min(offset + i, sk - 1);
      let max = Number.NEGATIVE_INFINITY;
      for (let j = start; j <= last; j++) {
        const z = scores[o + j]! * scale;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let j = 0; j < sk; j++) {
        if (j < start || j > last) {
          p[o + j] = 0;
        } else {
          const e = Math.exp(scores[o + j]! * scale - max);
          p[o + j] = e;
          sum += e;
        }
      }
      const inv = sum > 0 ? 1 / sum : 0;
      for (let j = start; j <= last; j++) p[o + j]! *= inv;
    }
    if (pT !== undefined) {
      for (let i = 0; i < sq; i++) for (let j = 0; j < sk; j++) pT[base + j * sq + i] = p[base + i * sk + j]!;
    }
  }
}

/**
 * Backward of {@link causalSoftmax} (with its scale): dS = scale * P * (dP - rowsum(P * dP)).
 * Writes dS [g, sq, sk] and its transpose dST [g, sk, sq].
 */
export function softmaxBackward(
  dp: Float32Array,
  p: Float32Array,
  ds: Float32Array,
  dsT: Float32Array,
  g: number,
  sq: number,
  sk: number,
  scale: number,
): void {
  for (let gi = 0; gi < g; gi++) {
    const base = gi * sq * sk;
    for (let i = 0; i < sq; i++) {
      const o = base + i * sk;
      let dot = 0;
      for (let j = 0; j < sk; j++) dot += p[o + j]! * dp[o + j]!;
      for (let j = 0; j < sk; j++) {
        const v = scale * p[o + j]! * (dp[o + j]! - dot);
        ds[o + j] = v;
        dsT[base + j * sq + i] = v;
      }
    }
  }
}

/** GELU, tanh approximation. */
export function geluForward(u: Float32Array, out: Float32Array): void {
  const n = u.length;
  for (let i = 0; i < n; i++) {
    const x = u[i]!;
    out[i] = 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_A * x * x * x)));
  }
}

/** Backward of {@link geluForward}: du = dg * gelu'(u). */
export function geluBackward(dg: Float32Array, u: Float32Array, du: Float32Array): void {
  const n = u.length;
  for (let i = 0; i < n; i++) {
    const x = u[i]!;
    const x2 = x * x;
    const t = Math.tanh(GELU_C * (x + GELU_A * x2 * x));
    const dt = (1 - t * t) * GELU_C * (1 + 3 * GELU_A * x2);
    du[i] = dg[i]! * (0.5 * (1 + t) + 0.5 * x * dt);
  }
}

/**
 * Softmax cross-entropy over rows of logits [n, v]. target >= 0: hard target; target -2 with `soft`
 * given: the target distribution is soft row r (distillation); other negative targets: row ignored
 * (0 gradient, 0 nll). Writes per-row cross-entropies and the gradient of `sum(scale_r * nll_r)`
 * with respect to the logits, where scale_r is `rowScale[r]` when given, else `scale0`.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  targets: Int32Array,
  dlogits: Float32Array,
  nll: Float32Array,
  n: number,
  v: number,
  scale0: number,
  rowScale?: Float32Array,
  soft?: Float32Array,
): void {
  for (let r = 0; r < n; r++) {
    const o = r * v;
    const t = targets[r]!;
    const scale = rowScale === undefined ? scale0 : rowScale[r]!;
    const isSoft = t === -2 && soft !== undefined;
    if (t < 0 && !isSoft) {
      dlogits.fill(0, o, o + v);
      nll[r] = 0;
      continue;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < v; j++) {
      const z = logits[o + j]!;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let j = 0; j < v; j++) {
      const e = Math.exp(logits[o + j]! - max);
      dlogits[o + j] = e;
      sum += e;
    }
    const lse = Math.log(sum) + max;
    const k = scale / sum;
    for (let j = 0; j < v; j++) dlogits[o + j]! *= k;
    if (!isSoft) {
      nll[r] = lse - logits[o + t]!;
      dlogits[o + t]! -= scale;
      continue;
    }
    let qs = 0;
    let qz = 0;
    for (let j = 0; j < v; j++) {
      const q = soft![o + j]!;
      qs += q;
      qz += q * logits[o + j]!;
      dlogits[o + j]! -= scale * q;
    }
    nll[r] = lse * qs - qz;
  }
}

/** Column sums of [n, c] (bias gradients). */
export function columnSum(x: Float32Array, out: Float32Array, n: number, c: number): void {
  out.fill(0);
  for (let r = 0; r < n; r++) {
    const o = r * c;
    for (let j = 0; j < c; j++) out[j]! += x[o + j]!;
  }
}

/** 2-D transpose: x [r, c] -> out [c, r]. */
export function transpose2d(x: Float32Array, out: Float32Array, r: number, c: number): void {
  for (let i = 0; i < r; i++) {
    const o = i * c;
    for (let j = 0; j < c; j++) out[j * r + i] = x[o + j]!;
  }
}

/** out[rows[i]] = src[i]; other rows are zero. */
export function scatterRows(src: Float32Array, rows: Int32Array, out: Float32Array, d: number): void {
  out.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i]! * d;
    const so = i * d;
    for (let j = 0; j < d; j++) out[o + j] = src[so + j]!;
  }
}

/**
 * Causal self-attention forward for training, reading q, k, v from the fused projection
 * qkv [b*s, 3*h*dh]: P = softmax(scale * q k^T) over keys j <= i; ctx_i = sum_j P_ij v_j written to
 * ctx [b*s, h*dh]; the probabilities go to p [b, h, s, s] (zeros above the diagonal) when given.
 */
export function attentionForward(
  qkv: Float32Array,
  p: Float32Array | undefined,
  ctx: Float32Array,
  b: number,
  s: number,
  h: number,
  dh: number,
  scale: number,
): void {
  const d = h * dh;
  const d3 = 3 * d;
  const row = new Float64Array(s);
  for (let bi = 0; bi < b; bi++) {
    const base = bi * s * d3;
    for (let hi = 0; hi < h; hi++) {
      const qo = base + hi * dh;
      const ko = base + d + hi * dh;
      const vo = base + 2 * d + hi * dh;
      const pb = (bi * h + hi) * s * s;
      for (let i = 0; i < s; i++) {
        const qi = qo + i * d3;
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j <= i; j++) {
          const kj = ko + j * d3;
          let z = 0;
          for (let e = 0; e < dh; e++) z += qkv[qi + e]! * qkv[kj + e]!;
          z *= scale;
          row[j] = z;
          if (z > max) max = z;
        }
        let sum = 0;
        for (let j = 0; j <= i; j++) {
          const e = Math.exp(row[j]! - max);
          row[j] = e;
          sum += e;
        }
        const ci = (bi * s + i) * d + hi * dh;
        for (let e = 0; e < dh; e++) ctx[ci + e] = 0;
        for (let j = 0; j <= i; j++) {
          const pij = Math.fround(row[j]! / sum);
          row[j] = pij;
          const vj = vo + j * d3;
          for (let e = 0; e < dh; e++) ctx[ci + e]! += pij * qkv[vj + e]!;
        }
        if (p !== undefined) {
          const pr = pb + i * s;
          for (let j = 0; j < s; j++) p[pr + j] = j <= i ? row[j]! : 0;
        }
      }
    }
  }
}

/** Backward of {@link attentionForward}: dq, dk, dv into dqkv [b*s, 3*h*dh] (overwritten). */
export function attentionBackward(
  qkv: Float32Array,
  p: Float32Array,
  dctx: Float32Array,
  dqkv: Float32Array,
  b: number,
  s: number,
  h: number,
  dh: number,
  scale: number,
): void {
  const d = h * dh;
  const d3 = 3 * d;
  dqkv.fill(0);
  const row = new Float64Array(s);
  for (let bi = 0; bi < b; bi++) {
    const base = bi * s * d3;
    for (let hi = 0; hi < h; hi++) {
      const qo = base + hi * dh;
      const ko = base + d + hi * dh;
      const vo = base + 2 * d + hi * dh;
      const pb = (bi * h + hi) * s * s;
      for (let i = 0; i < s; i++) {
        const pr = pb + i * s;
        const gi = (bi * s + i) * d + hi * dh;
        let rowdot = 0;
        for (let j = 0; j <= i; j++) {
          const vj = vo + j * d3;
          let dp = 0;
          for (let e = 0; e < dh; e++) dp += dctx[gi + e]! * qkv[vj + e]!;
          row[j] = dp;
          const pij = p[pr + j]!;
          rowdot += pij * dp;
          for (let e = 0; e < dh; e++) dqkv[vj + e]! += pij * dctx[gi + e]!;
        }
        const qi = qo + i * d3;
        for (let j = 0; j <= i; j++) {
          const ds = scale * p[pr + j]! * (row[j]! - rowdot);
          const kj = ko + j * d3;
          for (let e = 0; e < dh; e++) {
            dqkv[qi + e]! += ds * qkv[kj + e]!;
            dqkv[kj + e]! += ds * qkv[qi + e]!;
          }
        }
      }
    }
  }
}
