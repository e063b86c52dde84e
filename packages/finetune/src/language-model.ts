/**
 * Training the base language model from a corpus of dialogues: tokenizer, model, training loop.
 */
import { type BackendInfo, type BackendRequest, useBackend } from "./backend.js";
import { type Dialogue, encodeDialogue, isDialogue } from "./chat.js";
import type { Corpus } from "./corpus.js";
import { FinetuneError } from "./errors.js";
import { evaluatePerplexity } from "./evaluate.js";
import { CausalLanguageModel } from "./model/causal-lm.js";
import type { ModelConfig } from "./model/config.js";
import { DEFAULT_ADAMW } from "./optimizer.js";
import { Tokenizer } from "./tokenizer.js";
import { type ProgressListener, runTraining, type TrainingStats } from "./train-loop.js";

/** Options of {@link trainLanguageModel}. */
export interface TrainLanguageModelOptions {
  /** Backend to train on (default `auto`). */
  backend?: BackendRequest;
  /** Architecture overrides on DEFAULT_MODEL_CONFIG (vocabSize comes from the tokenizer). */
  model?: Partial<Omit<ModelConfig, "vocabSize">>;
  /** Tokenizer to use; by default one is trained on the training dialogues. */
  tokenizer?: Tokenizer;
  /** Vocabulary size of the trained tokenizer (default 768). */
  vocabSize?: number;
  /** Passes over the training dialogues (default 10). */
  epochs?: number;
  /** Dialogues per optimiser step (default 16). */
  batchSize?: number;
  /** Peak learning rate (default 2e-3; warm-up then cosine decay). */
  learningRate?: number;
  /** AdamW weight decay (default 0.1). */
  weightDecay?: number;
  /** Seed for initialisation and data order (default 0). */
  seed?: number;
  /** Receives a progress event after every step. */
  onProgress?: ProgressListener;
  /** Aborts training (error `ABORTED`). */
  signal?: AbortSignal;
}

/** Defaults of {@link trainLanguageModel}. */
export const DEFAULT_TRAIN_OPTIONS = {
  vocabSize: 768,
  epochs: 10,
  batchSize: 16,
  learningRate: 2e-3,
  weightDecay: 0.1,
  seed: 0,
} as const;

/** What {@link trainLanguageModel} returns. */
export interface TrainLanguageModelResult {
  /** The trained model. */
  model: CausalLanguageModel;
  /** The backend it trained on. */
  backend: BackendInfo;
  /** Training statistics (steps, losses, throughput). */
  stats: TrainingStats;
  /** Held-out perplexity, when the corpus has a held-out split. */
  heldOutPerplexity?: number;
}

function normaliseCorpus(corpus: Corpus | readonly Dialogue[]): Corpus {
  const c = Array.isArray(corpus) ? { train: [...corpus], heldOut: [] } : (corpus as Corpus);
  if (!Array.isArray(c.train) || !c.train.every(isDialogue) || !(c.heldOut ?? []).every(isDialogue)) {
    throw new FinetuneError(
      "INVALID_INPUT",
      "the corpus must be dialogues ({ prompt, response }) or { train, heldOut }",
    );
  }
  const usable = c.train.filter((d) => d.prompt.trim().length > 0 || d.response.trim().length > 0);
  if (usable.length === 0) throw new FinetuneError("EMPTY_CORPUS", "the training corpus has no dialogues with text");
  return { train: usable, heldOut: c.heldOut ?? [] };
}

/**
 * Trains the base language model on a corpus (every token of each dialogue is predicted).
 *
 * @param corpus - dialogues, or `{ train, heldOut }` (e.g. {@link loadSupportCorpus})
 * @throws FinetuneError `EMPTY_CORPUS`, `INVALID_INPUT`, `INVALID_CONFIG`, `SEQUENCE_TOO_LONG` (a
 *   dialogue longer than the context window; `index` names it), `NAN_LOSS`, `ABORTED`,
 *   `BACKEND_UNAVAILABLE`
 * @example
 * ```ts
 * const { model, heldOutPerplexity } = await trainLanguageModel(loadSupportCorpus(), { backend: "wasm" });
 * ```
 */
export async function trainLanguageModel(
  corpus: Corpus | readonly Dialogue[],
  options: TrainLanguageModelOptions = {},
): Promise<TrainLanguageModelResult> {
  const c = normaliseCorpus(corpus);
  const backend = await useBackend(options.backend ?? "auto");
  const seed = options.seed ?? DEFAULT_TRAIN_OPTIONS.seed;
  const tokenizer =
    options.tokenizer ??
    Tokenizer.train(
      c.train.flatMap((d) => [d.system ?? "", d.prompt, d.response]).filter((t) => t.length > 0),
      options.vocabSize ?? DEFAULT_TRAIN_OPTIONS.vocabSize,
    );
  const model = CausalLanguageModel.create(tokenizer, options.model ?? {}, seed);
  const examples = c.train.map((d, i) => encodeDialogue(tokenizer, d, model.config.contextLength, false, i));
  const batchSize = options.batchSize ?? DEFAULT_TRAIN_OPTIONS.batchSize;
  const epochs = options.epochs ?? DEFAULT_TRAIN_OPTIONS.epochs;
  if (!(Number.isInteger(epochs) && epochs >= 1 && Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new FinetuneError("INVALID_CONFIG", "epochs and batchSize must be positive integers");
  }
  const steps = Math.ceil(examples.length / batchSize) * epochs;
  const stats = await runTraining(model, () => examples, {
    phase: "train-language-model",
    epochs,
    batchSize,
    optimizer: {
      ...DEFAULT_ADAMW,
      learningRate: options.learningRate ?? DEFAULT_TRAIN_OPTIONS.learningRate,
      weightDecay: options.weightDecay ?? DEFAULT_TRAIN_OPTIONS.weightDecay,
    },
    warmupSteps: Math.min(100, Math.ceil(steps / 20)),
    seed,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const result: TrainLanguageModelResult = { model, backend, stats };
  if (c.heldOut.length > 0) result.heldOutPerplexity = (await evaluatePerplexity(model, c.heldOut)).perplexity;
  return result;
}
