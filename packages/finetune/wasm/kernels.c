/*
 * Fused transformer training kernels for the tfjs `wasm` backend, in WebAssembly SIMD (simd128).
 *
 * Built by scripts/build-wasm-kernels.mjs (clang --target=wasm32, no libc) into a module that
 * imports the tfjs backend's own linear memory, so every kernel reads and writes tensor data in
 * place: arguments are byte offsets of tensors the backend allocated. The module has no data
 * segments and uses no stack (the build checks both), so it never touches memory it was not given.
 *
 * Layouts are row-major. n rows of d columns; attention works on the fused projection
 * qkv [b*s, 3*h*dh] (q | k | v, heads side by side) and writes/reads context rows [b*s, h*dh].
 */
#include <stdint.h>

typedef float f32;
typedef float f4 __attribute__((vector_size(16), aligned(4)));
typedef int32_t i4 __attribute__((vector_size(16), aligned(4)));

#define EXPORT(name) __attribute__((export_name(#name))) void name

static inline f4 splat(f32 x) { return (f4){x, x, x, x}; }
static inline f4 load4(const f32* p) { return *(const f4*)p; }
static inline void store4(f32* p, f4 v) { *(f4*)p = v; }
static inline f32 hsum(f4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }
static inline f4 vmax(f4 a, f4 b) { return __builtin_wasm_max_f32x4(a, b); }
static inline f4 vmin(f4 a, f4 b) { return __builtin_wasm_min_f32x4(a, b); }

/* exp(x), Cephes-style: range reduction by ln2 (two-part constant) and a degree-5 polynomial.
 * Relative error below 2e-7 on [-87, 88]; inputs are clamped to that range. Rounding to the
 * nearest integer and building 2^n both use the 1.5 * 2^23 "magic number" (adding it leaves the
 * integer in the low mantissa bits), which is cheaper in V8 than nearest + saturating truncation. */
static inline f4 vexp(f4 x) {
  const f4 magic = splat(12582912.0f); /* 1.5 * 2^23 */
  x = vmin(vmax(x, splat(-87.33654f)), splat(88.37626f));
  f4 t = x * splat(1.44269504088896341f) + magic;
  f4 fx = t - magic; /* round(x / ln2) */
  x = x - fx * splat(0.693359375f);
  x = x + fx * splat(2.12194440e-4f);
  f4 y = splat(1.9875691500e-4f);
  y = y * x + splat(1.3981999507e-3f);
  y = y * x + splat(8.3334519073e-3f);
  y = y * x + splat(4.1665795894e-2f);
  y = y * x + splat(1.6666665459e-1f);
  y = y * x + splat(5.0000001201e-1f);
  y = y * (x * x) + x + splat(1.0f);
  i4 n = ((i4)t - (i4)magic + 127) << 23; /* bits of 2^round(x / ln2) */
  return y * (f4)n;
}

static inline f32 sexp(f32 x) { return vexp(splat(x))[0]; }

/* Natural log for x > 0 (finite): x = m * 2^e with m in [sqrt(1/2), sqrt(2)), then the atanh
 * series of log(m) = 2 atanh((m - 1) / (m + 1)). Absolute error below 1e-7 for the m range. */
static inline f32 slog(f32 x) {
  union { f32 f; int32_t i; } u = {x};
  int32_t e = ((u.i >> 23) & 0xff) - 127;
  u.i = (u.i & 0x007fffff) | 0x3f800000; /* m in [1, 2) */
  f32 m = u.f;
  if (m > 1.41421356f) {
    m *= 0.5f;
    e += 1;
  }
  f32 s = (m - 1.0f) / (m + 1.0f);
  f32 s2 = s * s;
  f32 p = s * (2.0f + s2 * (0.666666667f + s2 * (0.4f + s2 * (0.285714286f + s2 * 0.222222222f))));
  return p + (f32)e * 0.69314718056f;
}

/* ---------------------------------------------------------------------------------------------- */

EXPORT(mp_layernorm_fwd)(const f32* x, const f32* g, const f32* b, f32* y, f32* mean, f32* rstd, int n, int d,
                         f32 eps) {
  const int d4 = d & ~3;
  for (int r = 0; r < n; r++) {
    const f32* xr = x + (long)r * d;
    f32* yr = y + (long)r * d;
    f4 acc = splat(0.0f);
    int j = 0;
    for (; j < d4; j += 4) acc += load4(xr + j);
    f32 s = hsum(acc);
    for (; j < d; j++) s += xr[j];
    const f32 m = s / (f32)d;
    f4 vacc = splat(0.0f);
    const f4 mv = splat(m);
    for (j = 0; j < d4; j += 4) {
      f4 c = load4(xr + j) - mv;
      vacc += c * c;
    }
    f32 v = hsum(vacc);
    for (; j < d; j++) v += (xr[j] - m) * (xr[j] - m);
    const f32 rs = 1.0f / __builtin_sqrtf(v / (f32)d + eps);
    mean[r] = m;
    rstd[r] = rs;
    const f4 rv = splat(rs);
    for (j = 0; j < d4; j += 4) store4(yr + j, (load4(xr + j) - mv) * rv * load4(g + j) + load4(b + j));
    for (; j < d; j++) yr[j] = (xr[j] - m) * rs * g[j] + b[j];
  }
}

EXPORT(mp_layernorm_bwd)(const f32* dy, const f32* x, const f32* g, const f32* mean, const f32* rstd,
                         const f32* dres, f32* dx, f32* dg, f32* db, int n, int d) {
  const int d4 = d & ~3;
  for (int j = 0; j < d; j++) {
    dg[j] = 0.0f;
    db[j] = 0.0f;
  }
  for (int r = 0; r < n; r++) {
    const f32* xr = x + (long)r * d;
    const f32* dyr = dy + (long)r * d;
    f32* dxr = dx + (long)r * d;
    const f4 mv = splat(mean[r]);
    const f32 rs = rstd[r];
    const f4 rv = splat(rs);
    f4 sg = splat(0.0f), sgx = splat(0.0f);
    int j = 0;
    for (; j < d4; j += 4) {
      f4 xhat = (load4(xr + j) - mv) * rv;
      f4 gy = load4(dyr + j);
      f4 gx = gy * load4(g + j);
      sg += gx;
      sgx += gx * xhat;
      store4(dg + j, load4(dg + j) + gy * xhat);
      store4(db + j, load4(db + j) + gy);
    }
    f32 sumG = hsum(sg), sumGX = hsum(sgx);
    for (; j < d; j++) {
      f32 xhat = (xr[j] - mean[r]) * rs;
      f32 gx = dyr[j] * g[j];
      sumG += gx;
      sumGX += gx * xhat;
      dg[j] += dyr[j] * xhat;
      db[j] += dyr[j];
    }
    const f32 a = sumG / (f32)d, bb = sumGX / (f32)d;
    const f4 av = splat(a), bv = splat(bb);
    for (j = 0; j < d4; j += 4) {
      f4 xhat = (load4(xr + j) - mv) * rv;
      f4 v = rv * (load4(dyr + j) * load4(g + j) - av - xhat * bv);
      if (dres) v += load4(dres + (long)r * d + j);
      store4(dxr + j, v);
    }
    for (; j < d; j++) {
      f32 xhat = (xr[j] - mean[r]) * rs;
      f32 v = rs * (dyr[j] * g[j] - a - xhat * bb);
      dxr[j] = dres ? v + dres[(long)r * d + j] : v;
    }
  }
}

#define GELU_C 0.7978845608028654f
#define GELU_A 0.044715f

/* gelu(x) = 0.5 x (1 + tanh z) = x * sigmoid(2z), z = c (x + a x^3). */
EXPORT(mp_gelu_fwd)(const f32* u, f32* out, int n) {
  const int n4 = n & ~3;
  int i = 0;
  for (; i < n4; i += 4) {
    f4 x = load4(u + i);
    f4 z2 = splat(-2.0f * GELU_C) * (x + splat(GELU_A) * x * x * x);
    store4(out + i, x / (splat(1.0f) + vexp(z2)));
  }
  for (; i < n; i++) {
    f32 x = u[i];
    out[i] = x / (1.0f + sexp(-2.0f * GELU_C * (x + GELU_A * x * x * x)));
  }
}

/* d/dx gelu = s + x s (1 - s) 2 c (1 + 3 a x^2), s = sigmoid(2z). */
EXPORT(mp_gelu_bwd)(const f32* dg, const f32* u, f32* du, int n) {
  const int n4 = n & ~3;
  int i = 0;
  for (; i < n4; i += 4) {
    f4 x = load4(u + i);
    f4 x2 = x * x;
    f4 sg = splat(1.0f) / (splat(1.0f) + vexp(splat(-2.0f * GELU_C) * (x + splat(GELU_A) * x2 * x)));
    f4 d = sg + x * sg * (splat(1.0f) - sg) * splat(2.0f * GELU_C) * (splat(1.0f) + splat(3.0f * GELU_A) * x2);
    store4(du + i, load4(dg + i) * d);
  }
  for (; i < n; i++) {
    f32 x = u[i], x2 = x * x;
    f32 sg = 1.0f / (1.0f + sexp(-2.0f * GELU_C * (x + GELU_A * x2 * x)));
    du[i] = dg[i] * (sg + x * sg * (1.0f - sg) * 2.0f * GELU_C * (1.0f + 3.0f * GELU_A * x2));
  }
}

/* Softmax cross-entropy over rows. target >= 0: hard target; target == -2 with soft != 0: the
 * target distribution is soft[r] (distillation); other negative targets ignore the row.
 * dlogits = scale * (softmax - target distribution), where scale is rowscale[r] when rowscale != 0
 * (per-row loss weights), else the scalar; nll is the cross-entropy of the row. */
EXPORT(mp_xent)(const f32* logits, const int32_t* targets, f32* dl, f32* nll, int n, int v, f32 scale0,
                const f32* rowscale, const f32* soft) {
  const int v4 = v & ~3;
  for (int r = 0; r < n; r++) {
    const f32* lr = logits + (long)r * v;
    f32* dr = dl + (long)r * v;
    const int t = targets[r];
    const f32 scale = rowscale ? rowscale[r] : scale0;
    const f32* q = (t == -2 && soft) ? soft + (long)r * v : 0;
    if (t < 0 && !q) {
      for (int j = 0; j < v; j++) dr[j] = 0.0f;
      nll[r] = 0.0f;
      continue;
    }
    f4 mx4 = splat(-3.4e38f);
    int j = 0;
    for (; j < v4; j += 4) mx4 = vmax(mx4, load4(lr + j));
    f32 mx = mx4[0];
    for (int k = 1; k < 4; k++) mx = mx4[k] > mx ? mx4[k] : mx;
    for (; j < v; j++) mx = lr[j] > mx ? lr[j] : mx;
    const f4 mv = splat(mx);
    f4 s4 = splat(0.0f);
    for (j = 0; j < v4; j += 4) {
      f4 e = vexp(load4(lr + j) - mv);
      store4(dr + j, e);
      s4 += e;
    }
    f32 sum = hsum(s4);
    for (; j < v; j++) {
      f32 e = sexp(lr[j] - mx);
      dr[j] = e;
      sum += e;
    }
    const f32 lse = slog(sum) + mx;
    const f4 k4 = splat(scale / sum);
    for (j = 0; j < v4; j += 4) store4(dr + j, load4(dr + j) * k4);
    for (; j < v; j++) dr[j] *= scale / sum;
    if (!q) {
      nll[r] = lse - lr[t];
      dr[t] -= scale;
      continue;
    }
    /* soft targets: -sum q log p = lse * sum(q) - sum(q * z) */
    f4 qs4 = splat(0.0f), qz4 = splat(0.0f);
    const f4 sc = splat(scale);
    for (j = 0; j < v4; j += 4) {
      f4 qv = load4(q + j);
      qs4 += qv;
      qz4 += qv * load4(lr + j);
      store4(dr + j, load4(dr + j) - sc * qv);
    }
    f32 qs = hsum(qs4), qz = hsum(qz4);
    for (; j < v; j++) {
      qs += q[j];
      qz += q[j] * lr[j];
      dr[j] -= scale * q[j];
    }
    nll[r] = lse * qs - qz;
  }
}

/* y += a * x over dh floats. */
static inline void axpy(f32* y, f32 a, const f32* x, int dh) {
  const f4 av = splat(a);
  int e = 0;
  for (; e + 4 <= dh; e += 4) store4(y + e, load4(y + e) + av * load4(x + e));
  for (; e < dh; e++) y[e] += a * x[e];
}

/* Copies rows [s, dh] at stride d3 into a transposed, zero-padded scratch [dh, s4]. */
static void transpose_rows(const f32* src, int s, int dh, int d3, f32* dst, int s4) {
  for (int e = 0; e < dh; e++) {
    f32* row = dst + (long)e * s4;
    for (int j = 0; j < s; j++) row[j] = src[(long)j * d3 + e];
    for (int j = s; j < s4; j++) row[j] = 0.0f;
  }
}

/* out[0..jn) = x . colsT[:, 0..jn) for a [dh, s4] transposed scratch, four columns at a time. */
static inline void dots4(const f32* x, const f32* colsT, int dh, int s4, int jn, f32* out) {
  for (int j = 0; j < jn; j += 4) {
    f4 acc = splat(0.0f);
    for (int e = 0; e < dh; e++) acc += splat(x[e]) * load4(colsT + (long)e * s4 + j);
    store4(out + j, acc);
  }
}

/*
 * Causal self-attention forward for training: for every sequence and head, P = softmax(scale * q k^T)
 * over keys j <= i, ctx_i = sum_j P_ij v_j. Reads q, k, v straight from qkv [b*s, 3*h*dh], writes
 * ctx [b*s, h*dh] and, when p != 0, the probabilities [b, h, s, s] (zeros above the diagonal).
 * scratch holds (dh + 1) * s4 floats, s4 = s rounded up to a multiple of 4.
 */
EXPORT(mp_attn_fwd)(const f32* qkv, f32* p, f32* ctx, int b, int s, int h, int dh, f32 scale, f32* scratch) {
  const int d = h * dh, d3 = 3 * d, s4 = (s + 3) & ~3;
  f32* kT = scratch;
  f32* row = scratch + (long)dh * s4;
  for (int bi = 0; bi < b; bi++) {
    const f32* base = qkv + (long)bi * s * d3;
    for (int hi = 0; hi < h; hi++) {
      const f32* q = base + hi * dh;
      const f32* v = base + 2 * d + hi * dh;
      transpose_rows(base + d + hi * dh, s, dh, d3, kT, s4);
      f32* pb = p ? p + ((long)(bi * h + hi)) * s * s : 0;
      for (int i = 0; i < s; i++) {
        const int jn = (i + 4) & ~3; /* keys 0..i, rounded up to whole vectors */
        dots4(q + (long)i * d3, kT, dh, s4, jn, row);
        f32 mx = -3.4e38f;
        for (int j = 0; j <= i; j++) {
          row[j] *= scale;
          mx = row[j] > mx ? row[j] : mx;
        }
        const f4 mv = splat(mx);
        f4 s4v = splat(0.0f);
        int j = 0;
        for (; j + 4 <= i + 1; j += 4) {
          f4 e = vexp(load4(row + j) - mv);
          store4(row + j, e);
          s4v += e;
        }
        f32 sum = hsum(s4v);
        for (; j <= i; j++) {
          f32 e = sexp(row[j] - mx);
          row[j] = e;
          sum += e;
        }
        const f32 inv = 1.0f / sum;
        f32* ci = ctx + ((long)bi * s + i) * d + hi * dh;
        for (int e = 0; e < dh; e++) ci[e] = 0.0f;
        for (j = 0; j <= i; j++) {
          const f32 pij = row[j] * inv;
          row[j] = pij;
          axpy(ci, pij, v + (long)j * d3, dh);
        }
        if (pb) {
          f32* pr = pb + (long)i * s;
          for (j = 0; j <= i; j++) pr[j] = row[j];
          for (; j < s; j++) pr[j] = 0.0f;
        }
      }
    }
  }
}

/*
 * Backward of mp_attn_fwd. Given dctx [b*s, h*dh] and the saved probabilities, writes dq, dk, dv
 * into dqkv [b*s, 3*h*dh]: dv_j = sum_i P_ij dctx_i; dP_ij = dctx_i . v_j;
 * dS_ij = scale * P_ij (dP_ij - sum_j' P_ij' dP_ij'); dq_i = sum_j dS_ij k_j; dk_j = sum_i dS_ij q_i.
 * scratch holds (dh + 1) * s4 floats.
 */
EXPORT(mp_attn_bwd)(const f32* qkv, const f32* p, const f32* dctx, f32* dqkv, int b, int s, int h, int dh, f32 scale,
                    f32* scratch) {
  const int d = h * dh, d3 = 3 * d, s4 = (s + 3) & ~3;
  f32* vT = scratch;
  f32* row = scratch + (long)dh * s4;
  const long total = (long)b * s * d3;
  for (long i = 0; i < total; i++) dqkv[i] = 0.0f;
  for (int bi = 0; bi < b; bi++) {
    const f32* base = qkv + (long)bi * s * d3;
    f32* dbase = dqkv + (long)bi * s * d3;
    for (int hi = 0; hi < h; hi++) {
      const f32* q = base + hi * dh;
      const f32* k = base + d + hi * dh;
      f32* dq = dbase + hi * dh;
      f32* dk = dbase + d + hi * dh;
      f32* dv = dbase + 2 * d + hi * dh;
      transpose_rows(base + 2 * d + hi * dh, s, dh, d3, vT, s4);
      const f32* pb = p + ((long)(bi * h + hi)) * s * s;
      for (int i = 0; i < s; i++) {
        const f32* pr = pb + (long)i * s;
        const f32* gi = dctx + ((long)bi * s + i) * d + hi * dh;
        dots4(gi, vT, dh, s4, (i + 4) & ~3, row);
        f32 rowdot = 0.0f;
        for (int j = 0; j <= i; j++) {
          rowdot += pr[j] * row[j];
          axpy(dv + (long)j * d3, pr[j], gi, dh);
        }
        const f32* qi = q + (long)i * d3;
        f32* dqi = dq + (long)i * d3;
        for (int j = 0; j <= i; j++) {
          const f32 ds = scale * pr[j] * (row[j] - rowdot);
          axpy(dqi, ds, k + (long)j * d3, dh);
          axpy(dk + (long)j * d3, ds, qi, dh);
        }
      }
    }
  }
}

EXPORT(mp_colsum)(const f32* x, f32* out, int n, int c) {
  const int c4 = c & ~3;
  for (int j = 0; j < c; j++) out[j] = 0.0f;
  for (int r = 0; r < n; r++) {
    const f32* xr = x + (long)r * c;
    int j = 0;
    for (; j < c4; j += 4) store4(out + j, load4(out + j) + load4(xr + j));
    for (; j < c; j++) out[j] += xr[j];
  }
}

/* out [c, r] = x [r, c]^T, in 8x8 tiles for cache locality. */
EXPORT(mp_transpose)(const f32* x, f32* out, int r, int c) {
  for (int i0 = 0; i0 < r; i0 += 8) {
    const int i1 = i0 + 8 < r ? i0 + 8 : r;
    for (int j0 = 0; j0 < c; j0 += 8) {
      const int j1 = j0 + 8 < c ? j0 + 8 : c;
      for (int i = i0; i < i1; i++)
        for (int j = j0; j < j1; j++) out[(long)j * r + i] = x[(long)i * c + j];
    }
  }
}

EXPORT(mp_embed_fwd)(const int32_t* ids, const f32* wte, const f32* wpe, f32* out, int n, int s, int d) {
  const int d4 = d & ~3;
  for (int r = 0; r < n; r++) {
    const f32* te = wte + (long)ids[r] * d;
    const f32* pe = wpe + (long)(r % s) * d;
    f32* o = out + (long)r * d;
    int j = 0;
    for (; j < d4; j += 4) store4(o + j, load4(te + j) + load4(pe + j));
    for (; j < d; j++) o[j] = te[j] + pe[j];
  }
}

EXPORT(mp_embed_bwd)(const f32* dx, const int32_t* ids, f32* dwte, f32* dwpe, int n, int s, int d, int vocab,
                     int positions) {
  for (long i = 0; i < (long)vocab * d; i++) dwte[i] = 0.0f;
  for (long i = 0; i < (long)positions * d; i++) dwpe[i] = 0.0f;
  for (int r = 0; r < n; r++) {
    const f32* g = dx + (long)r * d;
    axpy(dwte + (long)ids[r] * d, 1.0f, g, d);
    axpy(dwpe + (long)(r % s) * d, 1.0f, g, d);
  }
}

EXPORT(mp_scatter_rows)(const f32* src, const int32_t* rows, f32* out, int m, int n, int d) {
  for (long i = 0; i < (long)n * d; i++) out[i] = 0.0f;
  for (int i = 0; i < m; i++) {
    const f32* sr = src + (long)i * d;
    f32* o = out + (long)rows[i] * d;
    for (int j = 0; j < d; j++) o[j] = sr[j];
  }
}
