/**
 * Configuration of the decoder-only transformer (GPT-2 shape: token + learned position embeddings,
 * pre-LN blocks, causal multi-head attention, GELU MLP, output head tied to the token embedding).
 */
import { FinetuneError } from "../errors.js";

/** Shape of a {@link CausalLanguageModel}. */
export interface ModelConfig {
  /** Vocabulary size (tokens the embedding and output head know). */
  vocabSize: number;
  /** Context window: the most positions one sequence can have (prompt + generated tokens). */
  contextLength: number;
  /** Width of the residual stream. */
  dModel: number;
  /** Attention heads per layer; must divide dModel. */
  nHeads: number;
  /** Transformer blocks. */
  nLayers: number;
  /** Width of the MLP hidden layer. */
  dFF: number;
  /** Layer-norm epsilon. */
  layerNormEps: number;
}

/** The demo model: small enough to train on 2 CPU cores in minutes (vocabSize comes from the tokenizer). */
export const DEFAULT_MODEL_CONFIG: Omit<ModelConfig, "vocabSize"> = {
  contextLength: 160,
  dModel: 128,
  nHeads: 4,
  nLayers: 3,
  dFF: 512,
  layerNormEps: 1e-5,
};

function positiveInt(name: string, v: unknown, max: number): void {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > max) {
    throw new FinetuneError("INVALID_CONFIG", `${name} must be an integer in 1..${max} (got ${String(v)})`);
  }
}

/**
 * Checks a model configuration.
 * @throws FinetuneError `INVALID_CONFIG` naming the first bad field
 */
export function validateModelConfig(c: ModelConfig): ModelConfig {
  positiveInt("vocabSize", c.vocabSize, 1 << 20);
  positiveInt("contextLength", c.contextLength, 1 << 14);
  positiveInt("dModel", c.dModel, 1 << 14);
  positiveInt("nHeads", c.nHeads, 1024);
  positiveInt("nLayers", c.nLayers, 1024);
  positiveInt("dFF", c.dFF, 1 << 16);
  if (c.dModel % c.nHeads !== 0) {
    throw new FinetuneError("INVALID_CONFIG", `nHeads (${c.nHeads}) must divide dModel (${c.dModel})`);
  }
  if (!(typeof c.layerNormEps === "number" && c.layerNormEps > 0 && c.layerNormEps < 1)) {
    throw new FinetuneError("INVALID_CONFIG", `layerNormEps must be in (0, 1) (got ${String(c.layerNormEps)})`);
  }
  return c;
}

/** One named parameter tensor of the model, in canonical (save and hash) order. */
export interface ParamSpec {
  /** Stable name, e.g. `h0.attn.wqkv`. */
  name: string;
  /** Tensor shape. */
  shape: number[];
  /** Offset (in floats) into the flat parameter vector. */
  offset: number;
  /** Number of floats. */
  size: number;
  /** How it is initialised: normal(0, std), zeros or ones. */
  init: "normal" | "zeros" | "ones";
  /** Standard deviation for normal init. */
  std: number;
  /** Whether AdamW weight decay applies (matrices and embeddings, not biases or norms). */
  decay: boolean;
}

/** The canonical parameter list of a configuration. */
export function paramSpecs(c: ModelConfig): ParamSpec[] {
  const specs: ParamSpec[] = [];
  let offset = 0;
  const add = (name: string, shape: number[], init: ParamSpec["init"], std = 0, decay = false): void => {
    const size = shape.reduce((a, b) => a * b, 1);
    specs.push({ name, shape, offset, size, init, std, decay });
    offset += size;
  };
  const { vocabSize: v, contextLength: t, dModel: d, dFF: f, nLayers: l } = c;
  const residualStd = 0.02 / Math.sqrt(2 * l);
  add("wte", [v, d], "normal", 0.02, true);
  add("wpe", [t, d], "normal", 0.01, true);
  for (let i = 0; i < l; i++) {
    add(`h${i}.ln1.g`, [d], "ones");
    add(`h${i}.ln1.b`, [d], "zeros");
    add(`h${i}.attn.wqkv`, [d, 3 * d], "normal", 0.02, true);
    add(`h${i}.attn.bqkv`, [3 * d], "zeros");
    add(`h${i}.attn.wo`, [d, d], "normal", residualStd, true);
    add(`h${i}.attn.bo`, [d], "zeros");
    add(`h${i}.ln2.g`, [d], "ones");
    add(`h${i}.ln2.b`, [d], "zeros");
    add(`h${i}.mlp.w1`, [d, f], "normal", 0.02, true);
    add(`h${i}.mlp.b1`, [f], "zeros");
    add(`h${i}.mlp.w2`, [f, d], "normal", residualStd, true);
    add(`h${i}.mlp.b2`, [d], "zeros");
  }
  add("lnf.g", [d], "ones");
  add("lnf.b", [d], "zeros");
  return specs;
}

/** Total number of parameters of a configuration. */
export function countParams(c: ModelConfig): number {
  return paramSpecs(c).reduce((a, s) => a + s.size, 0);
}
