/**
 * Adapts a {@link CausalLanguageModel} to the `TextModel` interface of @modelproof/fingerprint
 * (`generate(prompt, { temperature, maxTokens, seed, signal })`). Calls made in the same tick are
 * generated together as one batch, so a check running many calls concurrently costs about as much
 * as a few batched generations.
 */
import type { TextModel } from "@modelproof/fingerprint";
import type { CausalLanguageModel } from "./model/causal-lm.js";

/** Options of {@link asTextModel}. */
export interface TextModelOptions {
  /** Token budget when the caller gives no `maxTokens` (default 32). */
  maxNewTokens?: number;
  /** A system prompt placed before every prompt. */
  system?: string;
}

interface Pending {
  prompt: string;
  maxTokens: number;
  temperature: number;
  seed: number;
  resolve: (text: string) => void;
  reject: (e: unknown) => void;
}

/**
 * Wraps a model as a `TextModel` with micro-batching.
 * @example
 * ```ts
 * const report = await checkFingerprints(asTextModel(model), fingerprints, { concurrency: 64 });
 * ```
 */
export function asTextModel(model: CausalLanguageModel, options: TextModelOptions = {}): TextModel {
  let queue: Pending[] = [];
  let scheduled = false;
  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const groups = new Map<string, Pending[]>();
    for (const p of batch) {
      const key = `${p.maxTokens}/${p.temperature}/${p.temperature > 0 ? p.seed : 0}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, [p]);
      else g.push(p);
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      try {
        const texts = await model.generateBatch(
          group.map((p) => p.prompt),
          {
            maxNewTokens: first.maxTokens,
            temperature: first.temperature,
            seed: first.seed,
            ...(options.system === undefined ? {} : { system: options.system }),
          },
        );
        group.forEach((p, i) => {
          p.resolve(texts[i]!);
        });
      } catch (e) {
        for (const p of group) p.reject(e);
      }
    }
  };
  return {
    generate(prompt, o = {}) {
      return new Promise<string>((resolve, reject) => {
        if (o.signal?.aborted === true) {
          reject(o.signal.reason);
          return;
        }
        queue.push({
          prompt,
          maxTokens: o.maxTokens ?? options.maxNewTokens ?? 32,
          temperature: o.temperature ?? 0,
          seed: o.seed ?? 0,
          resolve,
          reject,
        });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
