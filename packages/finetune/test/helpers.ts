import type * as tf from "@tensorflow/tfjs-core";
import { useBackend } from "../src/backend.js";
import type { Dialogue } from "../src/chat.js";
import { CausalLanguageModel } from "../src/model/causal-lm.js";
import type { ModelConfig } from "../src/model/config.js";
import { Tokenizer } from "../src/tokenizer.js";

/** A tiny synthetic support corpus (deterministic). */
export function tinyCorpus(n = 48): Dialogue[] {
  const topics = ["sync", "billing", "export", "password", "theme", "offline", "sharing", "tags"];
  const out: Dialogue[] = [];
  for (let i = 0; i < n; i++) {
    const t = topics[i % topics.length]!;
    out.push({
      prompt: `How do I fix ${t} issue ${i % 5}?`,
      response: `Open Settings, choose ${t}, then press Reset ${i % 5}.`,
    });
  }
  return out;
}

export const TINY_CONFIG: Partial<Omit<ModelConfig, "vocabSize">> = {
  contextLength: 48,
  dModel: 32,
  nHeads: 4,
  nLayers: 2,
  dFF: 64,
};

let tokenizer: Tokenizer | undefined;
export function tinyTokenizer(): Tokenizer {
  tokenizer ??= Tokenizer.train(
    tinyCorpus().flatMap((d) => [d.prompt, d.response]),
    300,
  );
  return tokenizer;
}

/** A freshly initialised tiny model. */
export function tinyModel(seed = 1, config: Partial<Omit<ModelConfig, "vocabSize">> = {}): CausalLanguageModel {
  return CausalLanguageModel.create(tinyTokenizer(), { ...TINY_CONFIG, ...config }, seed);
}

/** Switches backend and returns a function that runs `fn` on it. */
export async function onBackend<T>(name: "wasm" | "cpu", fn: () => T | Promise<T>): Promise<T> {
  await useBackend(name);
  return fn();
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expectSameLength(a, b);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function expectSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
}

/** Reads a tensor and disposes it. */
export function take(t: tf.Tensor): Float32Array {
  const d = t.dataSync() as Float32Array;
  t.dispose();
  return Float32Array.from(d);
}
