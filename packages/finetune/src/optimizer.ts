/**
 * AdamW (Loshchilov & Hutter 2019) over the flat parameter vector, in one pass per step, with
 * global-norm gradient clipping. Running it in plain JS over one Float32Array replaces ~10 tfjs ops
 * per parameter tensor per step.
 */

/** Optimiser settings. */
export interface AdamWOptions {
  /**
   * `adamw` (default) or `sgd` (momentum SGD, using beta1 as the momentum): SGD moves each weight in
   * proportion to its gradient, so weights the new data barely touches stay almost where they were.
   */
  algorithm?: "adamw" | "sgd";
  /** Peak learning rate. */
  learningRate: number;
  /** First-moment decay. */
  beta1: number;
  /** Second-moment decay. */
  beta2: number;
  /** Numerical epsilon. */
  epsilon: number;
  /** Decoupled weight decay (applied where the parameter allows it). */
  weightDecay: number;
  /** Clip the global gradient norm to this value (0: no clipping). */
  clipNorm: number;
}

/** Defaults for fine-tuning small language models. */
export const DEFAULT_ADAMW: AdamWOptions = {
  learningRate: 1e-3,
  beta1: 0.9,
  beta2: 0.99,
  epsilon: 1e-8,
  weightDecay: 0.01,
  clipNorm: 1,
};

/** AdamW state over a flat parameter vector. */
export class AdamW {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;

  /**
   * @param size - number of parameters
   * @param decayMask - 1 where weight decay applies, 0 elsewhere
   */
  constructor(
    size: number,
    private readonly decayMask: Uint8Array,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.t;
  }

  /**
   * Applies one update in place.
   * @returns the global gradient norm before clipping (NaN or Infinity when a gradient is not finite;
   *   then nothing is updated)
   */
  step(params: Float32Array, grads: Float32Array, lr: number, o: AdamWOptions): number {
    let sq = 0;
    for (let i = 0; i < grads.length; i++) sq += grads[i]! * grads[i]!;
    const norm = Math.sqrt(sq);
    if (!Number.isFinite(norm)) return norm;
    const clip = o.clipNorm > 0 && norm > o.clipNorm ? o.clipNorm / norm : 1;
    this.t++;
    const { beta1: b1, beta2: b2, epsilon: eps } = o;
    const c1 = 1 / (1 - b1 ** this.t);
    const c2 = 1 / (1 - b2 ** this.t);
    const decay = lr * o.weightDecay;
    const m = this.m;
    const v = this.v;
    const mask = this.decayMask;
    if (o.algorithm === "sgd") {
      for (let i = 0; i < params.length; i++) {
        const mi = b1 * m[i]! + grads[i]! * clip;
        m[i] = mi;
        let p = params[i]!;
        if (mask[i] === 1) p -= decay * p;
        params[i] = p - lr * mi;
      }
      return norm;
    }
    for (let i = 0; i < params.length; i++) {
      const g = grads[i]! * clip;
      const mi = b1 * m[i]! + (1 - b1) * g;
      const vi = b2 * v[i]! + (1 - b2) * g * g;
      m[i] = mi;
      v[i] = vi;
      let p = params[i]!;
      if (mask[i] === 1) p -= decay * p;
      params[i] = p - (lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
    }
    return norm;
  }
}

/** Learning rate at `step` (0-based): linear warm-up, then cosine decay to `minRatio` of the peak. */
export function learningRateAt(step: number, total: number, peak: number, warmup: number, minRatio = 0.1): number {
  if (warmup > 0 && step < warmup) return (peak * (step + 1)) / warmup;
  const span = Math.max(1, total - warmup);
  const progress = Math.min(1, (step - warmup) / span);
  return peak * (minRatio + (1 - minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}
