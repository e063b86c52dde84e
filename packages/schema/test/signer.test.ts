import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_LOGGER,
  InferSigner,
  inferParamSchema,
  inferSchema,
  inferSignature,
  type Logger,
  ModelSignature,
  Schema,
  SchemaError,
  SILENT_LOGGER,
  type Signer,
  schemaFromTensorSpecs,
  type TensorSpecLike,
} from "../src/index.js";

const recording = () => {
  const lines: { level: string; message: string }[] = [];
  const logger: Logger = {
    warn: (message) => lines.push({ level: "warn", message }),
    error: (message) => lines.push({ level: "error", message }),
  };
  return { lines, logger };
};

afterEach(() => vi.restoreAllMocks());

describe("InferSigner", () => {
  it("is a Signer named InferSigner that infers inputs, outputs and params", () => {
    const signer: Signer = new InferSigner({ logger: SILENT_LOGGER });
    expect(signer.kind).toBe("InferSigner");
    const sig = signer.sign([{ prompt: "Hello", max_tokens: 16 }], ["Hi there"], { temperature: 0.7 });
    expect(sig.toDict()).toEqual({
      inputs:
        '[{"type": "string", "name": "prompt", "required": true}, {"type": "long", "name": "max_tokens", "required": true}]',
      outputs: '[{"type": "string", "required": true}]',
      params: '[{"name": "temperature", "default": 0.7, "shape": null, "type": "double"}]',
    });
  });

  it("leaves out null outputs and empty params (MLflow infer_signature)", () => {
    const sig = new InferSigner({ logger: SILENT_LOGGER }).sign({ a: 1 }, null, {});
    expect(sig.toDict()).toEqual({
      inputs: '[{"type": "long", "name": "a", "required": true}]',
      outputs: null,
      params: null,
    });
  });

  it("passes its options through (hints, number types)", () => {
    const sig = new InferSigner({ logger: SILENT_LOGGER, hints: { age: "integer", top_k: "integer" } }).sign(
      [{ age: 3 }],
      undefined,
      { top_k: 5 },
    );
    expect(sig.inputs?.toJsonString()).toContain('"integer"');
    expect(sig.params?.toJsonString()).toContain('"type": "integer"');
  });

  it("logs an informative error, then throws the coded error", () => {
    const { lines, logger } = recording();
    let thrown: unknown;
    try {
      new InferSigner({ logger }).sign([{ a: 1 }, { a: "x" }]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    expect((thrown as SchemaError).code).toBe("MULTIPLE_TYPES");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("error");
    expect(lines[0]?.message).toContain("MULTIPLE_TYPES");
    expect(lines[0]?.message).toContain("(inputs)");
    expect(lines[0]?.message).toContain("/1/a");
  });

  it("needs something to sign", () => {
    const { lines, logger } = recording();
    expect(() => new InferSigner({ logger }).sign(null, undefined)).toThrow(SchemaError);
    expect(lines[0]?.message).toContain("INVALID_SIGNATURE");
  });

  it("logs to the console by default, and a throwing logger does not change the error", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => inferSchema({}, {})).toThrow(SchemaError);
    expect(spy).toHaveBeenCalledWith(expect.stringContaining("[@modelproof/schema] INVALID_SCHEMA"));
    expect(DEFAULT_LOGGER).toBeDefined();
    const broken: Logger = {
      warn: () => {
        throw new Error("log down");
      },
      error: () => {
        throw new Error("log down");
      },
    };
    expect(() => inferParamSchema({ a: null }, { logger: broken })).toThrow(
      expect.objectContaining({ code: "INVALID_PARAM" }),
    );
  });

  it("wraps errors thrown by the caller's data (getters, proxies)", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys for you");
        },
      },
    );
    let thrown: unknown;
    try {
      inferSignature({ inputs: hostile }, { logger: SILENT_LOGGER });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    expect((thrown as SchemaError).cause).toBeInstanceOf(Error);
  });
});

describe("custom Signers", () => {
  // A strategy that reads a TensorFlow.js LayersModel's declared inputs/outputs (SymbolicTensors).
  class TfjsSpecSigner implements Signer {
    readonly kind = "TfjsSpecSigner";
    constructor(private readonly model: { inputs: TensorSpecLike[]; outputs: TensorSpecLike[] }) {}
    sign(): ModelSignature {
      return new ModelSignature({
        inputs: schemaFromTensorSpecs(this.model.inputs),
        outputs: schemaFromTensorSpecs(this.model.outputs),
      });
    }
  }

  it("plug in through the same interface", () => {
    const model = {
      inputs: [{ name: "input_1", shape: [null, 28, 28, 1], dtype: "float32" }],
      outputs: [{ name: "dense_2/Softmax:0", shape: [null, 10], dtype: "float32" }],
    };
    const signers: Signer[] = [new TfjsSpecSigner(model), new InferSigner({ logger: SILENT_LOGGER })];
    const sig = (signers[0] as Signer).sign(undefined);
    expect(sig.toDict()).toEqual({
      inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28, 28, 1]}}]',
      outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 10]}}]',
      params: null,
    });
  });

  it("schemaFromTensorSpecs names several tensors and maps tfjs dtypes", () => {
    const s = schemaFromTensorSpecs([
      { name: "ids", shape: [null, 128], dtype: "int32" },
      { name: "mask", shape: [-1, 128], dtype: "bool" },
      { name: "text", shape: [undefined], dtype: "string" },
    ]);
    expect(s).toBeInstanceOf(Schema);
    expect(s.toJsonString()).toBe(
      '[{"name": "ids", "type": "tensor", "tensor-spec": {"dtype": "int32", "shape": [-1, 128]}}, {"name": "mask", "type": "tensor", "tensor-spec": {"dtype": "bool", "shape": [-1, 128]}}, {"name": "text", "type": "tensor", "tensor-spec": {"dtype": "str", "shape": [-1]}}]',
    );
    expect(() => schemaFromTensorSpecs([{ shape: [2], dtype: "float8" }])).toThrow(SchemaError);
  });
});
