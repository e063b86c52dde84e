/**
 * Turns tokenised examples into padded batches with next-token targets.
 */
import type { EncodedExample } from "./chat.js";
import type { TokenBatch } from "./model/transformer.js";
import { type Rng, shuffleInPlace } from "./rng.js";

/** Pads examples to one batch: inputs are ids[0..n-2], targets ids[1..n-1] where the loss applies. */
export function makeBatch(examples: readonly EncodedExample[], padId: number): TokenBatch {
  const batch = examples.length;
  let seqLen = 1;
  for (const e of examples) seqLen = Math.max(seqLen, e.ids.length - 1);
  const ids = new Int32Array(batch * seqLen).fill(padId);
  const targets = new Int32Array(batch * seqLen).fill(-1);
  const weighted = examples.some((e) => e.tokenWeight !== undefined);
  const weights = weighted ? new Float32Array(batch * seqLen) : undefined;
  const soft = examples.some((e) => e.teacher !== undefined) ? new Map<number, Float32Array>() : undefined;
  examples.forEach((e, b) => {
    const o = b * seqLen;
    const from = Math.max(1, e.lossFrom);
    const vocab = e.teacher === undefined ? 0 : e.teacher.length / Math.max(1, e.ids.length - from);
    for (let t = 0; t + 1 < e.ids.length; t++) {
      ids[o + t] = e.ids[t]!;
      if (t + 1 >= from) {
        if (e.teacher !== undefined) {
          targets[o + t] = -2;
          const k = t + 1 - from;
          soft!.set(o + t, e.teacher.subarray(k * vocab, (k + 1) * vocab));
        } else targets[o + t] = e.ids[t + 1]!;
        if (weights !== undefined) weights[o + t] = e.tokenWeight ?? 1;
      }
    }
  });
  const out: TokenBatch = { batch, seqLen, ids, targets };
  if (weights !== undefined) out.weights = weights;
  if (soft !== undefined) out.softTargets = soft;
  return out;
}

/**
 * The example with per-example loss averaging: each predicted token weighs weight / (predicted
 * tokens), so the example as a whole weighs `weight` however long it is.
 */
export function averagedPerExample<T extends EncodedExample>(e: T, weight = 1): T {
  return { ...e, tokenWeight: weight / Math.max(1, lossTokens(e)) };
}

/** Number of tokens with loss in an example. */
export function lossTokens(e: EncodedExample): number {
  return Math.max(0, e.ids.length - Math.max(1, e.lossFrom));
}

/**
 * Attaches the model's own next-token distributions (softmax of its logits) to each example, as
 * distillation targets: training on them keeps the model's behaviour on these examples instead of
 * fitting their text further.
 */
export function withTeacher<T extends EncodedExample>(
  run: (batch: TokenBatch) => Float32Array,
  examples: readonly T[],
  padId: number,
  vocab: number,
  batchSize = 32,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < examples.length; i += batchSize) {
    const group = examples.slice(i, i + batchSize).map((e) => ({ ...e, teacher: undefined, tokenWeight: undefined }));
    const logits = run(makeBatch(group, padId));
    let row = 0;
    for (const e of examples.slice(i, i + batchSize)) {
      const n = lossTokens(e);
      const probs = logits.slice(row * vocab, (row + n) * vocab);
      for (let r = 0; r < n; r++) {
        const o = r * vocab;
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < vocab; j++) max = Math.max(max, probs[o + j]!);
        let sum = 0;
        for (let j = 0; j < vocab; j++) {
          const p = Math.exp(probs[o + j]! - max);
          probs[o + j] = p;
          sum += p;
        }
        for (let j = 0; j < vocab; j++) probs[o + j]! /= sum;
      }
      out.push({ ...e, teacher: probs });
      row += n;
    }
  }
  return out;
}

/**
 * Groups examples into batches of similar length (less padding): shuffle, cut into chunks of
 * 8 batches, sort each chunk by length, slice into batches, shuffle the batches.
 */
export function bucketedBatches<T extends EncodedExample>(examples: readonly T[], batchSize: number, rng: Rng): T[][] {
  const order = shuffleInPlace([...examples], rng);
  const out: T[][] = [];
  const chunk = batchSize * 8;
  for (let i = 0; i < order.length; i += chunk) {
    const part = order.slice(i, i + chunk).sort((a, b) => a.ids.length - b.ids.length);
    for (let j = 0; j < part.length; j += batchSize) out.push(part.slice(j, j + batchSize));
  }
  return shuffleInPlace(out, rng);
}
