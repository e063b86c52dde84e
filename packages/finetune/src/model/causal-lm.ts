/**
 * The small causal language model: configuration, tokenizer and parameters, with generation.
 */
import { createHash } from "node:crypto";
import { ensureBackend } from "../backend.js";
import { encodePrompt } from "../chat.js";
import { FinetuneError } from "../errors.js";
import type { Tokenizer } from "../tokenizer.js";
import { DEFAULT_MODEL_CONFIG, type ModelConfig, validateModelConfig } from "./config.js";
import { generateIds } from "./generate.js";
import { ParamStore } from "./params.js";

/** Options of {@link CausalLanguageModel.generate}. */
export interface GenerateOptions {
  /** Most tokens to generate (default {@link DEFAULT_GENERATE_OPTIONS}.maxNewTokens). */
  maxNewTokens?: number;
  /** 0: greedy decoding (default); > 0: sampling temperature. */
  temperature?: number;
  /** Sample among the k most likely tokens only (0: no limit). */
  topK?: number;
  /** Nucleus sampling threshold (1: no limit). */
  topP?: number;
  /** Sampling seed. */
  seed?: number;
  /** A system prompt placed before the user's turn. */
  system?: string;
}

/** One prompt for {@link CausalLanguageModel.generateBatch}. */
export type PromptInput = string | { prompt: string; system?: string };

/** Defaults for generation. */
export const DEFAULT_GENERATE_OPTIONS = {
  maxNewTokens: 64,
  temperature: 0,
  topK: 0,
  topP: 1,
  seed: 0,
  /** Prompts generated together in one batch by generateBatch. */
  batchSize: 64,
} as const;

/**
 * A decoder-only transformer language model with its tokenizer. Satisfies the
 * `{ generate(prompt, options?) => Promise<string> }` shape that @modelproof/fingerprint checks.
 */
export class CausalLanguageModel {
  /** The architecture. */
  readonly config: ModelConfig;
  /** The tokenizer the model was trained with. */
  readonly tokenizer: Tokenizer;
  /** @internal parameters (flat master copy + tensor mirrors) */
  readonly params: ParamStore;

  /** @internal use {@link CausalLanguageModel.create}, {@link trainLanguageModel} or {@link loadModel}. */
  constructor(config: ModelConfig, tokenizer: Tokenizer, params: ParamStore) {
    this.config = config;
    this.tokenizer = tokenizer;
    this.params = params;
  }

  /**
   * A freshly initialised (untrained) model for a tokenizer.
   * @param config - architecture overrides on {@link DEFAULT_MODEL_CONFIG}; vocabSize comes from the tokenizer
   * @param seed - initialisation seed (the same seed gives the same weights on every backend)
   * @throws FinetuneError `INVALID_CONFIG`
   */
  static create(
    tokenizer: Tokenizer,
    config: Partial<Omit<ModelConfig, "vocabSize">> = {},
    seed = 0,
  ): CausalLanguageModel {
    const full = validateModelConfig({ ...DEFAULT_MODEL_CONFIG, ...config, vocabSize: tokenizer.vocabSize });
    const params = new ParamStore(full);
    params.initialise(seed);
    return new CausalLanguageModel(full, tokenizer, params);
  }

  /** Number of parameters. */
  get parameterCount(): number {
    return this.params.values.length;
  }

  /** An independent copy (same weights, own memory). */
  clone(): CausalLanguageModel {
    return new CausalLanguageModel(
      this.config,
      this.tokenizer,
      new ParamStore(this.config, this.params.values.slice()),
    );
  }

  /**
   * SHA-256 (hex) of the weights as saved: little-endian float32 in canonical parameter order, the
   * exact bytes of the saved weight shards.
   */
  weightsDigest(): string {
    const v = this.params.values;
    return createHash("sha256")
      .update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
      .digest("hex");
  }

  /**
   * Generates the assistant's reply to a prompt (greedy unless a temperature is given).
   * @throws FinetuneError `SEQUENCE_TOO_LONG` when the prompt fills the context window;
   *   `BACKEND_UNAVAILABLE` when no backend can be initialised
   * @example
   * ```ts
   * const reply = await model.generate("How do I export my notes?");
   * ```
   */
  async generate(prompt: string, options: GenerateOptions = {}): Promise<string> {
    const [out] = await this.generateBatch(
      [{ prompt, ...(options.system === undefined ? {} : { system: options.system }) }],
      options,
    );
    return out!;
  }

  /**
   * Generates replies to many prompts, batched (much faster than one at a time).
   * @throws FinetuneError as {@link CausalLanguageModel.generate}
   */
  async generateBatch(prompts: readonly PromptInput[], options: GenerateOptions = {}): Promise<string[]> {
    await ensureBackend();
    const o = {
      maxNewTokens: options.maxNewTokens ?? DEFAULT_GENERATE_OPTIONS.maxNewTokens,
      temperature: options.temperature ?? DEFAULT_GENERATE_OPTIONS.temperature,
      topK: options.topK ?? DEFAULT_GENERATE_OPTIONS.topK,
      topP: options.topP ?? DEFAULT_GENERATE_OPTIONS.topP,
      seed: options.seed ?? DEFAULT_GENERATE_OPTIONS.seed,
      stopToken: this.tokenizer.eos,
    };
    if (!(Number.isInteger(o.maxNewTokens) && o.maxNewTokens >= 1)) {
      throw new FinetuneError("INVALID_CONFIG", "maxNewTokens must be a positive integer");
    }
    const encoded = prompts.map((p) =>
      typeof p === "string"
        ? encodePrompt(this.tokenizer, p, options.system)
        : encodePrompt(this.tokenizer, p.prompt, p.system ?? options.system),
    );
    const out: string[] = [];
    const size = DEFAULT_GENERATE_OPTIONS.batchSize;
    for (let i = 0; i < encoded.length; i += size) {
      const chunk = encoded.slice(i, i + size);
      const maxNew = Math.min(o.maxNewTokens, this.config.contextLength - Math.min(...chunk.map((c) => c.length)));
      try {
        const res = generateIds(this.params, this.config, chunk, {
          ...o,
          maxNewTokens: Math.max(1, maxNew),
          seed: o.seed + i,
        });
        for (const r of res) out.push(this.tokenizer.decode(r.ids));
      } catch (e) {
        if (e instanceof FinetuneError && e.index !== undefined) {
          throw new FinetuneError(e.code, e.message.replace(/prompt \d+/, `prompt ${i + e.index}`), {
            index: i + e.index,
            cause: e,
          });
        }
        throw e;
      }
    }
    return out;
  }

  /** Frees the tensors mirrored on the backend (the model stays usable; they are rebuilt on use). */
  dispose(): void {
    this.params.dispose();
  }
}
