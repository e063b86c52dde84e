/**
 * `ModelSignature`: a model's input schema, output schema and inference parameters, as MLflow stores
 * it in the `signature:` block of an `MLmodel` file (MLflow `mlflow/models/signature.py`). Each part
 * is serialised to a JSON string, exactly the text MLflow writes, or `null`.
 */
import { SchemaError } from "./errors.js";
import { ParamSchema, Schema } from "./schema.js";
import { describe } from "./types.js";
import { isPlainObject } from "./values.js";

/** The serialised form: `{inputs, outputs, params}`, each MLflow's JSON string or `null`. */
export interface SignatureDict {
  inputs: string | null;
  outputs: string | null;
  params: string | null;
}

/** The parts of a {@link ModelSignature}; at least one must be present. */
export interface SignatureParts {
  inputs?: Schema | undefined;
  outputs?: Schema | undefined;
  params?: ParamSchema | undefined;
}

/** A model's I/O signature (MLflow `ModelSignature`). Immutable. */
export class ModelSignature {
  /** The input schema, when declared. */
  readonly inputs?: Schema;
  /** The output schema, when declared. */
  readonly outputs?: Schema;
  /** The inference parameters, when declared. */
  readonly params?: ParamSchema;

  /**
   * @param parts - `inputs`, `outputs` and/or `params`
   * @throws SchemaError `INVALID_SIGNATURE` when all three are absent or a part has the wrong class
   * @example new ModelSignature({ inputs: new Schema([colSpec("string", { name: "prompt" })]) })
   */
  constructor(parts: SignatureParts) {
    const { inputs, outputs, params } = parts ?? {};
    if (inputs !== undefined && !(inputs instanceof Schema)) {
      throw new SchemaError("INVALID_SIGNATURE", `inputs must be a Schema, got ${describe(inputs)}`);
    }
    if (outputs !== undefined && !(outputs instanceof Schema)) {
      throw new SchemaError("INVALID_SIGNATURE", `outputs must be a Schema, got ${describe(outputs)}`);
    }
    if (params !== undefined && !(params instanceof ParamSchema)) {
      throw new SchemaError("INVALID_SIGNATURE", `params must be a ParamSchema, got ${describe(params)}`);
    }
    if (inputs === undefined && outputs === undefined && params === undefined) {
      throw new SchemaError("INVALID_SIGNATURE", "At least one of inputs, outputs or params must be provided");
    }
    if (inputs !== undefined) this.inputs = inputs;
    if (outputs !== undefined) this.outputs = outputs;
    if (params !== undefined) this.params = params;
    Object.freeze(this);
  }

  /**
   * MLflow's `ModelSignature.to_dict()`: the three strings written under `signature:` in `MLmodel`.
   * An empty params schema is written as `null`, as MLflow does.
   */
  toDict(): SignatureDict {
    return {
      inputs: this.inputs?.toJsonString() ?? null,
      outputs: this.outputs?.toJsonString() ?? null,
      params: this.params && this.params.params.length > 0 ? this.params.toJsonString() : null,
    };
  }

  /** `true` when inputs, outputs and params are equal. */
  equals(other: ModelSignature): boolean {
    const same = <T extends { equals(o: T): boolean }>(a: T | undefined, b: T | undefined) =>
      a === undefined ? b === undefined : b !== undefined && a.equals(b);
    return (
      other instanceof ModelSignature &&
      same(this.inputs, other.inputs) &&
      same(this.outputs, other.outputs) &&
      same(this.params, other.params)
    );
  }

  /**
   * Reads the dict form (MLflow `ModelSignature.from_dict`); empty or missing parts are absent.
   * @param dict - `{inputs, outputs, params}` with JSON strings (or `null`)
   * @param options - `maxDepth` for nested types
   * @throws SchemaError `INVALID_SIGNATURE`, `INVALID_JSON`, `INVALID_SCHEMA`, `INVALID_PARAM`
   */
  static fromDict(dict: unknown, options: { maxDepth?: number } = {}): ModelSignature {
    if (!isPlainObject(dict))
      throw new SchemaError("INVALID_SIGNATURE", `Expected a signature dict, got ${describe(dict)}`);
    const part = (key: "inputs" | "outputs" | "params"): string | undefined => {
      const v = Object.hasOwn(dict, key) ? dict[key] : undefined;
      if (v === undefined || v === null || v === "") return undefined;
      if (typeof v !== "string") {
        throw new SchemaError(
          "INVALID_SIGNATURE",
          `signature.${key} must be a JSON string or null, got ${describe(v)}`,
          { path: `signature.${key}` },
        );
      }
      return v;
    };
    const at = <T>(key: string, f: () => T): T => {
      try {
        return f();
      } catch (e) {
        if (e instanceof SchemaError) {
          throw new SchemaError(e.code, e.message, { path: `signature.${key}${e.path ?? ""}`, cause: e.cause });
        }
        throw e;
      }
    };
    const inputs = part("inputs");
    const outputs = part("outputs");
    const params = part("params");
    return new ModelSignature({
      inputs: inputs === undefined ? undefined : at("inputs", () => Schema.fromJsonString(inputs, options)),
      outputs: outputs === undefined ? undefined : at("outputs", () => Schema.fromJsonString(outputs, options)),
      params: params === undefined ? undefined : at("params", () => ParamSchema.fromJsonString(params, options)),
    });
  }
}
