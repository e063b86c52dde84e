/**
 * The model interfaces this package talks to. A model is anything that turns a prompt into text
 * (`generate`); the `inverse_nucleus` strategy also needs a next-token distribution. Adapters for
 * tfjs, ONNX, an HTTP API or a test double all fit.
 */

/** Options passed to {@link TextModel.generate}. Adapters ignore what they do not support. */
export interface GenerateOptions {
  /** Cancelled when the call timed out or the whole operation was aborted; stop work when it fires. */
  signal?: AbortSignal;
  /** Sampling temperature; fingerprint checks send 0 (greedy decoding), as OML results assume. */
  temperature?: number;
  /** Upper bound on new tokens, when the caller knows one. */
  maxTokens?: number;
  /** A per-call seed, so that seeded samplers give reproducible generations. */
  seed?: number;
}

/**
 * A model under test, or a generator model for the `english` strategies: prompt in, text out.
 *
 * @example
 * ```ts
 * const model: TextModel = { generate: async (prompt) => myLocalModel.complete(prompt) };
 * ```
 */
export interface TextModel {
  /**
   * @param prompt - the full prompt text
   * @param options - decoding hints and a cancellation signal
   * @returns the model's continuation (without the prompt)
   */
  generate(prompt: string, options?: GenerateOptions): Promise<string>;
}

/** One entry of a next-token distribution. */
export interface TokenProbability {
  /** The decoded token text, with its leading space if it has one (e.g. `" yellow"`). */
  token: string;
  /** Its probability, in [0, 1]. */
  probability: number;
}

/** A model that exposes next-token probabilities (needed by the `inverse_nucleus` strategy). */
export interface NextTokenModel {
  /**
   * @param prompt - the context, fed raw (OML uses no chat template here)
   * @param options - a cancellation signal
   * @returns the distribution of the next token (it may be truncated to the most likely tokens,
   *   as long as it covers more than the nucleus mass)
   */
  nextTokenDistribution(prompt: string, options?: { signal?: AbortSignal }): Promise<readonly TokenProbability[]>;
}
