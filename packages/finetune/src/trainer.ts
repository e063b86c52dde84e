/**
 * One optimiser step at a time, for callers who bring their own data loop: explicit forward and
 * backward pass, AdamW, and NaN protection (a non-finite loss or gradient stops with `NAN_LOSS`
 * and restores the weights of the last step whose loss was finite).
 */
import { FinetuneError } from "./errors.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { runBatch, type TokenBatch } from "./model/transformer.js";
import { AdamW, type AdamWOptions, DEFAULT_ADAMW } from "./optimizer.js";

/** A batch of token rows with next-token targets (-1 where no loss applies). */
export type TrainingBatch = TokenBatch;

/** What one {@link Trainer.step} did. */
export interface StepInfo {
  /** Mean loss over the counted targets (nats). */
  loss: number;
  /** Counted targets. */
  tokens: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

/** Trains a {@link CausalLanguageModel} in place, one batch per call. */
export class Trainer {
  /** Optimiser settings (the learning rate is the default for {@link Trainer.step}). */
  readonly options: AdamWOptions;
  private readonly opt: AdamW;
  private readonly flat: Float32Array;
  private readonly lastGood: Float32Array;
  private steps = 0;
  private readonly frozen: readonly { offset: number; size: number }[];

  /**
   * @param model - trained in place
   * @param options - AdamW settings on top of {@link DEFAULT_ADAMW}
   */
  constructor(
    readonly model: CausalLanguageModel,
    options: Partial<AdamWOptions> = {},
    /** Which parameters train (default all); frozen ones keep their values exactly. */
    trainable: (name: string) => boolean = () => true,
  ) {
    this.options = { ...DEFAULT_ADAMW, ...options };
    const { params } = model;
    const decayMask = new Uint8Array(params.values.length);
    for (const s of params.specs) if (s.decay) decayMask.fill(1, s.offset, s.offset + s.size);
    this.frozen = params.specs.filter((s) => !trainable(s.name));
    this.opt = new AdamW(params.values.length, decayMask);
    this.flat = new Float32Array(params.values.length);
    this.lastGood = params.values.slice();
  }

  /** Steps taken. */
  get stepCount(): number {
    return this.steps;
  }

  /**
   * Runs forward, backward and one AdamW update.
   * @param learningRate - overrides the configured rate for this step
   * @throws FinetuneError `NAN_LOSS` (weights restored to the last step with a finite loss),
   *   `UNKNOWN_TOKEN` (an id outside the vocabulary), `INVALID_INPUT` (inconsistent batch)
   */
  step(batch: TrainingBatch, learningRate = this.options.learningRate): StepInfo {
    const { params, config } = this.model;
    const n = batch.batch * batch.seqLen;
    if (
      batch.ids.length !== n ||
      batch.targets.length !== n ||
      (batch.weights !== undefined && batch.weights.length !== n) ||
      batch.seqLen > config.contextLength
    ) {
      throw new FinetuneError(
        "INVALID_INPUT",
        "batch ids/targets must have batch * seqLen entries and fit the context",
      );
    }
    for (let i = 0; i < n; i++) {
      const id = batch.ids[i]!;
      const t = batch.targets[i]!;
      if (id < 0 || id >= config.vocabSize || t >= config.vocabSize) {
        throw new FinetuneError(
          "UNKNOWN_TOKEN",
          `token id ${id < 0 || id >= config.vocabSize ? id : t} is outside the vocabulary`,
          {
            index: i,
          },
        );
      }
    }
    const r = runBatch(params, config, batch, true);
    if (r.count === 0) return { loss: 0, tokens: 0, gradNorm: 0 };
    const grads = r.grads!;
    const loss = r.nllSum / r.count;
    if (!Number.isFinite(loss)) {
      for (const g of grads.values()) g.dispose();
      this.fail(`loss became ${loss} at step ${this.steps + 1}`);
    }
    for (const s of params.specs) {
      const g = grads.get(s.name)!;
      this.flat.set(g.dataSync() as Float32Array, s.offset);
      g.dispose();
    }
    for (const f of this.frozen) this.flat.fill(0, f.offset, f.offset + f.size);
    this.lastGood.set(params.values);
    const gradNorm = this.opt.step(params.values, this.flat, learningRate, this.options);
    if (!Number.isFinite(gradNorm)) this.fail(`gradient norm became ${gradNorm} at step ${this.steps + 1}`);
    params.invalidate();
    this.steps++;
    return { loss, tokens: r.count, gradNorm };
  }

  private fail(message: string): never {
    this.model.params.values.set(this.lastGood);
    this.model.params.invalidate();
    throw new FinetuneError("NAN_LOSS", `${message}; the model keeps the weights of step ${this.steps}`, {
      step: this.steps,
      lastGoodModel: this.model,
    });
  }
}
