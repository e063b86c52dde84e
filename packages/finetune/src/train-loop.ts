/**
 * The shared training loop: batches, explicit forward/backward, AdamW, progress events, abort,
 * and NaN protection (a non-finite loss stops training and restores the last good weights).
 */
import { bucketedBatches, lossTokens, makeBatch } from "./batches.js";
import type { EncodedExample } from "./chat.js";
import { FinetuneError } from "./errors.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { type AdamWOptions, DEFAULT_ADAMW, learningRateAt } from "./optimizer.js";
import { createRng } from "./rng.js";
import { Trainer } from "./trainer.js";

/** Which long-running operation a progress event belongs to. */
export type ProgressPhase =
  | "train-language-model"
  | "embed-fingerprints"
  | "embed-feedback-link"
  | "robustness-finetune"
  | "watermark-classifier";

/** Emitted after every optimiser step: enough to draw a progress bar and a loss curve. */
export interface ProgressEvent {
  /** The operation running. */
  phase: ProgressPhase;
  /** Steps done so far (1-based). */
  step: number;
  /** Steps planned in total. */
  totalSteps: number;
  /** Current epoch (0-based). */
  epoch: number;
  /** Mean loss of this step's batch (nats per counted token; for classifiers, the batch loss). */
  loss: number;
  /** Learning rate used for this step. */
  learningRate: number;
  /** Tokens (or examples, for classifiers) with loss processed per second over this step. */
  tokensPerSecond: number;
  /** Milliseconds since the operation started. */
  elapsedMs: number;
}

/** Receives {@link ProgressEvent}s. */
export type ProgressListener = (event: ProgressEvent) => void;

/** @internal options of {@link runTraining} */
export interface LoopOptions {
  phase: ProgressPhase;
  epochs: number;
  batchSize: number;
  optimizer: AdamWOptions;
  /** `cosine` (default): warm-up then cosine decay to 10 %; `constant`: warm-up then the peak rate. */
  schedule?: "cosine" | "constant";
  /** Linear warm-up length in steps, or one epoch's worth. */
  warmupSteps: number | "one-epoch";
  seed: number;
  onProgress?: ProgressListener | undefined;
  signal?: AbortSignal | undefined;
  /** Which parameters train (default all). */
  trainable?: ((name: string) => boolean) | undefined;
  /** Called after each epoch (e.g. the forgetting regulariser); may change the weights. */
  onEpochEnd?: ((epoch: number) => void | Promise<void>) | undefined;
}

/** Summary of a training run. */
export interface TrainingStats {
  /** Optimiser steps taken. */
  steps: number;
  /** Mean loss of the last epoch (nats per counted token). */
  finalLoss: number;
  /** Mean loss per epoch. */
  epochLosses: number[];
  /** Tokens with loss processed. */
  tokens: number;
  /** Wall time in milliseconds. */
  timeMs: number;
  /** Throughput: tokens with loss per second. */
  tokensPerSecond: number;
  /** Optimiser steps per second. */
  stepsPerSecond: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Trains `model` in place on the examples each epoch provides.
 * @throws FinetuneError `NAN_LOSS` (weights restored to the last step with a finite loss, also
 *   available as `error.lastGoodModel`), `ABORTED` (weights as after the last completed step)
 * @internal
 */
export async function runTraining(
  model: CausalLanguageModel,
  examplesForEpoch: (epoch: number) => readonly EncodedExample[],
  o: LoopOptions,
): Promise<TrainingStats> {
  const rng = createRng(o.seed);
  const trainer = new Trainer(model, o.optimizer, o.trainable);
  const first = examplesForEpoch(0);
  const perEpoch = Math.ceil(first.length / o.batchSize);
  const total = perEpoch * o.epochs;
  const warmup = o.warmupSteps === "one-epoch" ? perEpoch : o.warmupSteps;
  const start = performance.now();
  const epochLosses: number[] = [];
  let tokens = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const examples = epoch === 0 ? first : examplesForEpoch(epoch);
    let epochNll = 0;
    let epochCount = 0;
    for (const group of bucketedBatches(examples, o.batchSize, rng)) {
      if (o.signal?.aborted === true) {
        throw new FinetuneError("ABORTED", "training was aborted", { step: trainer.stepCount, lastGoodModel: model });
      }
      const t0 = performance.now();
      const step = trainer.stepCount;
      const lr =
        o.schedule === "constant" && step >= warmup
          ? o.optimizer.learningRate
          : learningRateAt(step, total, o.optimizer.learningRate, warmup);
      const info = trainer.step(makeBatch(group, model.tokenizer.eos), lr);
      tokens += info.tokens;
      epochNll += info.loss * info.tokens;
      epochCount += info.tokens;
      const dt = performance.now() - t0;
      o.onProgress?.({
        phase: o.phase,
        step: step + 1,
        totalSteps: total,
        epoch,
        loss: info.loss,
        learningRate: lr,
        tokensPerSecond: (info.tokens * 1000) / Math.max(dt, 1e-3),
        elapsedMs: performance.now() - start,
      });
      await yieldToEventLoop();
    }
    epochLosses.push(epochNll / Math.max(1, epochCount));
    if (o.onEpochEnd !== undefined) {
      await o.onEpochEnd(epoch);
      model.params.invalidate();
    }
  }
  const timeMs = performance.now() - start;
  const steps = trainer.stepCount;
  return {
    steps,
    finalLoss: epochLosses[epochLosses.length - 1] ?? Number.NaN,
    epochLosses,
    tokens,
    timeMs,
    tokensPerSecond: (tokens * 1000) / Math.max(timeMs, 1e-3),
    stepsPerSecond: (steps * 1000) / Math.max(timeMs, 1e-3),
  };
}

/** Total tokens with loss in a set of examples. */
export function countLossTokens(examples: readonly EncodedExample[]): number {
  let n = 0;
  for (const e of examples) n += lossTokens(e);
  return n;
}

/** Pulls weights toward theta0 in place: theta <- (1 - lambda) theta + lambda theta0. */
export function applyForgettingRegularizer(values: Float32Array, theta0: Float32Array, lambda: number): void {
  if (lambda === 0) return;
  const keep = 1 - lambda;
  for (let i = 0; i < values.length; i++) values[i] = keep * values[i]! + lambda * theta0[i]!;
}

/**
 * Fine-tunes a copy of `model` (AdamW without weight decay unless `optimizer` says otherwise) and
 * pulls the copy back toward the original weights by `lambda` after every epoch (OML's forgetting
 * regulariser). The input model is not modified.
 * @internal
 */
export async function trainRegularizedCopy(
  model: CausalLanguageModel,
  examplesForEpoch: (epoch: number) => readonly EncodedExample[],
  lambda: number,
  o: Omit<LoopOptions, "optimizer" | "onEpochEnd"> & { learningRate: number; optimizer?: Partial<AdamWOptions> },
): Promise<{ model: CausalLanguageModel; training: TrainingStats }> {
  const copy = model.clone();
  const theta0 = model.params.values.slice();
  const { learningRate, optimizer, ...loop } = o;
  const training = await runTraining(copy, examplesForEpoch, {
    ...loop,
    optimizer: { ...DEFAULT_ADAMW, weightDecay: 0, ...optimizer, learningRate },
    onEpochEnd: () => applyForgettingRegularizer(copy.params.values, theta0, lambda),
  });
  return { model: copy, training };
}
