/**
 * Signers: strategies that produce a model's I/O signature (the MLflow meaning of "signature", not a
 * cryptographic one). {@link Signer} is the plug-in point; {@link InferSigner} infers the signature
 * from sample data with MLflow's `infer_signature` semantics. A custom strategy implements `sign`,
 * e.g. by reading a TensorFlow.js model's `inputs`/`outputs` with {@link schemaFromTensorSpecs}.
 */
import { type InferOptions, inferParamSchemaImpl, inferSchemaImpl } from "./infer.js";
import { DEFAULT_LOGGER, type Logger, logAndRethrow } from "./logger.js";
import type { ParamSchema, Schema } from "./schema.js";
import { Schema as SchemaClass } from "./schema.js";
import { ModelSignature } from "./signature.js";
import { tensorSpec } from "./types.js";
import { tensorLikeDType } from "./values.js";

/** Options of the inference functions and {@link InferSigner}: inference options plus a logger. */
export interface InferSignerOptions extends InferOptions {
  /** Where errors are logged before being thrown (default {@link DEFAULT_LOGGER}). */
  logger?: Logger;
}

/**
 * A strategy that produces a {@link ModelSignature} from a model's inputs and outputs (and, optionally,
 * its inference parameters). Implement it to plug in your own strategy.
 * @example
 * class FixedSigner implements Signer {
 *   readonly kind = "FixedSigner";
 *   constructor(private readonly signature: ModelSignature) {}
 *   sign() { return this.signature; }
 * }
 */
export interface Signer {
  /** The strategy's name, e.g. `"InferSigner"` (recorded with the signature by callers that want it). */
  readonly kind: string;
  /**
   * Produces the signature.
   * @param inputs - sample inputs (or whatever the strategy reads them from)
   * @param outputs - sample outputs
   * @param params - inference parameters with their default values
   * @returns the signature
   * @throws SchemaError when no signature can be produced
   */
  sign(inputs: unknown, outputs?: unknown, params?: Readonly<Record<string, unknown>>): ModelSignature;
}

/**
 * The built-in strategy: infers inputs and outputs from sample data and the params schema from
 * parameter values (MLflow `infer_signature(model_input, model_output, params)`). `null`/`undefined`
 * inputs or outputs, and empty params, are left out of the signature. Errors are logged with an
 * informative message and thrown as {@link SchemaError}.
 * @example
 * const signature = new InferSigner().sign(
 *   [{ prompt: "Hello", max_tokens: 16 }],
 *   ["Hi there"],
 *   { temperature: 0.7 },
 * );
 * signature.toDict().inputs
 * // '[{"type": "string", "name": "prompt", "required": true}, {"type": "long", "name": "max_tokens", "required": true}]'
 */
export class InferSigner implements Signer {
  /** Always `"InferSigner"`. */
  readonly kind = "InferSigner";
  readonly #options: InferSignerOptions;

  /** @param options - number typing, hints, tensor reading, `maxDepth`, `logger` */
  constructor(options: InferSignerOptions = {}) {
    this.#options = { ...options };
  }

  /**
   * Infers the signature.
   * @throws SchemaError `INVALID_SIGNATURE` when inputs, outputs and params are all absent; any code of
   *   {@link inferSchema} / {@link inferParamSchema}, with the part (`inputs`, `outputs`, `params`) named in the message
   */
  sign(inputs: unknown, outputs?: unknown, params?: Readonly<Record<string, unknown>>): ModelSignature {
    return inferSignature({ inputs, outputs, params }, this.#options);
  }
}

/**
 * Infers a signature from sample inputs, outputs and params (MLflow `infer_signature`).
 * @param parts - `inputs`, `outputs` (any data {@link inferSchema} accepts) and `params` (`{name: value}`)
 * @param options - inference options and `logger`
 * @returns the signature
 * @throws SchemaError as {@link InferSigner.sign}
 */
export function inferSignature(
  parts: { inputs?: unknown; outputs?: unknown; params?: Readonly<Record<string, unknown>> | undefined },
  options: InferSignerOptions = {},
): ModelSignature {
  const logger = options.logger ?? DEFAULT_LOGGER;
  let part = "signature";
  try {
    part = "inputs";
    const inputs =
      parts.inputs === null || parts.inputs === undefined ? undefined : inferSchemaImpl(parts.inputs, options);
    part = "outputs";
    const outputs =
      parts.outputs === null || parts.outputs === undefined ? undefined : inferSchemaImpl(parts.outputs, options);
    part = "params";
    const p = parts.params;
    const params =
      p !== null && p !== undefined && (typeof p !== "object" || Object.keys(p).length > 0)
        ? inferParamSchemaImpl(p, options)
        : undefined;
    part = "signature";
    return new ModelSignature({ inputs, outputs, params });
  } catch (e) {
    return logAndRethrow(logger, e, "INVALID_INPUT", `Failed to infer the model signature (${part})`);
  }
}

/**
 * Infers a schema from data (MLflow `_infer_schema`): records, plain objects, {@link Frame}s, typed
 * arrays, {@link NDArray}s, duck-typed tensors (TensorFlow.js), arrays and scalars.
 * @param data - the sample data
 * @param options - number typing (`integerType`, `fractionType`, `hints`), `numericArrays`, `maxDepth`, `logger`
 * @returns the schema
 * @throws SchemaError `MULTIPLE_TYPES` (mixed types in one column or list), `UNSUPPORTED_TYPE`
 *   (class instances, symbols, `uint64`), `INVALID_SCHEMA` (e.g. `{}`), `HINT_MISMATCH`, `MAX_DEPTH_EXCEEDED`
 * @example inferSchema([{ a: 1 }, { a: 2, b: ["x"] }]).toJsonString()
 * // '[{"type": "long", "name": "a", "required": true}, {"type": "array", "items": {"type": "string"}, "name": "b", "required": false}]'
 */
export function inferSchema(data: unknown, options: InferSignerOptions = {}): Schema {
  try {
    return inferSchemaImpl(data, options);
  } catch (e) {
    return logAndRethrow(options.logger ?? DEFAULT_LOGGER, e, "INVALID_INPUT", "Failed to infer the schema");
  }
}

/**
 * Infers a parameter schema (MLflow `_infer_param_schema`): each value's type, shape `[-1]` for 1-D
 * lists, and the value as default. JS numbers follow `integerType`/`fractionType`/`hints`; a `float`
 * default is rounded to float32, as numpy stores it.
 * @param params - `{name: value}`; scalars, `Date`s, 1-D lists or typed arrays, plain objects
 * @param options - number typing, `hints` per parameter, `logger`
 * @returns the parameter schema
 * @throws SchemaError `INVALID_PARAM` naming every parameter that cannot be typed (bytes, null, 2-D
 *   lists, mixed lists, NaN/Infinity)
 * @example inferParamSchema({ temperature: 0.7, top_k: 5 }, { hints: { top_k: "integer" } })
 */
export function inferParamSchema(
  params: Readonly<Record<string, unknown>>,
  options: InferSignerOptions = {},
): ParamSchema {
  try {
    return inferParamSchemaImpl(params, options);
  } catch (e) {
    return logAndRethrow(options.logger ?? DEFAULT_LOGGER, e, "INVALID_PARAM", "Failed to infer the params schema");
  }
}

/** A tensor description as tensor libraries give it, e.g. a TensorFlow.js `SymbolicTensor` (`model.inputs[i]`). */
export interface TensorSpecLike {
  /** The tensor's name; required when there are several. */
  readonly name?: string | undefined;
  /** The shape; `null`, `undefined` or `-1` for a variable axis (tfjs writes `null` for the batch axis). */
  readonly shape: readonly (number | null | undefined)[];
  /** A numpy dtype or a TensorFlow.js dtype (`float32`, `int32`, `bool`, `string`). */
  readonly dtype: string;
}

/**
 * Builds a tensor schema from tensor descriptions, for custom {@link Signer}s that read a model's
 * declared inputs/outputs instead of sample data.
 * @param specs - the tensors (names are kept when there are several; a single tensor may stay unnamed with `named: false`)
 * @param options - `named` (default: `true` when more than one tensor)
 * @returns the schema
 * @throws SchemaError `INVALID_SCHEMA` on unknown dtypes or bad shapes
 * @example
 * // A Signer that reads a TensorFlow.js LayersModel's declared inputs and outputs.
 * class TfjsSpecSigner implements Signer {
 *   readonly kind = "TfjsSpecSigner";
 *   constructor(private readonly model: { inputs: TensorSpecLike[]; outputs: TensorSpecLike[] }) {}
 *   sign() {
 *     return new ModelSignature({
 *       inputs: schemaFromTensorSpecs(this.model.inputs),
 *       outputs: schemaFromTensorSpecs(this.model.outputs),
 *     });
 *   }
 * }
 */
export function schemaFromTensorSpecs(specs: readonly TensorSpecLike[], options: { named?: boolean } = {}): Schema {
  const named = options.named ?? specs.length > 1;
  return new SchemaClass(
    specs.map((s) =>
      tensorSpec(
        tensorLikeDType({ dtype: s.dtype, shape: [], dataSync: () => [] }),
        s.shape.map((d) => (d === null || d === undefined ? -1 : d)),
        named ? s.name : undefined,
      ),
    ),
  );
}
