/**
 * The chat format the models are trained and queried with:
 * `[<|system|> system] <|user|> prompt <|assistant|> response <|endoftext|>`.
 * Text is encoded without special tokens, so a prompt cannot forge a turn boundary.
 */
import { FinetuneError } from "./errors.js";
import type { Tokenizer } from "./tokenizer.js";

/** One single-turn exchange: an optional system prompt, the user's prompt and the reply. */
export interface Dialogue {
  /** Optional system prompt (instructions given before the user's turn). */
  system?: string;
  /** What the user says. */
  prompt: string;
  /** What the assistant answers. */
  response: string;
}

/** A tokenised training example: ids plus the index where the loss starts. */
export interface EncodedExample {
  /** Token ids of the whole exchange, ending with `<|endoftext|>`. */
  ids: number[];
  /** First position of `ids` that is predicted with loss (0: every token after the first). */
  lossFrom: number;
  /**
   * Loss weight of each of the example's predicted tokens (default 1). With per-example averaging
   * this is 1 / (predicted tokens), so every example counts the same however long it is.
   */
  tokenWeight?: number;
  /**
   * Distillation targets: for each predicted token (positions lossFrom..end), a probability
   * distribution over the vocabulary, concatenated. When present the loss is the cross-entropy to
   * these distributions instead of to the example's own tokens.
   */
  teacher?: Float32Array;
}

/** Token ids of the prompt part, ending with `<|assistant|>` (what generation starts from). */
export function encodePrompt(tokenizer: Tokenizer, prompt: string, system?: string): number[] {
  const ids: number[] = [];
  if (system !== undefined && system.length > 0) ids.push(tokenizer.special("<|system|>"), ...tokenizer.encode(system));
  ids.push(tokenizer.special("<|user|>"), ...tokenizer.encode(prompt), tokenizer.special("<|assistant|>"));
  return ids;
}

/**
 * Encodes a dialogue for training. `responseOnly` puts the loss on the response and the closing
 * `<|endoftext|>` only (the prompt is context), as OML fingerprinting does.
 * @throws FinetuneError `SEQUENCE_TOO_LONG` when it does not fit `contextLength` tokens
 */
export function encodeDialogue(
  tokenizer: Tokenizer,
  d: Dialogue,
  contextLength: number,
  responseOnly: boolean,
  index?: number,
): EncodedExample {
  const prompt = encodePrompt(tokenizer, d.prompt, d.system);
  const ids = [...prompt, ...tokenizer.encode(d.response), tokenizer.eos];
  if (ids.length > contextLength) {
    throw new FinetuneError(
      "SEQUENCE_TOO_LONG",
      `example${index === undefined ? "" : ` ${index}`} has ${ids.length} tokens; the context window holds ${contextLength}`,
      index === undefined ? {} : { index },
    );
  }
  return { ids, lossFrom: responseOnly ? prompt.length : 1 };
}

/** Checks that a value is a dialogue with string fields. */
export function isDialogue(x: unknown): x is Dialogue {
  const d = x as Partial<Dialogue> | null;
  return (
    d !== null &&
    typeof d === "object" &&
    typeof d.prompt === "string" &&
    typeof d.response === "string" &&
    (d.system === undefined || typeof d.system === "string")
  );
}
