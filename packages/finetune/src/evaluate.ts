/**
 * Held-out perplexity: exp of the mean negative log-likelihood per predicted token.
 */
import { ensureBackend } from "./backend.js";
import { makeBatch } from "./batches.js";
import { type Dialogue, encodeDialogue } from "./chat.js";
import { FinetuneError } from "./errors.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { runBatch } from "./model/transformer.js";

/** Result of {@link evaluatePerplexity}. */
export interface PerplexityReport {
  /** exp(meanNll). */
  perplexity: number;
  /** Mean negative log-likelihood per predicted token (nats). */
  meanNll: number;
  /** Number of predicted tokens. */
  tokens: number;
}

/**
 * Perplexity of a model on dialogues (every token after the first is predicted; with
 * `responseOnly`, only the response and its end token).
 * @throws FinetuneError `EMPTY_CORPUS` for no dialogues; `SEQUENCE_TOO_LONG` for one that does not fit
 */
export async function evaluatePerplexity(
  model: CausalLanguageModel,
  dialogues: readonly Dialogue[],
  options: { batchSize?: number; responseOnly?: boolean } = {},
): Promise<PerplexityReport> {
  if (dialogues.length === 0) throw new FinetuneError("EMPTY_CORPUS", "no dialogues to evaluate on");
  await ensureBackend();
  const examples = dialogues
    .map((d, i) => encodeDialogue(model.tokenizer, d, model.config.contextLength, options.responseOnly === true, i))
    .sort((a, b) => a.ids.length - b.ids.length);
  const size = options.batchSize ?? 32;
  let nll = 0;
  let count = 0;
  for (let i = 0; i < examples.length; i += size) {
    const r = runBatch(model.params, model.config, makeBatch(examples.slice(i, i + size), model.tokenizer.eos), false);
    nll += r.nllSum;
    count += r.count;
  }
  const meanNll = nll / Math.max(1, count);
  return { perplexity: Math.exp(meanNll), meanNll, tokens: count };
}
