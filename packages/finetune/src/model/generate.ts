/**
 * Batched autoregressive generation with a key/value cache: the prompt is run once (prefill), then
 * each new token costs one position per layer (its query against the cached keys and values), so
 * generation is linear per token rather than re-running the whole sequence.
 */

import type { Tensor } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import { FinetuneError } from "../errors.js";
import * as k from "../kernels/fused.js";
import { createRng, type Rng } from "../rng.js";
import type { ModelConfig } from "./config.js";
import type { ParamStore } from "./params.js";

/** How tokens are chosen. */
export interface SamplingOptions {
  /** Most tokens to generate after the prompt. */
  maxNewTokens: number;
  /** 0 (default): greedy (always the most likely token); > 0: sample from softmax(logits / temperature). */
  temperature: number;
  /** Sample only among the k most likely tokens (0: no limit). */
  topK: number;
  /** Sample only from the smallest set of tokens whose probability reaches topP (1: no limit). */
  topP: number;
  /** Seed for sampling. */
  seed: number;
  /** Token that ends a sequence. */
  stopToken: number;
  /** @internal sees the logits [batch * vocab] of every step (tests). */
  observe?: (logits: Float32Array) => void;
}

/** One generated continuation. */
export interface GeneratedIds {
  /** Generated token ids (without the stop token). */
  ids: number[];
  /** Why generation ended: the stop token, the token budget, or the context window. */
  finish: "stop" | "max_tokens" | "context";
}

interface LayerCache {
  kT: Tensor; // [b, h, dh, sk]
  v: Tensor; // [b, h, sk, dh]
}

function pick(logits: Float32Array, o: SamplingOptions, rng: Rng): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  if (o.temperature <= 0) return best;
  const idx = Array.from(logits.keys()).sort((a, b) => logits[b]! - logits[a]!);
  const limit = o.topK > 0 ? Math.min(o.topK, idx.length) : idx.length;
  const max = logits[best]!;
  const probs: number[] = [];
  let sum = 0;
  for (let i = 0; i < limit; i++) {
    const p = Math.exp((logits[idx[i]!]! - max) / o.temperature);
    probs.push(p);
    sum += p;
  }
  let keep = probs.length;
  if (o.topP < 1) {
    let acc = 0;
    for (let i = 0; i < probs.length; i++) {
      acc += probs[i]! / sum;
      if (acc >= o.topP) {
        keep = i + 1;
        break;
      }
    }
  }
  let total = 0;
  for (let i = 0; i < keep; i++) total += probs[i]!;
  let r = rng.next() * total;
  for (let i = 0; i < keep; i++) {
    r -= probs[i]!;
    if (r <= 0) return idx[i]!;
  }
  return idx[keep - 1]!;
}

/**
 * Generates continuations of token prompts (one batch; prompts are left-padded and masked).
 * @throws FinetuneError `UNKNOWN_TOKEN` for an id outside the vocabulary; `SEQUENCE_TOO_LONG` for a
 *   prompt that leaves no room in the context window
 */
export function generateIds(
  params: ParamStore,
  config: ModelConfig,
  prompts: readonly (readonly number[])[],
  o: SamplingOptions,
): GeneratedIds[] {
  const b = prompts.length;
  if (b === 0) return [];
  const { nHeads: h, dModel: d, nLayers: layers, vocabSize: vocab, contextLength: ctx, layerNormEps: eps } = config;
  prompts.forEach((p, i) => {
    if (p.length === 0) throw new FinetuneError("INVALID_INPUT", `prompt ${i} is empty`, { index: i });
    if (p.length >= ctx) {
      throw new FinetuneError(
        "SEQUENCE_TOO_LONG",
        `prompt ${i} has ${p.length} tokens; the context window holds ${ctx}`,
        {
          index: i,
        },
      );
    }
    for (const id of p) {
      if (!Number.isInteger(id) || id < 0 || id >= vocab) {
        throw new FinetuneError("UNKNOWN_TOKEN", `prompt ${i} has token id ${id} outside the vocabulary`, { index: i });
      }
    }
  });
  const scale = 1 / Math.sqrt(d / h);
  const rng = createRng(o.seed);
  const s0 = Math.max(...prompts.map((p) => p.length));
  const pad = prompts.map((p) => s0 - p.length);
  const results: GeneratedIds[] = prompts.map(() => ({ ids: [], finish: "max_tokens" }));
  const done = new Array<boolean>(b).fill(false);
  const lengths = prompts.map((p) => p.length);
  const keyStart = tf.keep(tf.tensor1d(pad, "int32"));
  let caches: LayerCache[] = [];
  const P = (name: string): Tensor => params.tensor(name);

  // one pass over `ids` [b, s] at `positions` [b, s]; returns logits of each row's last position
  const step = (idsArr: Int32Array, posArr: Int32Array, s: number, offset: number): Float32Array => {
    const next: LayerCache[] = [];
    const logits = tf.tidy(() => {
      const ids = tf.tensor2d(idsArr, [b, s], "int32");
      const positions = tf.tensor2d(posArr, [b, s], "int32");
      let x = k.embed(ids, P("wte"), P("wpe"), positions);
      for (let l = 0; l < layers; l++) {
        const p = `h${l}.`;
        const [h1] = k.layerNorm(x, P(`${p}ln1.g`), P(`${p}ln1.b`), eps);
        const qkv = tf.fused.matMul({ a: h1, b: P(`${p}attn.wqkv`), bias: P(`${p}attn.bqkv`) });
        const [q, , kTNew, vNew] = k.splitHeads(qkv, b, s, h) as [Tensor, Tensor, Tensor, Tensor];
        const prev = caches[l];
        const kT = prev === undefined ? kTNew : tf.concat([prev.kT, kTNew], 3);
        const v = prev === undefined ? vNew : tf.concat([prev.v, vNew], 2);
        next.push({ kT: tf.keep(kT), v: tf.keep(v) });
        const [prob] = k.causalSoftmax(tf.matMul(q, kT), scale, offset, false, keyStart) as [Tensor];
        const attn = k.mergeHeads(tf.matMul(prob, v));
        x = tf.add(x, tf.fused.matMul({ a: attn, b: P(`${p}attn.wo`), bias: P(`${p}attn.bo`) }));
        const [h2] = k.layerNorm(x, P(`${p}ln2.g`), P(`${p}ln2.b`), eps);
        const u = tf.fused.matMul({ a: h2, b: P(`${p}mlp.w1`), bias: P(`${p}mlp.b1`) });
        x = tf.add(x, tf.fused.matMul({ a: k.gelu(u), b: P(`${p}mlp.w2`), bias: P(`${p}mlp.b2`) }));
      }
      const last =
        s === 1
          ? x
          : tf.gather(
              x,
              tf.tensor1d(
                Array.from({ length: b }, (_, i) => i * s + s - 1),
                "int32",
              ),
            );
      const [hf] = k.layerNorm(last, P("lnf.g"), P("lnf.b"), eps);
      return tf.matMul(hf, params.transposed("wte"));
    });
    for (const c of caches) {
      c.kT.dispose();
      c.v.dispose();
    }
    caches = next;
    const data = logits.dataSync() as Float32Array;
    logits.dispose();
    o.observe?.(data);
    return data;
  };

  try {
    const ids0 = new Int32Array(b * s0);
    const pos0 = new Int32Array(b * s0);
    prompts.forEach((p, i) => {
      for (let t = 0; t < s0; t++) {
        const j = t - pad[i]!;
        ids0[i * s0 + t] = p[Math.max(0, j)]!; // padding repeats the first token (masked anyway)
        pos0[i * s0 + t] = Math.max(0, j);
      }
    });
    let logits = step(ids0, pos0, s0, 0);
    let sk = s0;
    for (let n = 0; n < o.maxNewTokens; n++) {
      const idsN = new Int32Array(b);
      const posN = new Int32Array(b);
      for (let i = 0; i < b; i++) {
        if (done[i]) {
          idsN[i] = prompts[i]![0]!; // finished rows run along on a valid token; their output is ignored
          posN[i] = Math.min(lengths[i]!, ctx - 1);
          continue;
        }
        const tok = pick(logits.subarray(i * vocab, (i + 1) * vocab), o, rng);
        if (tok === o.stopToken) {
          done[i] = true;
          results[i]!.finish = "stop";
        } else {
          results[i]!.ids.push(tok);
          lengths[i]!++;
          if (lengths[i]! >= ctx) {
            done[i] = true;
            results[i]!.finish = "context";
          }
        }
        idsN[i] = tok;
        posN[i] = Math.min(lengths[i]! - 1, ctx - 1);
      }
      if (done.every(Boolean) || n === o.maxNewTokens - 1) break;
      logits = step(idsN, posN, 1, sk);
      sk++;
    }
  } finally {
    for (const c of caches) {
      c.kT.dispose();
      c.v.dispose();
    }
    keyStart.dispose();
  }
  return results;
}
