/**
 * Robustness of embedded fingerprints: does the owner's proof survive what a user might do to the
 * model? Measured as fingerprint success (via @modelproof/fingerprint) under held-out system
 * prompts and after N further steps of ordinary fine-tuning (persistence, as in OML v0.1.0 and
 * Nasery et al. 2025).
 */
import type { Fingerprint } from "@modelproof/fingerprint";
import { systemPromptSet } from "@modelproof/fingerprint";
import { type BackendInfo, type BackendRequest, ensureBackend, useBackend } from "./backend.js";
import { type Dialogue, encodeDialogue } from "./chat.js";
import { FinetuneError } from "./errors.js";
import { checkModelFingerprints } from "./fingerprints.js";
import type { CausalLanguageModel } from "./model/causal-lm.js";
import { DEFAULT_ADAMW } from "./optimizer.js";
import { type ProgressListener, runTraining } from "./train-loop.js";

/** Options of {@link robustnessReport}. */
export interface RobustnessOptions {
  /** Backend (default: keep the active one, else `auto`). */
  backend?: BackendRequest;
  /** Ordinary dialogues the simulated user fine-tunes on (required for persistence). */
  finetuneOn?: readonly Dialogue[];
  /** Fine-tuning steps after which success is measured (default [25, 50, 100]). */
  checkpoints?: readonly number[];
  /** Learning rate of the simulated fine-tune, held constant (default 1e-3). */
  learningRate?: number;
  /** Batch size of the simulated fine-tune (default 16). */
  batchSize?: number;
  /** Templates for the system-prompt check (default `systemPromptSet({ split: "check" })`). */
  systemPrompts?: readonly string[];
  /** Seed (default 1). */
  seed?: number;
  /** Progress of the simulated fine-tune. */
  onProgress?: ProgressListener;
  /** Aborts (error `ABORTED`). */
  signal?: AbortSignal;
}

/** Success after a number of fine-tuning steps. */
export interface PersistencePoint {
  /** Ordinary fine-tuning steps taken. */
  steps: number;
  /** Raw-key success rate. */
  successRate: number;
  /** Success rate under the system prompts. */
  systemPromptSuccessRate: number;
}

/** The report of {@link robustnessReport}. */
export interface RobustnessReport {
  /** Backend used. */
  backend: BackendInfo;
  /** Fingerprints checked. */
  fingerprints: number;
  /** Raw-key success before any further fine-tuning. */
  successRate: number;
  /** Success over every (fingerprint, system prompt) pair before fine-tuning. */
  systemPromptSuccessRate: number;
  /** Success per system prompt (same order as the templates). */
  perSystemPrompt: number[];
  /** Success after N steps of ordinary fine-tuning, for each checkpoint. */
  persistence: PersistencePoint[];
  /** Milliseconds taken. */
  timeMs: number;
}

/**
 * Measures how well fingerprints hold up under system prompts and further fine-tuning. The model
 * is not modified (fine-tuning runs on a copy).
 * @throws FinetuneError `INVALID_INPUT` (no fingerprints, bad checkpoints), `EMPTY_CORPUS`
 *   (checkpoints without `finetuneOn`), `SEQUENCE_TOO_LONG`, `NAN_LOSS`, `ABORTED`
 */
export async function robustnessReport(
  model: CausalLanguageModel,
  fingerprints: readonly Fingerprint[],
  options: RobustnessOptions = {},
): Promise<RobustnessReport> {
  const start = performance.now();
  if (fingerprints.length === 0) throw new FinetuneError("INVALID_INPUT", "no fingerprints to check");
  const checkpoints = [...(options.checkpoints ?? [25, 50, 100])].sort((a, b) => a - b);
  if (checkpoints.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new FinetuneError("INVALID_INPUT", "checkpoints must be positive integers");
  }
  const data = options.finetuneOn ?? [];
  if (checkpoints.length > 0 && data.length === 0) {
    throw new FinetuneError("EMPTY_CORPUS", "persistence needs dialogues to fine-tune on (finetuneOn)");
  }
  const backend = options.backend === undefined ? await ensureBackend() : await useBackend(options.backend);
  const templates = options.systemPrompts ?? systemPromptSet({ split: "check" });
  const base = await checkModelFingerprints(model, fingerprints, templates);
  const persistence: PersistencePoint[] = [];
  const copy = model.clone();
  const examples = data.map((d, i) => encodeDialogue(copy.tokenizer, d, copy.config.contextLength, false, i));
  const batchSize = options.batchSize ?? 16;
  let done = 0;
  for (const target of checkpoints) {
    const steps = target - done;
    // one "epoch" of exactly `steps` batches drawn from the dialogues (repeated when needed)
    const need = steps * batchSize;
    const epochData = Array.from({ length: need }, (_, i) => examples[i % examples.length]!);
    await runTraining(copy, () => epochData, {
      phase: "robustness-finetune",
      epochs: 1,
      batchSize,
      optimizer: { ...DEFAULT_ADAMW, learningRate: options.learningRate ?? 1e-3 },
      warmupSteps: 0,
      schedule: "constant",
      seed: (options.seed ?? 1) + target,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    done = target;
    const r = await checkModelFingerprints(copy, fingerprints, templates);
    persistence.push({
      steps: target,
      successRate: r.successRate,
      systemPromptSuccessRate: r.systemPrompts?.successRate ?? r.successRate,
    });
  }
  return {
    backend,
    fingerprints: fingerprints.length,
    successRate: base.successRate,
    systemPromptSuccessRate: base.systemPrompts?.successRate ?? base.successRate,
    perSystemPrompt: base.perSystemPrompt.map((s) => s.successRate),
    persistence,
    timeMs: performance.now() - start,
  };
}
