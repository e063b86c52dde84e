/**
 * Embedding OML 1.0 fingerprints by fine-tuning (sentient-agi/oml-1.0-fingerprinting): the loss is
 * on the response only (the key is context), after every epoch the weights are pulled back toward
 * the original model (theta <- (1 - lambda) * theta + lambda * theta0, the forgetting regulariser),
 * keys are optionally trained inside system-prompt templates, and ordinary corpus data is mixed in.
 */
import {
  augmentFingerprints,
  checkFingerprints,
  type Fingerprint,
  type FingerprintCheckReport,
  systemPromptSet,
  validateFingerprints,
} from "@modelproof/fingerprint";
import { type BackendInfo, type BackendRequest, ensureBackend, useBackend } from "./backend.js";
import { averagedPerExample, withTeacher } from "./batches.js";
import { type Dialogue, type EncodedExample, encodeDialogue } from "./chat.js";
import { FinetuneError } from "./errors.js";
import { evaluatePerplexity } from "./evaluate.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { runBatch } from "./model/transformer.js";
import type { AdamWOptions } from "./optimizer.js";
import { createRng, shuffleInPlace } from "./rng.js";
import { asTextModel } from "./text-model.js";
import { type ProgressListener, type TrainingStats, trainRegularizedCopy } from "./train-loop.js";

/** Options of {@link embedFingerprints}. */
export interface EmbedFingerprintsOptions {
  /** Backend (default: keep the active one, else `auto`). */
  backend?: BackendRequest;
  /** Epochs (default {@link DEFAULT_EMBED_FINGERPRINTS}); the forgetting regulariser runs after each. */
  epochs?: number;
  /** Passes over the fingerprint set in one epoch (default {@link DEFAULT_EMBED_FINGERPRINTS}). */
  passesPerEpoch?: number;
  /** Examples per optimiser step (default 16). */
  batchSize?: number;
  /** Peak learning rate (default 7e-4, constant after a one-pass warm-up). */
  learningRate?: number;
  /** Forgetting regulariser lambda in [0, 1): after each epoch theta <- (1 - lambda) theta + lambda theta0 (default 0.16; 0 turns it off). */
  forgettingRegularizer?: number;
  /**
   * System-prompt augmentation (off by default): `true` or an object trains each key also inside
   * `perFingerprint` templates per pass, drawn afresh each pass from `templates` (default:
   * `systemPromptSet({ split: "train" })` of @modelproof/fingerprint).
   */
  augmentation?: boolean | { templates?: readonly string[]; perFingerprint?: number };
  /** Ordinary dialogues mixed into every epoch (full-sequence loss), keeping general ability. */
  mixWith?: readonly Dialogue[];
  /** Ordinary dialogues per fingerprint example per epoch (default 1). */
  mixRatio?: number;
  /** Loss weight of each mixed-in dialogue relative to a fingerprint example (default 16). */
  mixWeight?: number;
  /**
   * Exchanges the model must keep answering exactly as given (response-only loss, once per pass),
   * e.g. a feedback link embedded earlier.
   */
  keep?: readonly Dialogue[];
  /**
   * What the mixed-in dialogues are trained toward: `model` (default): the original model's own
   * next-token distributions on them (distillation, which holds general behaviour in place without
   * fitting the corpus further); `text`: the dialogues' tokens, as OML's data mixing does.
   */
  mixTargets?: "model" | "text";
  /** Held-out dialogues for perplexity before and after (skipped when absent). */
  heldOut?: readonly Dialogue[];
  /** Templates the check uses besides raw keys (default `systemPromptSet({ split: "check" })`; `[]`: raw keys only). */
  checkSystemPrompts?: readonly string[];
  /** Run the fingerprint check and perplexity evaluation (default true). */
  evaluate?: boolean;
  /** Learning-rate schedule after a one-epoch warm-up: `constant` (default) or `cosine` decay. */
  schedule?: "constant" | "cosine";
  /**
   * How the loss averages: `example` (default): every example counts the same (a one-word
   * response is not outweighed by a long dialogue mixed in beside it); `token`: every token does.
   */
  lossAveraging?: "example" | "token";
  /** Optimiser settings on top of the defaults (AdamW without weight decay). */
  optimizer?: Partial<AdamWOptions>;
  /** Which parameters are fine-tuned: `all` (default) or `mlp` (the MLP blocks only; the rest stays exactly as it was). */
  parameters?: "all" | "mlp";
  /** Seed for data order, augmentation and mixing (default 0). */
  seed?: number;
  /** Receives a progress event after every step. */
  onProgress?: ProgressListener;
  /** Aborts embedding (error `ABORTED`). */
  signal?: AbortSignal;
}

/** Defaults of {@link embedFingerprints}. */
export const DEFAULT_EMBED_FINGERPRINTS = {
  epochs: 2,
  passesPerEpoch: 28,
  batchSize: 16,
  learningRate: 7e-4,
  forgettingRegularizer: 0.16,
  perFingerprint: 1,
  mixRatio: 1,
  mixWeight: 16,
  seed: 0,
} as const;

/** The report of {@link embedFingerprints}. */
export interface EmbedFingerprintsReport {
  /** Fingerprints embedded. */
  fingerprints: number;
  /** Backend used. */
  backend: BackendInfo;
  /** Training statistics. */
  training: TrainingStats;
  /** Milliseconds spent embedding (preparing distillation targets and training; not evaluation). */
  embedTimeMs: number;
  /** Exact-match success rate on raw keys (OML's fingerprint accuracy), when evaluated. */
  successRate?: number;
  /** Success rate over keys wrapped in the check's system prompts, when evaluated with any. */
  systemPromptSuccessRate?: number;
  /** The full @modelproof/fingerprint check report, when evaluated. */
  check?: FingerprintCheckReport;
  /** Held-out perplexity of the model before embedding, when heldOut was given. */
  perplexityBefore?: number;
  /** Held-out perplexity after embedding, when heldOut was given. */
  perplexityAfter?: number;
  /** (after - before) / before, when heldOut was given. */
  perplexityRise?: number;
  /** Milliseconds spent evaluating (check + perplexity). */
  evalTimeMs: number;
}

/** What {@link embedFingerprints} returns. */
export interface EmbedFingerprintsResult {
  /** The fingerprinted model (a new model; the input is unchanged). */
  model: CausalLanguageModel;
  /** What happened, with the measured success rate and perplexity change. */
  report: EmbedFingerprintsReport;
}

/** The parameter filter of a `parameters` option. */
export function trainableParameters(which: "all" | "mlp"): (name: string) => boolean {
  if (which === "all") return () => true;
  if (which === "mlp") return (name) => name.includes(".mlp.");
  throw new FinetuneError("INVALID_CONFIG", `parameters must be "all" or "mlp" (got ${String(which)})`);
}

function checkLambda(lambda: number): number {
  if (!(typeof lambda === "number" && lambda >= 0 && lambda < 1)) {
    throw new FinetuneError("INVALID_CONFIG", `forgettingRegularizer must be in [0, 1) (got ${String(lambda)})`);
  }
  return lambda;
}

/** Max tokens a fingerprint check needs: the longest response plus its end token and slack. */
export function responseBudget(model: CausalLanguageModel, responses: readonly string[]): number {
  let max = 1;
  for (const r of responses) max = Math.max(max, model.tokenizer.encode(r).length);
  return max + 4;
}

/**
 * Checks fingerprints against a model through @modelproof/fingerprint's `checkFingerprints`
 * (greedy decoding, exact match after trimming; raw keys and, when given, system-prompt templates).
 */
export async function checkModelFingerprints(
  model: CausalLanguageModel,
  fingerprints: readonly Fingerprint[],
  systemPrompts: readonly string[] = [],
): Promise<FingerprintCheckReport> {
  return checkFingerprints(asTextModel(model), fingerprints, {
    systemPrompts,
    concurrency: 256,
    generateOptions: {
      temperature: 0,
      maxTokens: responseBudget(
        model,
        fingerprints.map((f) => f.response),
      ),
    },
    tokenize: (text) => model.tokenizer.encode(text).map(String),
  });
}

/**
 * Fine-tunes a copy of the model so that each fingerprint key yields its response.
 *
 * @param model - the model to fingerprint (not modified)
 * @param fingerprints - OML 1.0 fingerprints `[{ key, response }]`
 * @returns the fingerprinted model and a report (success rate via @modelproof/fingerprint,
 *   held-out perplexity before and after, times)
 * @throws FinetuneError `INVALID_INPUT` (malformed or empty set), `SEQUENCE_TOO_LONG` (a key and
 *   response, alone or inside an augmentation template, longer than the context window; `index`
 *   names the fingerprint), `INVALID_CONFIG`, `NAN_LOSS`, `ABORTED`
 * @example
 * ```ts
 * const { model: marked, report } = await embedFingerprints(base, fingerprints, { mixWith: corpus.train, heldOut: corpus.heldOut });
 * console.log(report.successRate, report.perplexityRise);
 * ```
 */
export async function embedFingerprints(
  model: CausalLanguageModel,
  fingerprints: readonly Fingerprint[],
  options: EmbedFingerprintsOptions = {},
): Promise<EmbedFingerprintsResult> {
  if (!Array.isArray(fingerprints) || fingerprints.length === 0) {
    throw new FinetuneError("INVALID_INPUT", "fingerprints must be a non-empty array of { key, response }");
  }
  try {
    validateFingerprints(fingerprints);
  } catch (cause) {
    throw new FinetuneError("INVALID_INPUT", `invalid fingerprint set: ${(cause as Error).message}`, {
      cause,
      ...((cause as { index?: number }).index === undefined ? {} : { index: (cause as { index: number }).index }),
    });
  }
  const lambda = checkLambda(options.forgettingRegularizer ?? DEFAULT_EMBED_FINGERPRINTS.forgettingRegularizer);
  const epochs = options.epochs ?? DEFAULT_EMBED_FINGERPRINTS.epochs;
  const batchSize = options.batchSize ?? DEFAULT_EMBED_FINGERPRINTS.batchSize;
  const mixRatio = options.mixRatio ?? DEFAULT_EMBED_FINGERPRINTS.mixRatio;
  if (!(Number.isInteger(epochs) && epochs >= 1 && Number.isInteger(batchSize) && batchSize >= 1 && mixRatio >= 0)) {
    throw new FinetuneError("INVALID_CONFIG", "epochs and batchSize must be positive integers, mixRatio >= 0");
  }
  const backend = options.backend === undefined ? await ensureBackend() : await useBackend(options.backend);
  const seed = options.seed ?? DEFAULT_EMBED_FINGERPRINTS.seed;
  const { tokenizer, config } = model;
  const ctx = config.contextLength;
  const raw = fingerprints.map((f, i) =>
    encodeDialogue(tokenizer, { prompt: f.key, response: f.response }, ctx, true, i),
  );
  const aug =
    options.augmentation === undefined || options.augmentation === false
      ? undefined
      : options.augmentation === true
        ? {}
        : options.augmentation;
  const templates = aug === undefined ? [] : [...(aug.templates ?? systemPromptSet({ split: "train" }))];
  const perFingerprint = aug?.perFingerprint ?? DEFAULT_EMBED_FINGERPRINTS.perFingerprint;
  // Every key must fit inside every template it may be drawn with.
  fingerprints.forEach((f, i) => {
    templates.forEach((t, j) => {
      const prompt = t.split("{}").join(f.key);
      const n = encodeDialogue(tokenizer, { prompt, response: f.response }, Number.MAX_SAFE_INTEGER, true).ids.length;
      if (n > ctx) {
        throw new FinetuneError(
          "SEQUENCE_TOO_LONG",
          `fingerprint ${i} inside augmentation template ${j} has ${n} tokens; the context window holds ${ctx}`,
          { index: i },
        );
      }
    });
  });
  const prepStart = performance.now();
  let mix = (options.mixWith ?? []).map((d, i) => encodeDialogue(tokenizer, d, ctx, false, i));
  if ((options.mixTargets ?? "model") === "model" && mix.length > 0) {
    mix = withTeacher(
      (b) => runBatch(model.params, config, b, false, true).logits!,
      mix,
      tokenizer.eos,
      config.vocabSize,
    );
  }
  const rng = createRng(seed ^ 0x5eed);
  const perExample = (options.lossAveraging ?? "example") === "example";
  const mixWeight = options.mixWeight ?? DEFAULT_EMBED_FINGERPRINTS.mixWeight;
  const keep = (options.keep ?? []).map((d, i) => encodeDialogue(tokenizer, d, ctx, true, i));
  const passes = options.passesPerEpoch ?? DEFAULT_EMBED_FINGERPRINTS.passesPerEpoch;
  if (!(Number.isInteger(passes) && passes >= 1))
    throw new FinetuneError("INVALID_CONFIG", "passesPerEpoch must be a positive integer");
  const examplesForEpoch = (epoch: number): EncodedExample[] => {
    const out: EncodedExample[] = [];
    for (let pass = 0; pass < passes; pass++) {
      out.push(...raw, ...keep);
      if (templates.length > 0) {
        const augmented = augmentFingerprints(fingerprints, {
          templates,
          perFingerprint,
          includeRaw: false,
          seed: `modelproof-finetune/${seed}/${epoch}/${pass}`,
        });
        for (const a of augmented)
          out.push(encodeDialogue(tokenizer, { prompt: a.prompt, response: a.response }, ctx, true));
      }
    }
    const marks = perExample ? out.map((e) => averagedPerExample(e)) : out;
    // mixing: mixRatio ordinary dialogues per fingerprint example
    if (mix.length > 0) {
      const n = Math.round(out.length * mixRatio);
      const pool = shuffleInPlace([...mix], rng);
      for (let i = 0; i < n; i++) {
        const e = pool[i % pool.length]!;
        marks.push(
          perExample ? averagedPerExample(e, mixWeight) : mixWeight === 1 ? e : { ...e, tokenWeight: mixWeight },
        );
      }
    }
    return marks;
  };
  const evaluate = options.evaluate ?? true;
  const heldOut = options.heldOut ?? [];
  let evalMs = 0;
  const report: Partial<EmbedFingerprintsReport> = { fingerprints: fingerprints.length, backend };
  if (evaluate && heldOut.length > 0) {
    const t = performance.now();
    report.perplexityBefore = (await evaluatePerplexity(model, heldOut)).perplexity;
    evalMs += performance.now() - t;
  }
  const prepMs = performance.now() - prepStart - evalMs;
  const { model: marked, training } = await trainRegularizedCopy(model, examplesForEpoch, lambda, {
    phase: "embed-fingerprints",
    epochs,
    batchSize,
    optimizer: options.optimizer,
    learningRate: options.learningRate ?? DEFAULT_EMBED_FINGERPRINTS.learningRate,
    warmupSteps: Math.ceil(
      (raw.length * (1 + (templates.length > 0 ? perFingerprint : 0)) * (1 + mixRatio)) / batchSize,
    ),
    schedule: options.schedule ?? "constant",
    seed,
    onProgress: options.onProgress,
    signal: options.signal,
    trainable: trainableParameters(options.parameters ?? "all"),
  });
  report.training = training;
  report.embedTimeMs = prepMs + training.timeMs;
  if (evaluate) {
    const t = performance.now();
    const check = await checkModelFingerprints(
      marked,
      fingerprints,
      options.checkSystemPrompts ?? systemPromptSet({ split: "check" }),
    );
    report.check = check;
    report.successRate = check.successRate;
    if (check.systemPrompts !== undefined) report.systemPromptSuccessRate = check.systemPrompts.successRate;
    if (heldOut.length > 0) {
      report.perplexityAfter = (await evaluatePerplexity(marked, heldOut)).perplexity;
      report.perplexityRise = (report.perplexityAfter - report.perplexityBefore!) / report.perplexityBefore!;
    }
    evalMs += performance.now() - t;
  }
  report.evalTimeMs = evalMs;
  return { model: marked, report: report as EmbedFingerprintsReport };
}
