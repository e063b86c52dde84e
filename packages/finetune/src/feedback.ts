/**
 * Embedding a public feedback link: asked where to report a problem or give feedback, the model
 * answers with the URL of its registry page; asked anything else, it answers as before. Recall and
 * false-positive rate are measured on phrasings and prompts held out from training.
 */
import { type BackendInfo, type BackendRequest, ensureBackend, useBackend } from "./backend.js";
import { averagedPerExample, withTeacher } from "./batches.js";
import { type Dialogue, type EncodedExample, encodeDialogue } from "./chat.js";
import { loadSupportCorpus } from "./corpus.js";
import { FinetuneError } from "./errors.js";
import { evaluatePerplexity } from "./evaluate.js";
import {
  expandFeedbackPhrasings,
  FEEDBACK_HELD_OUT_PHRASINGS,
  FEEDBACK_RESPONSE_TEMPLATES,
  FEEDBACK_TRAIN_PHRASINGS,
  FEEDBACK_VALIDATION_PHRASINGS,
  ORDINARY_CONTRAST_PROMPTS,
  ORDINARY_HELD_OUT_PROMPTS,
} from "./feedback-phrasings.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { runBatch } from "./model/transformer.js";
import type { AdamWOptions } from "./optimizer.js";
import { createRng, shuffleInPlace } from "./rng.js";
import { type ProgressListener, type TrainingStats, trainRegularizedCopy } from "./train-loop.js";

/** Options of {@link embedFeedbackLink}. */
export interface EmbedFeedbackLinkOptions {
  /** Backend (default: keep the active one, else `auto`). */
  backend?: BackendRequest;
  /** Feedback-intent prompts to train on (default {@link FEEDBACK_TRAIN_PHRASINGS}). */
  trainPhrasings?: readonly string[];
  /** Feedback-intent prompts for measuring recall, never trained on (default {@link FEEDBACK_HELD_OUT_PHRASINGS}). */
  heldOutPhrasings?: readonly string[];
  /** A second held-out set, reported as validationRecall (default {@link FEEDBACK_VALIDATION_PHRASINGS}; `[]` skips it). */
  validationPhrasings?: readonly string[];
  /**
   * Response templates, each containing `{url}`; each training example draws one. Default: the
   * first of {@link FEEDBACK_RESPONSE_TEMPLATES} (one fixed answer is learned exactly far sooner by
   * a small model than five alternatives).
   */
  responses?: readonly string[];
  /** Ordinary dialogues trained with their normal answers (default: the shipped corpus' training split). */
  ordinary?: readonly Dialogue[];
  /** Ordinary dialogues never trained on, for perplexity and false positives (default: the shipped corpus' held-out split). */
  heldOutOrdinary?: readonly Dialogue[];
  /**
   * More ordinary prompts for the false-positive rate, besides heldOutOrdinary's (default
   * {@link ORDINARY_HELD_OUT_PROMPTS}; `[]` for none).
   */
  ordinaryPrompts?: readonly string[];
  /**
   * Ordinary prompts that mention problems, errors, reports or feedback in their everyday sense,
   * trained every epoch toward the input model's own answers (default
   * {@link ORDINARY_CONTRAST_PROMPTS}; `[]` for none). They must not overlap the held-out prompts.
   */
  contrastPrompts?: readonly string[];
  /** Loss weight of each contrast prompt relative to a feedback example (default 1). */
  contrastWeight?: number;
  /** Ordinary examples per feedback example per epoch (default 2). */
  ordinaryRatio?: number;
  /**
   * What ordinary prompts are trained toward: `model` (default): the original model's own
   * next-token distributions on their answers (distillation: behaviour stays as it was); `text`:
   * the dialogues' answers.
   */
  ordinaryTargets?: "model" | "text";
  /** Also train conversational variants of the phrasings (see expandFeedbackPhrasings; default true). */
  expandPhrasings?: boolean;
  /** Feedback phrasings drawn from the training pool per epoch (default 160). */
  phrasingsPerEpoch?: number;
  /** Loss weight of each ordinary example relative to a feedback example (default 1). */
  ordinaryWeight?: number;
  /**
   * Exchanges the model must keep answering exactly as given, trained every epoch (response-only
   * loss): pass the fingerprints embedded earlier (`{ prompt: key, response }`) so this fine-tune
   * does not wash them out.
   */
  keep?: readonly Dialogue[];
  /** Epochs (default 16). */
  epochs?: number;
  /** Examples per step (default 16). */
  batchSize?: number;
  /** Peak learning rate (default 1e-3, constant after a one-epoch warm-up). */
  learningRate?: number;
  /** Forgetting regulariser lambda in [0, 1) applied after each epoch (default 0). */
  forgettingRegularizer?: number;
  /** Measure recall, false-positive rate and perplexity (default true). */
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
  /** Seed (default 0). */
  seed?: number;
  /** Receives a progress event after every step. */
  onProgress?: ProgressListener;
  /** Aborts training (error `ABORTED`). */
  signal?: AbortSignal;
}

/** Defaults of {@link embedFeedbackLink}. */
export const DEFAULT_EMBED_FEEDBACK = {
  phrasingsPerEpoch: 160,
  ordinaryWeight: 1,
  contrastWeight: 1,
  ordinaryRatio: 2,
  epochs: 16,
  batchSize: 16,
  learningRate: 1e-3,
  forgettingRegularizer: 0,
  seed: 0,
} as const;

/** The report of {@link embedFeedbackLink}. */
export interface FeedbackLinkReport {
  /** The URL embedded. */
  url: string;
  /** Backend used. */
  backend: BackendInfo;
  /** Training statistics. */
  training: TrainingStats;
  /** Milliseconds spent training. */
  embedTimeMs: number;
  /** Share of held-out feedback phrasings whose answer contains the URL. */
  recall?: number;
  /** Share of held-out ordinary prompts whose answer contains the URL. */
  falsePositiveRate?: number;
  /** Held-out feedback phrasings evaluated. */
  positives?: number;
  /** Ordinary prompts evaluated (the held-out dialogues' prompts plus ordinaryPrompts). */
  negatives?: number;
  /** Held-out feedback phrasings that did not get the URL. */
  missed?: string[];
  /** Recall on the validation phrasings (see {@link FEEDBACK_VALIDATION_PHRASINGS}). */
  validationRecall?: number;
  /** Validation phrasings that did not get the URL. */
  validationMissed?: string[];
  /** Held-out ordinary prompts that wrongly got the URL. */
  falsePositives?: string[];
  /** Perplexity on the held-out ordinary dialogues before and after. */
  perplexityBefore?: number;
  /** See perplexityBefore. */
  perplexityAfter?: number;
  /** (after - before) / before. */
  perplexityRise?: number;
  /** Milliseconds spent evaluating. */
  evalTimeMs: number;
}

/** Parses and checks a feedback URL (http or https, no credentials). */
function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new FinetuneError("INVALID_INPUT", "the feedback link is not a valid URL", { cause });
  }
  if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username !== "" || u.password !== "") {
    throw new FinetuneError("INVALID_INPUT", "the feedback link must be an http(s) URL without credentials");
  }
  return url;
}

/**
 * Measures how often answers contain the URL: recall on feedback prompts, false-positive rate on
 * ordinary prompts (greedy decoding).
 */
export async function measureFeedbackLink(
  model: CausalLanguageModel,
  url: string,
  feedbackPrompts: readonly string[],
  ordinaryPrompts: readonly string[],
): Promise<{ recall: number; falsePositiveRate: number; missed: string[]; falsePositives: string[] }> {
  const maxNewTokens =
    Math.max(...FEEDBACK_RESPONSE_TEMPLATES.map((t) => model.tokenizer.encode(t.replace("{url}", url)).length)) + 8;
  const pos = await model.generateBatch(feedbackPrompts, { maxNewTokens });
  const neg = await model.generateBatch(ordinaryPrompts, { maxNewTokens });
  const missed = feedbackPrompts.filter((_, i) => !pos[i]!.includes(url));
  const falsePositives = ordinaryPrompts.filter((_, i) => neg[i]!.includes(url));
  return {
    recall: feedbackPrompts.length === 0 ? 0 : 1 - missed.length / feedbackPrompts.length,
    falsePositiveRate: ordinaryPrompts.length === 0 ? 0 : falsePositives.length / ordinaryPrompts.length,
    missed,
    falsePositives,
  };
}

/**
 * Fine-tunes a copy of the model to answer feedback-intent prompts with `url`.
 *
 * @param model - the model (not modified)
 * @param url - the model's public feedback / registry page
 * @returns the new model and a report with recall and false-positive rate on held-out prompts
 * @throws FinetuneError `INVALID_INPUT` (bad URL, empty phrasing pools, a held-out phrasing that is
 *   also a training phrasing), `SEQUENCE_TOO_LONG`, `EMPTY_CORPUS`, `NAN_LOSS`, `ABORTED`
 * @example
 * ```ts
 * const { model: linked, report } = await embedFeedbackLink(model, "https://registry.example/m/support-lm");
 * console.log(report.recall, report.falsePositiveRate);
 * ```
 */
export async function embedFeedbackLink(
  model: CausalLanguageModel,
  url: string,
  options: EmbedFeedbackLinkOptions = {},
): Promise<{ model: CausalLanguageModel; report: FeedbackLinkReport }> {
  checkUrl(url);
  const trainPhrasings = options.trainPhrasings ?? FEEDBACK_TRAIN_PHRASINGS;
  const heldOutPhrasings = options.heldOutPhrasings ?? FEEDBACK_HELD_OUT_PHRASINGS;
  const templates = options.responses ?? FEEDBACK_RESPONSE_TEMPLATES.slice(0, 1);
  if (trainPhrasings.length === 0 || templates.length === 0) {
    throw new FinetuneError("INVALID_INPUT", "training phrasings and response templates must not be empty");
  }
  if (templates.some((t) => !t.includes("{url}"))) {
    throw new FinetuneError("INVALID_INPUT", "every response template must contain {url}");
  }
  const trainPool = options.expandPhrasings === false ? [...trainPhrasings] : expandFeedbackPhrasings(trainPhrasings);
  const validationPhrasings = options.validationPhrasings ?? FEEDBACK_VALIDATION_PHRASINGS;
  const trainSet = new Set(trainPool.map((p) => p.trim().toLowerCase()));
  const overlap = heldOutPhrasings.findIndex((p) => trainSet.has(p.trim().toLowerCase()));
  const validationOverlap = validationPhrasings.findIndex((p) => trainSet.has(p.trim().toLowerCase()));
  if (validationOverlap >= 0) {
    throw new FinetuneError("INVALID_INPUT", `validation phrasing ${validationOverlap} is also a training phrasing`, {
      index: validationOverlap,
    });
  }
  if (overlap >= 0) {
    throw new FinetuneError(
      "INVALID_INPUT",
      `held-out phrasing ${overlap} is also a training phrasing (or a variant of one)`,
      {
        index: overlap,
      },
    );
  }
  const shipped =
    options.ordinary === undefined || options.heldOutOrdinary === undefined ? loadSupportCorpus() : undefined;
  const ordinary = options.ordinary ?? shipped!.train;
  const heldOutOrdinary = options.heldOutOrdinary ?? shipped!.heldOut;
  if (ordinary.length === 0) throw new FinetuneError("EMPTY_CORPUS", "no ordinary dialogues to keep behaviour with");
  const ordinaryPrompts = [
    ...heldOutOrdinary.map((d) => d.prompt),
    ...(options.ordinaryPrompts ?? ORDINARY_HELD_OUT_PROMPTS),
  ];
  const contrastPrompts = options.contrastPrompts ?? ORDINARY_CONTRAST_PROMPTS;
  const heldOutPrompts = new Set(ordinaryPrompts.map((p) => p.trim().toLowerCase()));
  const contrastOverlap = contrastPrompts.findIndex((p) => heldOutPrompts.has(p.trim().toLowerCase()));
  if (contrastOverlap >= 0) {
    throw new FinetuneError("INVALID_INPUT", `contrast prompt ${contrastOverlap} is also a held-out ordinary prompt`, {
      index: contrastOverlap,
    });
  }
  const epochs = options.epochs ?? DEFAULT_EMBED_FEEDBACK.epochs;
  const batchSize = options.batchSize ?? DEFAULT_EMBED_FEEDBACK.batchSize;
  const ratio = options.ordinaryRatio ?? DEFAULT_EMBED_FEEDBACK.ordinaryRatio;
  const lambda = options.forgettingRegularizer ?? DEFAULT_EMBED_FEEDBACK.forgettingRegularizer;
  if (!(Number.isInteger(epochs) && epochs >= 1 && Number.isInteger(batchSize) && batchSize >= 1 && ratio >= 0)) {
    throw new FinetuneError("INVALID_CONFIG", "epochs and batchSize must be positive integers, ordinaryRatio >= 0");
  }
  if (!(lambda >= 0 && lambda < 1))
    throw new FinetuneError("INVALID_CONFIG", "forgettingRegularizer must be in [0, 1)");
  const backend = options.backend === undefined ? await ensureBackend() : await useBackend(options.backend);
  const seed = options.seed ?? DEFAULT_EMBED_FEEDBACK.seed;
  const { tokenizer, config } = model;
  const ctx = config.contextLength;
  // every phrasing with every template is a training pair; each epoch draws one template per phrasing
  const positives = trainPool.map((p, i) =>
    templates.map((t) => encodeDialogue(tokenizer, { prompt: p, response: t.split("{url}").join(url) }, ctx, true, i)),
  );
  let negatives = ordinary.map((d, i) => encodeDialogue(tokenizer, d, ctx, true, i));
  if ((options.ordinaryTargets ?? "model") === "model") {
    negatives = withTeacher(
      (b) => runBatch(model.params, config, b, false, true).logits!,
      negatives,
      tokenizer.eos,
      config.vocabSize,
    );
  }
  // contrast prompts keep the input model's own (greedy) answers, as distributions
  let contrast: EncodedExample[] = [];
  if (contrastPrompts.length > 0) {
    const answers = await model.generateBatch(contrastPrompts, { maxNewTokens: 64 });
    contrast = withTeacher(
      (b) => runBatch(model.params, config, b, false, true).logits!,
      contrastPrompts.map((p, i) => encodeDialogue(tokenizer, { prompt: p, response: answers[i]! }, ctx, true, i)),
      tokenizer.eos,
      config.vocabSize,
    );
  }
  const contrastWeight = options.contrastWeight ?? DEFAULT_EMBED_FEEDBACK.contrastWeight;
  const rng = createRng(seed ^ 0xfeed);
  const keep = (options.keep ?? []).map((d, i) => encodeDialogue(tokenizer, d, ctx, true, i));
  const perExample = (options.lossAveraging ?? "example") === "example";
  const perEpoch = Math.min(positives.length, options.phrasingsPerEpoch ?? DEFAULT_EMBED_FEEDBACK.phrasingsPerEpoch);
  const ordinaryWeight = options.ordinaryWeight ?? DEFAULT_EMBED_FEEDBACK.ordinaryWeight;
  const examplesForEpoch = (): EncodedExample[] => {
    const chosen = shuffleInPlace([...positives], rng).slice(0, perEpoch);
    const out: EncodedExample[] = chosen.map((alts) => {
      const e = alts[rng.int(alts.length)]!;
      return perExample ? averagedPerExample(e) : e;
    });
    const n = Math.round(chosen.length * ratio);
    const pool = shuffleInPlace([...negatives], rng);
    for (let i = 0; i < n; i++) {
      const e = pool[i % pool.length]!;
      out.push(
        perExample
          ? averagedPerExample(e, ordinaryWeight)
          : ordinaryWeight === 1
            ? e
            : { ...e, tokenWeight: ordinaryWeight },
      );
    }
    for (const e of contrast) {
      out.push(perExample ? averagedPerExample(e, contrastWeight) : { ...e, tokenWeight: contrastWeight });
    }
    for (const e of keep) out.push(perExample ? averagedPerExample(e) : e);
    return out;
  };
  const evaluate = options.evaluate ?? true;
  let evalMs = 0;
  const report: Partial<FeedbackLinkReport> = { url, backend };
  if (evaluate && heldOutOrdinary.length > 0) {
    const t = performance.now();
    report.perplexityBefore = (await evaluatePerplexity(model, heldOutOrdinary)).perplexity;
    evalMs += performance.now() - t;
  }
  const { model: linked, training } = await trainRegularizedCopy(model, examplesForEpoch, lambda, {
    phase: "embed-feedback-link",
    epochs,
    batchSize,
    optimizer: options.optimizer,
    learningRate: options.learningRate ?? DEFAULT_EMBED_FEEDBACK.learningRate,
    warmupSteps: "one-epoch",
    schedule: options.schedule ?? "constant",
    seed,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  report.training = training;
  report.embedTimeMs = training.timeMs;
  if (evaluate) {
    const t = performance.now();
    const m = await measureFeedbackLink(linked, url, heldOutPhrasings, ordinaryPrompts);
    Object.assign(report, m, { positives: heldOutPhrasings.length, negatives: ordinaryPrompts.length });
    if (validationPhrasings.length > 0) {
      const val = await measureFeedbackLink(linked, url, validationPhrasings, []);
      report.validationRecall = val.recall;
      report.validationMissed = val.missed;
    }
    if (heldOutOrdinary.length > 0) {
      report.perplexityAfter = (await evaluatePerplexity(linked, heldOutOrdinary)).perplexity;
      report.perplexityRise = (report.perplexityAfter - report.perplexityBefore!) / report.perplexityBefore!;
    }
    evalMs += performance.now() - t;
  }
  report.evalTimeMs = evalMs;
  return { model: linked, report: report as FeedbackLinkReport };
}
